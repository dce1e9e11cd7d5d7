package org.waarom.api.webhook.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One event sent to a webhook, with its attempts. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
        @Schema(description = "The event's id, also sent as `webhook-id`", examples = "1042") long eventId,
        @Schema(examples = "element.version.adopted") String eventType,
        @Schema(description = "DELIVERED (a 2xx answer), RETRYING (attempts failed, another is planned) or "
                + "ABANDONED (given up: the webhook was disabled before it could be delivered, and enabling it again retries it; or the event was "
                + "removed by retention before that)", examples = "DELIVERED") Status status,
        @Schema(description = "The HTTP status of the last attempt; null when the receiver did not answer", nullable = true, examples = "200")
        Integer statusCode,
        @Schema(examples = "3") int attempts,
        @Schema(description = "What went wrong the last time an attempt failed; null when none failed", nullable = true, examples = "HTTP 503")
        String lastError,
        Instant firstAttemptAt,
        Instant lastAttemptAt,
        @Schema(description = "When it was delivered; null until then", nullable = true) Instant deliveredAt) {

    /** Where a delivery stands. */
    @Schema(name = "DeliveryStatus")
    public enum Status { DELIVERED, RETRYING, ABANDONED }
}
