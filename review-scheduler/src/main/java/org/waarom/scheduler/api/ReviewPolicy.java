package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A review policy as the vision-api serves it (docs/api-guide.md#reviews-policies-and-tasks): whether, how often and since
 * when one element of one organisation is reviewed. {@code cycle} and {@code remindBefore} stay
 * text here so that one malformed policy cannot make a whole page unreadable; {@link #cyclePeriod()},
 * {@link #remindBeforePeriod()} and {@link #escalateAfterPeriod()} parse them.
 *
 * @param anchorDate the start of the cadence; {@code null} while the element was never adopted
 *                   and no anchor was set, which means no cycle trigger
 * @param assignees  the quality managers who get the reminders
 * @param escalateTo who hears when a review is overdue by more than {@code escalateAfter}
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
        String escalateAfter,
        List<Recipient> assignees,
        List<Recipient> escalateTo) {

    public ReviewPolicy {
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
        escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
    }

    /** A policy without recipients, as the cycle triggers need it. */
    public ReviewPolicy(String organization, String element, boolean enabled, String cycle, LocalDate anchorDate,
                        boolean onGoalReached, String remindBefore, String escalateAfter) {
        this(organization, element, enabled, cycle, anchorDate, onGoalReached, remindBefore, escalateAfter, List.of(), List.of());
    }

    /** The cycle as a period, or empty when it is missing, malformed, zero or negative. */
    public Optional<Period> cyclePeriod() {
        return positivePeriod(cycle);
    }

    /** How long before its due date a task is announced, or empty when not set or malformed. */
    public Optional<Period> remindBeforePeriod() {
        return positivePeriod(remindBefore);
    }

    /** How long past its due date a task is escalated, or empty when not set or malformed. */
    public Optional<Period> escalateAfterPeriod() {
        return positivePeriod(escalateAfter);
    }

    /** The same policy attributed to an organisation, for lists that leave it implicit. */
    public ReviewPolicy withOrganization(String slug) {
        return new ReviewPolicy(slug, element, enabled, cycle, anchorDate, onGoalReached, remindBefore, escalateAfter,
                assignees, escalateTo);
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
