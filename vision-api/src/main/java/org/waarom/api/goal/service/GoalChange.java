package org.waarom.api.goal.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.goal.Goal;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.ReachedCause;

import java.time.Instant;
import java.util.List;

/**
 * The data of {@code goal.created}, {@code .updated}, {@code .reached}, {@code .reopened} and {@code .abandoned}:
 * the goal after the change; {@code reachedAt} and {@code cause} only on {@code goal.reached}.
 */
@Schema(name = "GoalChange", description = "A goal after it was created, changed, reached, reopened or abandoned, and who did it")
public record GoalChange(
        @Schema(examples = "12") long goalId,
        GoalKind kind,
        @Schema(examples = "Inclusive housing") String title,
        @Schema(description = "The element types the goal serves (vision, strategy); for an operational goal, those of its strategic goal",
                examples = "[\"vision\"]") List<String> serves,
        @Schema(description = "The strategic goal an operational goal realises; null for a strategic goal", nullable = true, examples = "12")
        Long parentId,
        GoalStatus status,
        @Schema(description = "Who made the change (for a goal reached by its indicators or operational goals: who made the change that reached it)",
                examples = "an@zorg-a.be") String by,
        @Schema(description = "When the goal was reached; only on goal.reached, else null", nullable = true) Instant reachedAt,
        @Schema(description = "What reached the goal; only on goal.reached, else null", nullable = true) ReachedCause cause) implements EventData {

    /** The goal as it is now; {@code reachedAt} and {@code cause} are for goal.reached only. */
    static GoalChange of(Goal goal, String by, Instant reachedAt, ReachedCause cause) {
        return new GoalChange(goal.id, goal.kind, goal.title, goal.parent == null ? goal.servesList() : goal.parent.servesList(),
                goal.parent == null ? null : goal.parent.id, goal.status, by, reachedAt, cause);
    }
}
