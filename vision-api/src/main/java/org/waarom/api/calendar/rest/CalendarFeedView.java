package org.waarom.api.calendar.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A calendar feed as listed; {@code token}, {@code url} and {@code overview} are present only in the answer to its
 * creation, never again (only the token's hash is kept).
 */
@Schema(name = "CalendarFeed")
public record CalendarFeedView(
        @Schema(examples = "7") long id,
        @Schema(examples = "Outlook An") String name,
        @Schema(description = "Who created it, as the audit log names them", examples = "an.peeters") String owner,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The feed token: shown once, at creation. It reads this organisation's review-task calendar and nothing else.",
                examples = "wcal_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v") String token,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The subscription address to give the calendar client: shown once, at creation, since it holds the token",
                examples = "https://waarom.zorg-a.be/api/v1/organizations/zorg-a/review-tasks.ics?token=wcal_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v")
        String url,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The page that lists the organisation's open reviews, opened with the feed token (read-only; each review's page "
                + "opens from it, to read): shown once, at creation, since it holds the token",
                examples = "https://waarom.zorg-a.be/pages/zorg-a/reviews?token=wcal_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v")
        String overview,
        Instant createdAt,
        @Schema(description = "Last time a calendar client read the feed with it (to the minute); null until it is first read", nullable = true)
        Instant lastUsedAt) {

    /** The same feed with its subscription address and its overview page (only for the answer to its creation). */
    public CalendarFeedView withAddresses(String url, String overview) {
        return new CalendarFeedView(id, name, owner, token, url, overview, createdAt, lastUsedAt);
    }
}
