package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/organizations/{org}/review-tasks}. The {@code sourceKey} names
 * what caused the task, so the API answers a repeated request with the existing task: the
 * scheduler may send a request twice (retries, a crash before the cursor moved), the task exists
 * once. The factories below are the only places the source keys are spelled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewReviewTask(
        String element,
        Reason reason,
        LocalDate dueDate,
        String sourceKey,
        Long goalId,
        Integer version) {

    /** Why a review task exists (docs/api-guide.md#reviews-policies-and-tasks). */
    public enum Reason { CYCLE, GOAL_REACHED, VISION_CHANGED, MANUAL }

    /** The cycle review of {@code element} due on {@code dueDate}: {@code cycle:<element>:<dueDate>}. */
    public static NewReviewTask cycle(String element, LocalDate dueDate) {
        return new NewReviewTask(element, Reason.CYCLE, dueDate, "cycle:" + element + ":" + dueDate, null, null);
    }

    /** The review of {@code element} because goal {@code goalId} was reached: {@code goal:<goalId>:<element>}. */
    public static NewReviewTask goalReached(long goalId, String element, LocalDate dueDate) {
        return new NewReviewTask(element, Reason.GOAL_REACHED, dueDate, "goal:" + goalId + ":" + element, goalId, null);
    }

    /** The strategy review because vision {@code version} was adopted: {@code vision:<version>:strategy}. */
    public static NewReviewTask strategyAfterVision(int version, LocalDate dueDate) {
        return new NewReviewTask("strategy", Reason.VISION_CHANGED, dueDate, "vision:" + version + ":strategy", null, version);
    }
}
