package org.waarom.api.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A webhook as listed; {@code secret} is present only in the answer to its creation, never again. */
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
        Instant disabledAt,
        @Schema(examples = "Deliveries failed since 2026-06-29T10:00:00Z; last error: HTTP 503") String disabledReason,
        @Schema(description = "Since when the delivery of the oldest undelivered event fails; null while all is well. Later events wait for it.")
        Instant failingSince,
        @Schema(description = "Failed attempts at that event", examples = "0") int attempts,
        @Schema(examples = "HTTP 503") String lastError,
        @Schema(description = "When the next attempt is due, while failing") Instant nextAttemptAt) {
}
