package org.waarom.api.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.reference.rest.ReferencesSince;
import org.waarom.api.review.ReviewTask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "ReviewTask")
public record ReviewTaskView(
        @Schema(examples = "31") long id,
        @Schema(examples = "zorg-a") String organization,
        @Schema(examples = "vision") String element,
        ReviewTask.Reason reason,
        @Schema(examples = "2027-01-01") LocalDate dueDate,
        @Schema(examples = "cycle:vision:2027-01-01") String sourceKey,
        @Schema(description = "The goal whose reaching caused the task (GOAL_REACHED); null when the task names none", nullable = true,
                examples = "12") Long goalId,
        @Schema(description = "The title of the goal (goalId) whose reaching caused the task; null when the task names no goal of this "
                + "organisation", nullable = true, examples = "Inclusive housing") String goalTitle,
        @Schema(description = "The vision version whose adoption caused the task (VISION_CHANGED); null when the task names none",
                nullable = true, examples = "7") Integer version,
        ReviewTask.Status status,
        @Schema(description = "How the review ended; null while the task is open and when it was cancelled", nullable = true)
        ReviewTask.Outcome outcome,
        @Schema(description = "REVISED: the adopted version; null otherwise", nullable = true) Integer outcomeVersion,
        @Schema(description = "null when none was given", nullable = true) String note,
        String createdBy,
        Instant createdAt,
        @Schema(description = "Who completed or cancelled it; null while open", nullable = true) String closedBy,
        @Schema(description = "When it was completed or cancelled; null while open", nullable = true) Instant closedAt,
        @Schema(description = "The reminders recorded for the task, in the order they were recorded") List<ReviewReminderView> reminders,
        @Schema(description = "Open tasks: the references that cite the element since its last adoption (how many, and the link that lists them), "
                + "for the review to consider; null once the task is closed", nullable = true) ReferencesSince references) implements EventData {
}
