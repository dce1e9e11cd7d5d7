package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code PATCH …/review-tasks/{id}/reminders/{rid}}: {@code {"status": "SENT"}} or
 * {@code {"status": "FAILED", "error": "…"}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderUpdate(Reminder.Status status, String error) {

    public static ReminderUpdate sent() {
        return new ReminderUpdate(Reminder.Status.SENT, null);
    }

    public static ReminderUpdate failed(String error) {
        return new ReminderUpdate(Reminder.Status.FAILED, error);
    }
}
