package org.waarom.api.review.service;

import org.junit.jupiter.api.Test;
import org.waarom.api.review.ReviewTask;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** When two review tasks have the same kind of cause, and which cause is the newer (issue 17: no Quarkus, no database). */
class TaskCauseTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 1);

    @Test
    void aCycleANewVisionAndAGoalReachedAgainAreReplaceableAManualReviewIsNot() {
        assertThat(cycle(DUE).replaceable()).isTrue();
        assertThat(vision(3).replaceable()).isTrue();
        assertThat(goal(7L).replaceable()).isTrue();
        assertThat(goal(null).replaceable()).isFalse();
        assertThat(manual().replaceable()).isFalse();
    }

    @Test
    void causesOfOneReasonAreOfOneKindAndReachedGoalsOnlyForTheSameGoal() {
        assertThat(cycle(DUE).sameKindAs(cycle(DUE.plusYears(1)))).isTrue();
        assertThat(vision(2).sameKindAs(vision(3))).isTrue();
        assertThat(goal(7L).sameKindAs(goal(7L))).isTrue();
        assertThat(goal(7L).sameKindAs(goal(8L))).isFalse();
        assertThat(cycle(DUE).sameKindAs(vision(3))).isFalse();
        assertThat(vision(3).sameKindAs(cycle(DUE))).isFalse();
    }

    @Test
    void aManualReviewIsOfNoKindNotEvenWithAnotherManualReview() {
        assertThat(manual().sameKindAs(manual())).isFalse();
        assertThat(goal(null).sameKindAs(goal(null))).isFalse();
    }

    @Test
    void aLaterVisionVersionAndALaterCycleAreNewer() {
        assertThat(vision(4).isNewerThan(vision(3))).isTrue();
        assertThat(vision(3).isNewerThan(vision(4))).isFalse();
        assertThat(vision(3).isNewerThan(vision(3))).isFalse();
        assertThat(cycle(DUE.plusYears(1)).isNewerThan(cycle(DUE))).isTrue();
        assertThat(cycle(DUE).isNewerThan(cycle(DUE.plusYears(1)))).isFalse();
        assertThat(cycle(DUE).isNewerThan(cycle(DUE))).isFalse();
    }

    @Test
    void aVisionWithoutAVersionIsNeverNewerNorOlderAndAGoalReachedAgainNeverOlder() {
        assertThat(vision(null).isNewerThan(vision(3))).isFalse();
        assertThat(vision(3).isNewerThan(vision(null))).isFalse();
        assertThat(goal(7L).isNewerThan(goal(7L))).isFalse();
    }

    @Test
    void theNoteSaysWhatReplacedTheTask() {
        assertThat(vision(4).describe()).isEqualTo("version 4 of the vision was adopted");
        assertThat(vision(null).describe()).isEqualTo("a newer vision was adopted");
        assertThat(cycle(DUE).describe()).isEqualTo("the cycle review due 2026-03-01 replaces this one");
        assertThat(goal(7L).describe()).isEqualTo("goal 7 was reached again");
        assertThat(manual().describe()).isEqualTo("asked for again");
    }

    @Test
    void aTaskHasTheCauseItWasCreatedFor() {
        ReviewTask task = new ReviewTask();
        task.reason = ReviewTask.Reason.GOAL_REACHED;
        task.goalId = 7L;
        task.versionNumber = 2;
        task.dueDate = DUE;
        assertThat(TaskCause.of(task)).isEqualTo(new TaskCause(ReviewTask.Reason.GOAL_REACHED, 7L, 2, DUE));
    }

    private static TaskCause cycle(LocalDate due) {
        return new TaskCause(ReviewTask.Reason.CYCLE, null, null, due);
    }

    private static TaskCause vision(Integer version) {
        return new TaskCause(ReviewTask.Reason.VISION_CHANGED, null, version, DUE);
    }

    private static TaskCause goal(Long goalId) {
        return new TaskCause(ReviewTask.Reason.GOAL_REACHED, goalId, null, DUE);
    }

    private static TaskCause manual() {
        return new TaskCause(ReviewTask.Reason.MANUAL, null, null, DUE);
    }
}
