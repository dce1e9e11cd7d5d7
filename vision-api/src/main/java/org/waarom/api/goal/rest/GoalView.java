package org.waarom.api.goal.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.ReachedCause;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Goal")
public record GoalView(
        @Schema(examples = "12") long id,
        GoalKind kind,
        @Schema(description = "The strategic goal of an operational goal; null for a strategic goal", nullable = true, examples = "12")
        Long parentId,
        @Schema(examples = "Inclusive housing") String title,
        @Schema(description = "null when none was given", nullable = true) String description,
        @Schema(description = "Who is responsible for it; null when nobody was named", nullable = true) String owner,
        @Schema(description = "When it should be reached; null when no date was set", nullable = true) LocalDate targetDate,
        @Schema(examples = "[\"vision\"]") List<String> serves,
        GoalStatus status,
        @Schema(description = "When the goal was reached (recorded once); null unless it is REACHED", nullable = true) Instant reachedAt,
        @Schema(description = "What reached it; null unless it is REACHED", nullable = true) ReachedCause reachedCause,
        @Schema(description = "0 to 100: from its indicators (operational) or its operational goals (strategic); 100 when reached", examples = "75")
        BigDecimal progress,
        List<IndicatorView> indicators,
        @Schema(description = "Ids of its operational goals (strategic goals)") List<Long> operationalGoals,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
}
