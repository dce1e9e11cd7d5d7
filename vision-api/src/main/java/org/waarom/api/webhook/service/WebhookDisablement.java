package org.waarom.api.webhook.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;

import java.time.Instant;

/** The data of {@code webhook.disabled}: a webhook whose deliveries stopped, and why. */
@Schema(name = "WebhookDisablement", description = "A webhook that was disabled: its deliveries failed for too long, its receiver answered 410 Gone, "
        + "or retention removed events before they could be delivered")
public record WebhookDisablement(
        @Schema(examples = "3") long webhookId,
        @Schema(examples = "https://hr.example.org/waarom") String url,
        @Schema(description = "Why it was disabled", examples = "Deliveries failed since 2026-06-29T10:00:00Z; last error: HTTP 503") String reason,
        @Schema(description = "The error of the last failed delivery; null when none failed", nullable = true, examples = "HTTP 503") String lastError,
        @Schema(description = "Since when deliveries failed; null when none failed", nullable = true) Instant failingSince) implements EventData {
}
