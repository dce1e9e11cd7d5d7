package org.waarom.api.review.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.review.ReviewReminder;

/** The data of {@code review-task.reminded}: which reminder of an open review task went out, and to how many people. */
@Schema(name = "SentReminder", description = "A reminder of an open review task that went out (recorded as SENT by the review-scheduler)")
public record SentReminder(
        @Schema(description = "The review task", examples = "31") long taskId,
        @Schema(description = "The element type under review", enumeration = {"mission", "vision", "values", "strategy"}, examples = "vision")
        String element,
        ReviewReminder.Kind kind,
        ReviewReminder.Channel channel,
        @Schema(description = "How many people it was sent to", examples = "2") int recipients) implements EventData {
}
