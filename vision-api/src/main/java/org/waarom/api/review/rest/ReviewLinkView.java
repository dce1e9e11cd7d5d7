package org.waarom.api.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A review link as listed; {@code token} and {@code link} are present only in the answer that made it (only a hash is kept). */
@Schema(name = "ReviewLink", description = "The link to one review task's page for one recipient, as a reminder carries it")
public record ReviewLinkView(
        @Schema(examples = "12") long id,
        @Schema(description = "The reminder whose message carries the link; null for a link of no reminder", nullable = true, examples = "5")
        Long reminder,
        ReminderRecipient recipient,
        @Schema(description = "The token (shown once, in the answer that made the link; null in every other answer)", nullable = true,
                examples = "wrev_9Xr2kq3uVt0b8Lw1sPzY6eHcA4mNfJdG7oQiRtUvWxY") String token,
        @Schema(description = "The review page the link opens, with the token in its query (shown once, like the token; null in every other "
                + "answer). Valid while the task is open and the link is not revoked.", nullable = true,
                examples = "https://waarom.example.org/pages/zorg-a/review-tasks/31?token=wrev_9Xr2kq3uVt0b8Lw1sPzY6eHcA4mNfJdG7oQiRtUvWxY")
        String link,
        @Schema(examples = "2026-08-02T06:00:00Z") Instant createdAt,
        @Schema(description = "When the link was last used (to the minute); null until then", nullable = true, examples = "2026-08-03T07:12:00Z")
        Instant lastUsedAt,
        @Schema(description = "When the message with the link went out to its recipient (recorded by the review-scheduler); null until then",
                nullable = true, examples = "2026-08-02T06:00:03Z")
        Instant deliveredAt) {

    /** The same link with its page address: {@code base} is the service's base URI ending in a slash. */
    public ReviewLinkView withPage(String base, String org, long task) {
        return new ReviewLinkView(id, reminder, recipient, token, token == null ? null : base + pagePath(org, task) + "?token=" + token,
                createdAt, lastUsedAt, deliveredAt);
    }

    /** The review page of a task, without the leading slash (outside /api/: a page, not an operation). */
    public static String pagePath(String org, long task) {
        return "pages/" + org + "/review-tasks/" + task;
    }
}
