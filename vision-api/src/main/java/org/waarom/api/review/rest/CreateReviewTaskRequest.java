package org.waarom.api.review.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.review.ReviewTask;

import java.time.LocalDate;

@Schema(name = "CreateReviewTask")
public record CreateReviewTaskRequest(
        @NotNull @Schema(required = true, enumeration = {"mission", "vision", "values", "strategy"}, examples = "vision") String element,
        @NotNull @Schema(required = true) ReviewTask.Reason reason,
        @NotNull @Schema(required = true, examples = "2026-09-01") LocalDate dueDate,
        @Size(min = 1, max = 200) @Pattern(regexp = "^[A-Za-z0-9:._-]+$", message = "must be letters, digits and : . _ -")
        @Schema(description = "What caused the task; a repeated key answers 200 with the existing task. Default for MANUAL: a new key.",
                examples = "cycle:vision:2027-01-01") String sourceKey,
        @Positive @Schema(description = "The goal whose reaching caused it (GOAL_REACHED)", examples = "12") Long goalId,
        @Positive @Schema(description = "The vision version whose adoption caused it (VISION_CHANGED)", examples = "7") Integer version,
        @Size(max = 2000) @Schema(examples = "Asked for by the board") String note) {
}
