package org.waarom.api.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        @Schema(examples = "12") Long goalId,
        @Schema(description = "The title of the goal (goalId) whose reaching caused the task", examples = "Inclusive housing") String goalTitle,
        Integer version,
        ReviewTask.Status status,
        ReviewTask.Outcome outcome,
        @Schema(description = "REVISED: the adopted version") Integer outcomeVersion,
        String note,
        String createdBy,
        Instant createdAt,
        String closedBy,
        Instant closedAt,
        @Schema(description = "The reminders recorded for the task, in the order they were recorded") List<ReviewReminderView> reminders,
        @Schema(description = "Open tasks: the references that cite the element since its last adoption (how many, and the link that lists them), "
                + "for the review to consider; null once the task is closed") ReferencesSince references) {
}
