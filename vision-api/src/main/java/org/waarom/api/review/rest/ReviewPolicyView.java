package org.waarom.api.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "ReviewPolicy")
public record ReviewPolicyView(
        @Schema(examples = "zorg-a") String organization,
        @Schema(examples = "vision") String element,
        boolean enabled,
        @Schema(examples = "P3Y") String cycle,
        @Schema(description = "Null until the element is first adopted (and no anchor was set): no cycle runs yet", nullable = true,
                examples = "2025-01-01") LocalDate anchorDate,
        boolean onGoalReached,
        @Schema(examples = "P30D") String remindBefore,
        @Schema(examples = "P14D") String escalateAfter,
        List<PolicyPerson> assignees,
        List<PolicyPerson> escalateTo,
        @Schema(description = "false while the element type's defaults apply") boolean custom,
        @Schema(description = "Who last changed the policy; null while the element type's defaults apply", nullable = true) String updatedBy,
        @Schema(description = "When the policy was last changed; null while the element type's defaults apply", nullable = true)
        Instant updatedAt) implements EventData {
}
