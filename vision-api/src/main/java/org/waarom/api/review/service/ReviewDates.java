package org.waarom.api.review.service;

import java.time.LocalDate;

/**
 * The dates a review names, a policy's anchor or a task's due date, lie between 1900 and 2200: a mistyped year is refused
 * rather than planned (issue 17: a pure rule, tested without Quarkus).
 */
final class ReviewDates {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    /** What a field error says about a date outside them. */
    static final String OUT_OF_RANGE = "must lie between " + EARLIEST + " and " + LATEST;

    private ReviewDates() {
    }

    static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
