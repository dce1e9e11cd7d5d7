package org.waarom.scheduler.reminder;

import org.waarom.scheduler.api.Recipient;
import org.waarom.scheduler.api.Reminder;
import org.waarom.scheduler.api.ReviewPolicy;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which reminder a review task is owed on a given day, and to whom: pure functions of the task's
 * due date, its policy and the (UTC) date, so that every boundary can be tested with a fixed date.
 * <pre>
 *   … dueDate − remindBefore − 1   nothing
 *   dueDate − remindBefore … dueDate − 1   UPCOMING
 *   dueDate                              DUE
 *   dueDate + 1 … dueDate + escalateAfter  OVERDUE
 *   dueDate + escalateAfter + 1 …         ESCALATION (to escalateTo, the assignees in Cc)
 * </pre>
 * Only the stage reached counts: a task that was never reminded and is overdue gets the overdue
 * reminder, not the upcoming and due ones it missed (no flood of stale mail after downtime).
 */
public final class ReminderSchedule {

    /** When a policy has no usable {@code remindBefore}: the element types' usual lead time. */
    public static final Period DEFAULT_REMIND_BEFORE = Period.ofDays(30);
    /** When a policy has no usable {@code escalateAfter}. */
    public static final Period DEFAULT_ESCALATE_AFTER = Period.ofDays(14);

    private ReminderSchedule() {
    }

    /** The kind owed {@code today} for a task due on {@code dueDate}; empty before the reminders start. */
    public static Optional<Reminder.Kind> owed(LocalDate dueDate, Period remindBefore, Period escalateAfter, LocalDate today) {
        if (today.isBefore(dueDate.minus(remindBefore))) {
            return Optional.empty();
        }
        if (today.isBefore(dueDate)) {
            return Optional.of(Reminder.Kind.UPCOMING);
        }
        if (today.isEqual(dueDate)) {
            return Optional.of(Reminder.Kind.DUE);
        }
        if (!today.isAfter(dueDate.plus(escalateAfter))) {
            return Optional.of(Reminder.Kind.OVERDUE);
        }
        return Optional.of(Reminder.Kind.ESCALATION);
    }

    /**
     * The kind owed {@code today} under {@code policy}, its periods defaulted when it has none
     * (or when there is no policy at all). Whether the policy is enabled does not matter: a
     * disabled policy makes no new tasks, but the tasks that exist are still reminded (see docs/api-guide.md#reminders).
     */
    public static Optional<Reminder.Kind> owed(LocalDate dueDate, Optional<ReviewPolicy> policy, LocalDate today) {
        Period remindBefore = policy.flatMap(ReviewPolicy::remindBeforePeriod).orElse(DEFAULT_REMIND_BEFORE);
        Period escalateAfter = policy.flatMap(ReviewPolicy::escalateAfterPeriod).orElse(DEFAULT_ESCALATE_AFTER);
        return owed(dueDate, remindBefore, escalateAfter, today);
    }

    /**
     * Who a reminder of {@code kind} goes to, read from the policy now (not from when the task
     * was made): the assignees; for an escalation the {@code escalateTo} people with the assignees
     * in Cc. People without an address are left out, and nobody gets the same mail twice.
     */
    public static Addressees addressees(Reminder.Kind kind, Optional<ReviewPolicy> policy) {
        List<Recipient> assignees = policy.map(ReviewPolicy::assignees).orElse(List.of());
        if (kind == Reminder.Kind.ESCALATION) {
            List<Recipient> to = distinct(policy.map(ReviewPolicy::escalateTo).orElse(List.of()), List.of());
            return new Addressees(to, distinct(assignees, to));
        }
        return new Addressees(distinct(assignees, List.of()), List.of());
    }

    private static List<Recipient> distinct(List<Recipient> people, List<Recipient> already) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Recipient person : people) {
            if (person != null && person.hasEmail()) {
                byAddress.putIfAbsent(person.email().trim().toLowerCase(Locale.ROOT), person);
            }
        }
        for (Recipient person : already) {
            byAddress.remove(person.email().trim().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(byAddress.values());
    }

    /** The people a reminder is addressed to, and those who get a copy. */
    public record Addressees(List<Recipient> to, List<Recipient> cc) {

        public Addressees {
            to = List.copyOf(to);
            cc = List.copyOf(cc);
        }

        /** Everyone, as the reminder record lists them. */
        public List<Recipient> all() {
            List<Recipient> all = new ArrayList<>(to);
            all.addAll(cc);
            return List.copyOf(all);
        }

        public boolean isEmpty() {
            return to.isEmpty();
        }
    }
}
