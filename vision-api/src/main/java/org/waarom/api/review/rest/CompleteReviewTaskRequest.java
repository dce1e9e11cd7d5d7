package org.waarom.api.review.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.review.ReviewTask;

@Schema(name = "CompleteReviewTask")
public record CompleteReviewTaskRequest(
        @NotNull @Schema(required = true, description = "CONFIRMED: no change needed. REVISED: name the newly adopted version.") ReviewTask.Outcome outcome,
        @Positive @Schema(description = "REVISED: the version adopted since the task was created", examples = "4") Integer version,
        @Size(max = 2000) @Schema(examples = "Discussed with the board; the vision still holds.") String note) {
}
