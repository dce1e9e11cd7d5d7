package org.waarom.api.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.waarom.api.review.rest.ReminderRecipient;

import java.time.Instant;
import java.util.List;

/**
 * One reminder of a review task, as the review-scheduler recorded it: which kind, by which channel,
 * to whom, and whether it went out. At most one per task, kind and channel, so none is sent twice.
 */
@Entity
@Table(name = "review_reminder")
public class ReviewReminder extends PanacheEntityBase {

    /** When, relative to the task's due date, the reminder is sent. */
    @Schema(name = "ReminderKind")
    public enum Kind { UPCOMING, DUE, OVERDUE, ESCALATION }

    /** How it is sent: e-mail to the recipients, or the configured incoming webhook (Teams, Slack, …). */
    @Schema(name = "ReminderChannel")
    public enum Channel { EMAIL, WEBHOOK }

    /** PENDING when recorded (before sending), then SENT, or FAILED until a retry succeeds. */
    @Schema(name = "ReminderStatus")
    public enum Status { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    public ReviewTask task;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    /** Stored as a JSON array of {name, email}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ReminderRecipient> recipients;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
