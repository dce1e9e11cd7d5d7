package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An open review task as {@code GET /api/v1/review-tasks?status=OPEN} lists it, with the
 * reminders recorded for it so far. {@code reason} stays text: it only chooses the wording of a
 * reminder, and a reason this scheduler does not know yet must not make the list unreadable.
 *
 * @param goalTitle the reached goal that caused the task ({@code GOAL_REACHED}), else {@code null}
 * @param version   the adopted vision version that caused it ({@code VISION_CHANGED}), else {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewTask(
        long id,
        String organization,
        String element,
        String reason,
        LocalDate dueDate,
        String sourceKey,
        Long goalId,
        String goalTitle,
        Integer version,
        String status,
        List<Reminder> reminders) {

    public ReviewTask {
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    /** The record of {@code kind} on {@code channel}, if the task has one. */
    public Optional<Reminder> reminder(Reminder.Kind kind, Reminder.Channel channel) {
        return reminders.stream().filter(reminder -> reminder.is(kind, channel)).findFirst();
    }
}
