package org.waarom.api.review.service;

import org.waarom.api.review.ReviewTask;

import java.time.LocalDate;

/**
 * What caused a review task, as far as "the same kind of cause" goes (issue 17: a pure rule, tested without Quarkus). A newer
 * cycle, a newer vision and a goal reached again replace the older cause of their kind, so an element has at most one open
 * review for each; a manual review is its own cause.
 */
record TaskCause(ReviewTask.Reason reason, Long goalId, Integer version, LocalDate dueDate) {

    static TaskCause of(ReviewTask task) {
        return new TaskCause(task.reason, task.goalId, task.versionNumber, task.dueDate);
    }

    /** Whether a newer cause of this kind replaces this one: a cycle, a new vision, a goal (with its id) reached again. */
    boolean replaceable() {
        return reason == ReviewTask.Reason.CYCLE || reason == ReviewTask.Reason.VISION_CHANGED
                || reason == ReviewTask.Reason.GOAL_REACHED && goalId != null;
    }

    /** Whether the two causes are of one kind: the same reason, and for a reached goal the same goal. */
    boolean sameKindAs(TaskCause other) {
        return replaceable() && reason == other.reason && (reason != ReviewTask.Reason.GOAL_REACHED || goalId.equals(other.goalId));
    }

    /** Whether this cause came after {@code other}: a later vision version, a later cycle; otherwise the later request is the newer. */
    boolean isNewerThan(TaskCause other) {
        return switch (reason) {
            case VISION_CHANGED -> version != null && other.version != null && version > other.version;
            case CYCLE -> dueDate.isAfter(other.dueDate);
            default -> false;
        };
    }

    /** Why this cause replaces an older one, for the note of the task it cancels. */
    String describe() {
        return switch (reason) {
            case VISION_CHANGED -> version != null ? "version " + version + " of the vision was adopted" : "a newer vision was adopted";
            case CYCLE -> "the cycle review due " + dueDate + " replaces this one";
            case GOAL_REACHED -> "goal " + goalId + " was reached again";
            case MANUAL -> "asked for again";
        };
    }
}
