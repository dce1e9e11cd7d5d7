package org.waarom.api.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The delivery log: one event sent to one webhook, with every attempt counted. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "webhook_id", nullable = false)
    public Long webhookId;

    @Column(name = "event_id", nullable = false)
    public long eventId;

    @Column(name = "event_type", nullable = false, length = 64)
    public String eventType;

    /** The HTTP status of the last attempt; null when the receiver did not answer. */
    @Column(name = "status_code")
    public Integer statusCode;

    @Column(nullable = false)
    public int attempts;

    /** What went wrong the last time an attempt failed. */
    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "first_attempt_at", nullable = false)
    public Instant firstAttemptAt;

    @Column(name = "last_attempt_at", nullable = false)
    public Instant lastAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
