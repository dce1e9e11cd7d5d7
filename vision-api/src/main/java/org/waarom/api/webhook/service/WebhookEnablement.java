package org.waarom.api.webhook.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.webhook.rest.WebhookView;

import java.time.Instant;

/** The data of {@code webhook.enabled}: where a disabled webhook that was enabled again resumes, and why it had been disabled. */
@Schema(name = "WebhookEnablement", description = "A disabled webhook that an admin enabled again, and where its deliveries resume")
public record WebhookEnablement(
        @Schema(examples = "3") long webhookId,
        @Schema(examples = "https://hr.example.org/waarom") String url,
        @Schema(description = "WHERE_IT_STOPPED: with the first event it had not received. OLDEST_KEPT_EVENT: retention removed events it had "
                + "not received, so it resumes with the oldest event still kept; its receiver missed events and should resynchronise")
        WebhookView.Resumption resumedFrom,
        @Schema(description = "When it had been disabled") Instant disabledAt,
        @Schema(description = "Why it had been disabled", examples = "Deliveries failed since 2026-06-29T10:00:00Z; last error: HTTP 503")
        String disabledReason,
        @Schema(description = "Who enabled it", examples = "admin@zorg-a.be") String by) implements EventData {
}
