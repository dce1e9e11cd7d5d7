package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * A reminder record of a review task, as the vision-api keeps it: at most one per task, kind and
 * channel. The scheduler writes it before it sends ({@code PENDING}) and marks it {@code SENT} or
 * {@code FAILED} afterwards, which is how a reminder is sent once across restarts and replicas.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reminder(
        long id,
        Kind kind,
        Channel channel,
        List<Recipient> recipients,
        Status status,
        int attempts,
        String lastError,
        String recordedBy,
        Instant recordedAt,
        Instant sentAt,
        List<ReviewLink> links) {

    /** Which stage of a task's life the reminder announces (docs/api-guide.md#reminders). */
    public enum Kind { UPCOMING, DUE, OVERDUE, ESCALATION }

    /** How it reaches people. */
    public enum Channel { EMAIL, WEBHOOK }

    /** Where the sending stands. */
    public enum Status { PENDING, SENT, FAILED }

    public Reminder {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        // Only in the answer that recorded the reminder or made its links again; null (none) in every other.
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Whether this record is of {@code kind} on {@code channel}. */
    public boolean is(Kind kind, Channel channel) {
        return this.kind == kind && this.channel == channel;
    }
}
