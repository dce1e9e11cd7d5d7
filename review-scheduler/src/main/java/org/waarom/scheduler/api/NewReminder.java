package org.waarom.scheduler.api;

import java.util.List;

/**
 * The body of {@code POST /api/v1/organizations/{org}/review-tasks/{id}/reminders}: the record
 * the scheduler writes before it sends a reminder. A second record of the same kind and channel
 * answers 409, which is what keeps a reminder from being sent twice.
 */
public record NewReminder(Reminder.Kind kind, Reminder.Channel channel, List<Recipient> recipients) {

    public NewReminder {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
