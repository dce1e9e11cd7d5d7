package org.waarom.api.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.review.ReviewReminder;

import java.time.Instant;
import java.util.List;

@Schema(name = "ReviewReminder")
public record ReviewReminderView(
        @Schema(examples = "5") long id,
        @Schema(examples = "UPCOMING") ReviewReminder.Kind kind,
        @Schema(examples = "EMAIL") ReviewReminder.Channel channel,
        List<ReminderRecipient> recipients,
        @Schema(examples = "FAILED") ReviewReminder.Status status,
        @Schema(description = "Failed attempts so far", examples = "1") int attempts,
        @Schema(description = "The error of the last failed attempt; null when no attempt failed", nullable = true,
                examples = "SMTP 451 4.7.1 Greylisted, try again later") String lastError,
        @Schema(examples = "review-scheduler") String recordedBy,
        @Schema(examples = "2026-08-02T06:00:00Z") Instant recordedAt,
        @Schema(description = "When it went out (SENT); null until then", nullable = true, examples = "2026-08-02T06:00:04Z") Instant sentAt,
        @Schema(description = "The review links the reminder's message carries, one per recipient, each with its token and page: only in the "
                + "answer that recorded the reminder (201) or replaced its links; null in every other answer (only their hashes are kept)",
                nullable = true) List<ReviewLinkView> links) {

    /** The same reminder with the links its message is to carry. */
    public ReviewReminderView withLinks(List<ReviewLinkView> issued) {
        return new ReviewReminderView(id, kind, channel, recipients, status, attempts, lastError, recordedBy, recordedAt, sentAt, issued);
    }
}
