package org.waarom.api.goal.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.goal.GoalKind;

import java.time.LocalDate;
import java.util.List;

/** A new goal: strategic (serving the vision and/or the strategy) or operational (under a strategic goal). */
@Schema(name = "CreateGoal")
public record CreateGoalRequest(
        @NotNull @Schema(required = true) GoalKind kind,
        @Schema(description = "Required for an operational goal: the strategic goal it realises", examples = "12") Long parentId,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Inclusive housing") String title,
        @Size(max = 5000) @Schema(examples = "Clients live in a regular street, not on a campus.") String description,
        @Size(max = 200) @Schema(examples = "Director of care") String owner,
        @Schema(examples = "2027-12-31") LocalDate targetDate,
        @Size(max = 2) @Schema(description = "Strategic goals: what they serve, vision and/or strategy (at least one). Operational goals: leave out.",
                examples = "[\"vision\"]") List<@NotNull String> serves) {
}
