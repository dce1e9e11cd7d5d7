package org.waarom.scheduler.cadence;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The fixed cadence of a review cycle (docs/architecture.md#the-scheduler): due dates are the anchor plus whole
 * cycles, {@code anchor + k × cycle} for k = 1, 2, …, each computed from the anchor, never by
 * adding a cycle to the previous due date. So an anchor of 31 January with {@code P1M} is due on
 * 29 February (28 in other years) and then on 31 March again, not on the 29th of every month
 * after. The anchor itself is the start of the first cycle (the element's adoption, by default),
 * not a due date.
 * <p>
 * Pure arithmetic on dates: no time zone, no clock; the caller says what "today" is.
 *
 * @param anchor the start of the cadence
 * @param cycle  a positive period (years, months and/or days)
 */
public record Cadence(LocalDate anchor, Period cycle) {

    /** Average length of a month in days (the Gregorian 400-year cycle), for the first estimate of k. */
    private static final double DAYS_PER_MONTH = 365.2425 / 12;

    public Cadence {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(cycle, "cycle");
        if (cycle.isZero() || cycle.isNegative()) {
            throw new IllegalArgumentException("A review cycle must be a positive period, not " + cycle);
        }
    }

    /** The k-th due date, {@code anchor + k × cycle} (k ≥ 1). */
    public LocalDate dueDate(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("Due dates are counted from 1, not " + k);
        }
        return anchor.plus(cycle.multipliedBy(Math.toIntExact(k)));
    }

    /** The first due date, one cycle after the anchor. */
    public LocalDate firstDueDate() {
        return dueDate(1);
    }

    /**
     * The latest due date on or before {@code today}: the review that is due now (or overdue). Empty
     * while the first due date is still ahead, for instance when the anchor lies in the future.
     */
    public Optional<LocalDate> latestDueOnOrBefore(LocalDate today) {
        long k = lastIndexOnOrBefore(today);
        return k >= 1 ? Optional.of(dueDate(k)) : Optional.empty();
    }

    /** The first due date strictly after {@code today}. */
    public LocalDate nextDueAfter(LocalDate today) {
        return dueDate(Math.max(1, lastIndexOnOrBefore(today) + 1));
    }

    /**
     * The largest k with {@code dueDate(k) <= today}, or 0 when none. Starts from an estimate by
     * average cycle length and corrects it by single steps, so a far-past anchor costs no more
     * than a recent one. Due dates grow strictly with k because the cycle is positive.
     */
    private long lastIndexOnOrBefore(LocalDate today) {
        if (today.isBefore(firstDueDate())) {
            return 0;
        }
        double cycleDays = cycle.toTotalMonths() * DAYS_PER_MONTH + cycle.getDays();
        long k = Math.max(1, (long) Math.floor(ChronoUnit.DAYS.between(anchor, today) / cycleDays));
        while (k > 1 && dueDate(k).isAfter(today)) {
            k--;
        }
        while (!dueDate(k + 1).isAfter(today)) {
            k++;
        }
        return k;
    }
}
