package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A review policy as the vision-api serves it (DESIGN section 5): whether, how often and since
 * when one element of one organisation is reviewed. {@code cycle} and {@code remindBefore} stay
 * text here so that one malformed policy cannot make a whole page unreadable; {@link #cyclePeriod()}
 * and {@link #remindBeforePeriod()} parse them.
 *
 * @param anchorDate the start of the cadence; {@code null} while the element was never adopted
 *                   and no anchor was set, which means no cycle trigger
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewPolicy(
        String organization,
        String element,
        boolean enabled,
        String cycle,
        LocalDate anchorDate,
        boolean onGoalReached,
        String remindBefore,
        String escalateAfter) {

    /** The cycle as a period, or empty when it is missing, malformed, zero or negative. */
    public Optional<Period> cyclePeriod() {
        return positivePeriod(cycle);
    }

    /** How long before its due date a task is announced, or empty when not set or malformed. */
    public Optional<Period> remindBeforePeriod() {
        return positivePeriod(remindBefore);
    }

    /** The same policy attributed to an organisation, for lists that leave it implicit. */
    public ReviewPolicy withOrganization(String slug) {
        return new ReviewPolicy(slug, element, enabled, cycle, anchorDate, onGoalReached, remindBefore, escalateAfter);
    }

    private static Optional<Period> positivePeriod(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Period period = Period.parse(text);
            boolean positive = !period.isNegative() && !period.isZero();
            return positive ? Optional.of(period) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
