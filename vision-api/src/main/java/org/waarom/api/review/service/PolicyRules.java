package org.waarom.api.review.service;

import org.waarom.api.common.problem.FieldError;
import org.waarom.api.review.rest.PolicyPerson;
import org.waarom.api.review.rest.ReviewPolicyRequest;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a review policy may say: the defaults of what a client leaves out, and the limits of its periods and anchor date
 * (issue 17: pure rules, tested without Quarkus).
 */
final class PolicyRules {

    static final Period DEFAULT_REMIND_BEFORE = Period.ofDays(30);
    static final Period DEFAULT_ESCALATE_AFTER = Period.ofDays(14);

    private PolicyRules() {
    }

    /** The request's remindBefore, trimmed; left out, the default. A policy is replaced as a whole, so never the value it had. */
    static String remindBefore(ReviewPolicyRequest request) {
        return request.remindBefore() != null ? request.remindBefore().trim() : DEFAULT_REMIND_BEFORE.toString();
    }

    /** The request's escalateAfter, trimmed; left out, the default. */
    static String escalateAfter(ReviewPolicyRequest request) {
        return request.escalateAfter() != null ? request.escalateAfter().trim() : DEFAULT_ESCALATE_AFTER.toString();
    }

    /** Who is told of an escalation; left out, nobody. */
    static List<PolicyPerson> escalateTo(ReviewPolicyRequest request) {
        return request.escalateTo() != null ? request.escalateTo() : List.of();
    }

    /**
     * What is wrong with the request, each field once, in the order a client reads them; empty when it is a valid policy.
     * The cycle lies between a month and ten years, remindBefore between none and a year and shorter than the cycle,
     * escalateAfter between a day and a year, and the anchor date between {@link ReviewDates#EARLIEST} and {@link ReviewDates#LATEST}.
     */
    static List<FieldError> errors(ReviewPolicyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Period cycle = period("cycle", request.cycle(), Period.ofMonths(1), Period.ofYears(10), errors);
        Period remindBefore = period("remindBefore", remindBefore(request), Period.ZERO, Period.ofYears(1), errors);
        period("escalateAfter", escalateAfter(request), Period.ofDays(1), Period.ofYears(1), errors);
        if (cycle != null && remindBefore != null && approximateDays(remindBefore) >= approximateDays(cycle)) {
            errors.add(new FieldError("remindBefore", request.remindBefore() != null ? "must be shorter than the cycle"
                    : "must be shorter than the cycle: the default " + DEFAULT_REMIND_BEFORE + " is not; send a shorter one"));
        }
        if (request.anchorDate() != null && !ReviewDates.inRange(request.anchorDate())) {
            errors.add(new FieldError("anchorDate", ReviewDates.OUT_OF_RANGE));
        }
        return errors;
    }

    /**
     * {@code value} as an ISO-8601 period between {@code minimum} and {@code maximum}; null, with a field error added to
     * {@code errors}, when it is not one or lies outside them.
     */
    static Period period(String field, String value, Period minimum, Period maximum, List<FieldError> errors) {
        Period period;
        try {
            period = Period.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 period such as P1Y, P6M or P30D"));
            return null;
        }
        if (period.isNegative() || approximateDays(period) < approximateDays(minimum) || approximateDays(period) > approximateDays(maximum)) {
            errors.add(new FieldError(field, "must lie between " + minimum + " and " + maximum));
            return null;
        }
        return period;
    }

    /** Periods mix years, months and days; for limits an approximation in days is enough (a year of 365 days, a month of 30). */
    static long approximateDays(Period period) {
        return period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
    }
}
