package org.waarom.api.webhook.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.waarom.api.common.config.ScheduledWork;
import org.waarom.api.common.config.WaaromConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the webhook delivery log from growing forever: an entry goes once its last attempt is older
 * than the event retention ({@code waarom.events.retention}), as the event it logs has gone from the
 * feed by then too. The entry of a delivery still being retried stays, however old its last attempt:
 * it is the webhook's current state, not history.
 *
 * <p>Every replica runs it hourly; they never wait for each other (rows another one is removing are
 * passed over) and removing what is already gone is harmless.
 */
@ApplicationScoped
public class DeliveryLogRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryLogRetention.class);
    /**
     * Entries removed per transaction. The first run after an upgrade may find years of log; one transaction
     * for all of it would hold back the event feed of every consumer (which serves only events below the
     * oldest running transaction) for as long as it ran.
     */
    static final int BATCH = 5_000;

    /**
     * A delivery is still being retried while it is undelivered, its webhook enabled and its event still in the
     * feed (one whose event retention removed can never be sent again, so its entry is history like any other).
     */
    private static final String REMOVE_EXPIRED = """
            delete from webhook_delivery where id in (
                select delivery.id from webhook_delivery delivery
                where delivery.last_attempt_at < :cutoff
                  and not (delivery.delivered_at is null
                           and exists (select 1 from webhook where webhook.id = delivery.webhook_id and webhook.enabled)
                           and exists (select 1 from event where event.id = delivery.event_id))
                limit :batch
                for update of delivery skip locked)""";

    private final EntityManager entityManager;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledWork scheduledWork;

    DeliveryLogRetention(EntityManager entityManager, WaaromConfig config, Clock clock, ScheduledWork scheduledWork) {
        this.entityManager = entityManager;
        this.retention = config.events().retention();
        this.clock = clock;
        this.scheduledWork = scheduledWork;
    }

    @Scheduled(identity = "webhook-delivery-retention", every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        scheduledWork.run("Webhook delivery log retention", this::removeExpired);
    }

    /** Removes the entries whose last attempt is older than the retention; returns how many. Public so that a test can run it now. */
    public int removeExpired() {
        Instant cutoff = Instant.now(clock).minus(retention);
        int total = 0;
        int removed;
        do {
            removed = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(REMOVE_EXPIRED)
                    .setParameter("cutoff", cutoff).setParameter("batch", BATCH).executeUpdate());
            total += removed;
        } while (removed == BATCH);
        if (total > 0) {
            LOG.infof("%d webhook delivery log entries older than %s were removed (retention %s)", total, cutoff, retention);
        }
        return total;
    }
}
