package org.waarom.api.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.waarom.api.organization.Organization;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An organisation's HTTP endpoint that receives its events. Besides what the admin registered, it
 * carries the delivery state: the feed cursor up to which everything is delivered, when to try
 * next, and how long it has been failing.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    /** Subscribes to every event type. */
    public static final String ALL_EVENTS = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(nullable = false, length = 2000)
    public String url;

    /** Comma-separated event type values, or {@value #ALL_EVENTS}. */
    @Column(name = "event_types", nullable = false, length = 2000)
    public String eventTypes;

    /**
     * The signing secret ({@code whsec_…}), stored as given: every delivery is signed with it, so
     * unlike an API key it cannot be kept as a hash. It is answered once, at creation, never again.
     */
    @Column(nullable = false, length = 100)
    public String secret;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    /** Every event of the organisation's feed up to this cursor is delivered or not subscribed to. */
    @Column(name = "feed_cursor", nullable = false, length = 64)
    public String feedCursor;

    /** When the delivery job looks at this webhook next; while a delivery is in flight, the end of its lease. */
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** The delivery in flight, if any: only its holder records the outcome. */
    @Column(name = "lease")
    public UUID lease;

    /** Failed attempts at the event this webhook is stuck on (0 when it is not failing). */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "last_error", length = 500)
    public String lastError;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    /** Whether events of this type are delivered to this webhook. */
    public boolean subscribesTo(String type) {
        List<String> types = eventTypeList();
        return types.contains(ALL_EVENTS) || types.contains(type);
    }
}
