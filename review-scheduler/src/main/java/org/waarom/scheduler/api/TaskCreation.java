package org.waarom.scheduler.api;

/** What the API did with a review-task request. */
public enum TaskCreation {
    /** 201: the task is new. */
    CREATED,
    /** 200: a task with the same sourceKey existed; the request was a harmless repeat. */
    ALREADY_EXISTED
}
