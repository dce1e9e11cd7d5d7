package org.waarom.api.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** An element's review policy, as a whole (PUT). */
@Schema(name = "ReviewPolicyRequest")
public record ReviewPolicyRequest(
        @NotNull @Schema(required = true, description = "false switches the whole policy off (no cycle, no goal-triggered reviews)") Boolean enabled,
        @NotNull @Schema(required = true, description = "ISO-8601 period, from P1M to P10Y", examples = "P1Y") String cycle,
        @Schema(description = "Due dates are this date plus whole cycles; default the element's first adoption", examples = "2025-01-01") LocalDate anchorDate,
        @NotNull @Schema(required = true, description = "Review when a goal serving the element is reached") Boolean onGoalReached,
        @NotNull @Schema(required = true, description = "ISO-8601 period, from P0D to P1Y, shorter than the cycle", examples = "P30D") String remindBefore,
        @NotNull @Schema(required = true, description = "ISO-8601 period, from P1D to P1Y", examples = "P14D") String escalateAfter,
        @NotNull @Size(max = 20) @Schema(required = true) List<@NotNull @Valid PolicyPerson> assignees,
        @NotNull @Size(max = 20) @Schema(required = true) List<@NotNull @Valid PolicyPerson> escalateTo) {
}
