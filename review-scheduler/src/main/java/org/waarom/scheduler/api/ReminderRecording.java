package org.waarom.scheduler.api;

/**
 * What the vision-api did with a reminder record ({@link VisionApi#recordReminder}).
 *
 * @param reminder the new record ({@link Outcome#CREATED}), the one that existed
 *                 ({@link Outcome#EXISTED}), or {@code null} ({@link Outcome#TASK_NOT_OPEN})
 */
public record ReminderRecording(Outcome outcome, Reminder reminder) {

    public enum Outcome {
        /** 201: recorded now, {@code PENDING}; this pass sends it. */
        CREATED,
        /** 409 with the existing record of that kind and channel: sent already, or to be retried. */
        EXISTED,
        /** 409 without a record: the task is no longer open, so nothing is owed. */
        TASK_NOT_OPEN
    }

    public static ReminderRecording created(Reminder reminder) {
        return new ReminderRecording(Outcome.CREATED, reminder);
    }

    public static ReminderRecording existed(Reminder reminder) {
        return new ReminderRecording(Outcome.EXISTED, reminder);
    }

    public static ReminderRecording taskNotOpen() {
        return new ReminderRecording(Outcome.TASK_NOT_OPEN, null);
    }
}
