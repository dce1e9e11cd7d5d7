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
        @Schema(examples = "null") Long parentId,
        @Schema(examples = "Inclusive housing") String title,
        String description,
        String owner,
        LocalDate targetDate,
        @Schema(examples = "[\"vision\"]") List<String> serves,
        GoalStatus status,
        @Schema(description = "When the goal was reached (recorded once)") Instant reachedAt,
        @Schema(description = "What reached it") ReachedCause reachedCause,
        @Schema(description = "0 to 100: from its indicators (operational) or its operational goals (strategic); 100 when reached", examples = "75")
        BigDecimal progress,
        List<IndicatorView> indicators,
        @Schema(description = "Ids of its operational goals (strategic goals)") List<Long> operationalGoals,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
}
