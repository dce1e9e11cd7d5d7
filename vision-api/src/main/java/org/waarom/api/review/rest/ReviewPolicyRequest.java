package org.waarom.api.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * An element's review policy, as a whole (PUT): what is left out takes the element type's default (remindBefore
 * {@code P30D}, escalateAfter {@code P14D}, escalateTo nobody, anchorDate the first adoption), not the value it had.
 */
@Schema(name = "ReviewPolicyRequest")
public record ReviewPolicyRequest(
        @NotNull @Schema(required = true, description = "false switches the whole policy off (no cycle, no goal-triggered reviews)") Boolean enabled,
        @NotNull @Schema(required = true, description = "ISO-8601 period, from P1M to P10Y", examples = "P1Y") String cycle,
        @Schema(description = "Due dates are this date plus whole cycles; default the element's first adoption", examples = "2025-01-01") LocalDate anchorDate,
        @NotNull @Schema(required = true, description = "Review when a goal serving the element is reached") Boolean onGoalReached,
        @Schema(description = "How long before the due date the first reminder goes: an ISO-8601 period, from P0D to P1Y, shorter than "
                + "the cycle; left out (or null): P30D", examples = "P30D", defaultValue = "P30D", nullable = true) String remindBefore,
        @Schema(description = "How long after the due date an open task is escalated: an ISO-8601 period, from P1D to P1Y; left out (or null): "
                + "P14D", examples = "P14D", defaultValue = "P14D", nullable = true) String escalateAfter,
        @NotNull @Size(max = 20) @Schema(required = true) List<@NotNull @Valid PolicyPerson> assignees,
        @Size(max = 20) @Schema(description = "Who is told when an open task is escalated; left out (or null): nobody", nullable = true) List<@NotNull @Valid PolicyPerson> escalateTo) {
}
