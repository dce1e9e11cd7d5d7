package org.waarom.api.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as listed; {@code secret} is present only in the answer to its creation, never again, and
 * {@code resumedFrom} only in the answer to an enable that enabled it again.
 */
@Schema(name = "Webhook")
public record WebhookView(
        @Schema(examples = "3") long id,
        @Schema(examples = "https://hr.zorg-a.be/hooks/waarom") String url,
        @Schema(description = "The event types delivered, or [\"*\"] for all", examples = "[\"element.version.adopted\"]") List<String> events,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret: shown once, at creation. Keep it with the receiver, which verifies "
                + "`webhook-signature` with it (Standard Webhooks).", examples = "whsec_AaD9ZuB3kz6LQEM1O5jCX/mhbfd6qxVV") String secret,
        @Schema(description = "False once deliveries failed for too long (or the receiver answered 410); nothing is delivered then",
                examples = "true") boolean enabled,
        @Schema(examples = "admin@zorg-a.be") String createdBy,
        Instant createdAt,
        @Schema(description = "When it was disabled; null while enabled", nullable = true) Instant disabledAt,
        @Schema(description = "Why it was disabled; null while enabled", nullable = true,
                examples = "Deliveries failed since 2026-06-29T10:00:00Z; last error: HTTP 503") String disabledReason,
        @Schema(description = "Since when the delivery of the oldest undelivered event fails; null while all is well. Later events wait for it.",
                nullable = true) Instant failingSince,
        @Schema(description = "Failed attempts at that event", examples = "0") int attempts,
        @Schema(description = "The error of the last failed attempt at that event; null while all is well", nullable = true, examples = "HTTP 503")
        String lastError,
        @Schema(description = "When the next attempt is due, while failing; null otherwise (and while disabled)", nullable = true)
        Instant nextAttemptAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to an enable that enabled the webhook again: where its deliveries resume. "
                + "WHERE_IT_STOPPED: with the first event it had not received, nothing is lost. OLDEST_KEPT_EVENT: retention "
                + "(WAAROM_EVENTS_RETENTION, 90 days by default) removed events it had not received yet, so it resumes with the oldest "
                + "event still kept; the receiver missed events and should resynchronise (e.g. read the current values).",
                examples = "WHERE_IT_STOPPED") Resumption resumedFrom) {

    /** Where the deliveries of a webhook that was enabled again resume. */
    public enum Resumption { WHERE_IT_STOPPED, OLDEST_KEPT_EVENT }
}
