package org.waarom.api.webhook.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.waarom.api.common.config.ScheduledWork;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.api.event.EventType;
import org.waarom.api.event.rest.EventPage;
import org.waarom.api.event.rest.EventView;
import org.waarom.api.event.service.EventService;
import org.waarom.api.webhook.Webhook;
import org.waarom.api.webhook.WebhookDelivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers the organisations' events to their webhooks: at least once, in feed order per webhook,
 * retried with exponential back-off, and a webhook that keeps failing is disabled.
 *
 * <p>Each delivery takes three steps, so that no transaction (and no database connection) stays
 * open while a receiver takes its time — an open transaction would also hold back the event feed
 * of every consumer, which serves only events below the oldest running transaction:
 * <ol>
 *   <li><b>Claim</b> (one short transaction): lock one due webhook with {@code FOR UPDATE SKIP LOCKED},
 *       so that replicas (and overlapping runs) never pick the same one; read its organisation's
 *       feed from the webhook's cursor, passing over types it did not subscribe to; take a lease
 *       on it ({@code lease}, and {@code next_attempt_at} pushed past the longest possible attempt).</li>
 *   <li><b>Send</b> (no transaction): check the address again, POST the signed event.</li>
 *   <li><b>Record</b> (one transaction): if the lease is still ours, log the attempt and either advance
 *       the cursor past the event (delivered: it is never sent again, also after a restart) or keep
 *       it and plan the next attempt (failed: later events wait, so the order holds).</li>
 * </ol>
 * A replica that dies between send and record leaves a lease that expires; the event is then sent
 * again: at least once, never silently lost. Receivers deduplicate on {@code webhook-id}.
 *
 * <p>Every attempt is counted in {@value #DELIVERIES_METRIC} (Prometheus
 * {@code waarom_api_webhook_deliveries_total}) with {@code outcome} {@code delivered} or
 * {@code failed}: a growing {@code failed} count is a receiver that is down or refuses.
 */
@ApplicationScoped
public class WebhookDeliveryJob {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);
    /** Events read from the feed at a time while looking for the next one a webhook subscribed to. */
    static final int FEED_PAGE = 100;
    /** Pages passed over in one claim at most; the rest is passed over in the next. */
    static final int PAGES_PER_CLAIM = 10;
    private static final int TEXT_LIMIT = 500;
    /** Delivery attempts by outcome; named like the scheduler's {@code waarom.scheduler.*} metrics. */
    public static final String DELIVERIES_METRIC = "waarom.api.webhook.deliveries";

    private final EventService events;
    private final WebhookSender sender;
    private final EntityManager entityManager;
    private final RetrySchedule retries;
    private final Duration giveUpAfter;
    private final Duration lease;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ScheduledWork scheduledWork;

    WebhookDeliveryJob(EventService events, WebhookSender sender, EntityManager entityManager, WaaromConfig config, Clock clock,
                       MeterRegistry metrics, ScheduledWork scheduledWork) {
        this.events = events;
        this.sender = sender;
        this.entityManager = entityManager;
        this.retries = new RetrySchedule(config.webhooks().initialBackoff(), config.webhooks().maxBackoff());
        this.giveUpAfter = config.webhooks().giveUpAfter();
        // Longer than any attempt can take, name resolution included, so that a lease never ends while its holder still sends.
        this.lease = sender.longestAttempt().plusMinutes(1);
        this.clock = clock;
        this.metrics = metrics;
        this.scheduledWork = scheduledWork;
    }

    /** A claimed webhook and the event to send it; {@code event} is null when it has nothing to receive now. */
    record Claim(long webhookId, UUID lease, URI url, String secret, EventView event, String eventCursor) {
    }

    /** Every second; a run that lasts longer (a slow receiver) is not overlapped by the next on this replica. */
    @Scheduled(identity = "webhook-delivery", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        scheduledWork.run("Webhook delivery", this::deliverDue);
    }

    /**
     * Delivers whatever is due, webhook after webhook, until nothing is: a webhook that has nothing
     * new or whose attempt failed is not taken up again in the same run; one that was delivered to
     * is, with its next event, after the others that were due. Returns the number of attempts made.
     * It keeps no state between runs, everything is in the database: a run after a restart is like any other.
     */
    public int deliverDue() {
        Set<Long> passed = new HashSet<>();
        passed.add(0L); // ids start at 1; keeps "not in (:passed)" valid before anything is passed
        int attempts = 0;
        while (true) {
            Optional<Claim> claimed = QuarkusTransaction.requiringNew().call(() -> claimNext(passed));
            if (claimed.isEmpty()) {
                return attempts;
            }
            Claim claim = claimed.get();
            if (claim.event() == null) {
                passed.add(claim.webhookId());
                continue;
            }
            Instant attemptedAt = Instant.now(clock);
            WebhookSender.Outcome outcome;
            try {
                outcome = sender.send(claim.url(), WebhookSecret.parse(claim.secret()).orElseThrow(), claim.event());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Webhook %d: event %d could not be sent", claim.webhookId(), claim.event().id());
                outcome = WebhookSender.Outcome.failed("Could not send (an error in the service; see its log)");
            }
            attempts++;
            Counter.builder(DELIVERIES_METRIC).description("Webhook delivery attempts, delivered or failed")
                    .tag("outcome", outcome.delivered() ? "delivered" : "failed").register(metrics).increment();
            WebhookSender.Outcome result = outcome;
            boolean recorded = QuarkusTransaction.requiringNew().call(() -> record(claim, result, attemptedAt));
            if (!recorded || !result.delivered()) {
                passed.add(claim.webhookId());
            }
        }
    }

    /** Step 1: locks one due webhook that nobody else holds and finds the next event to send it. */
    Optional<Claim> claimNext(Set<Long> passed) {
        @SuppressWarnings("unchecked")
        List<Webhook> due = entityManager.createNativeQuery("""
                        select * from webhook
                        where enabled and next_attempt_at <= :now and id not in (:passed)
                        order by next_attempt_at, id
                        limit 1
                        for update skip locked""", Webhook.class)
                .setParameter("now", Instant.now(clock))
                .setParameter("passed", passed)
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Webhook webhook = due.get(0);
        String cursor = webhook.feedCursor;
        // Asked, not caught: reading the feed from an expired cursor throws, which would mark this transaction
        // for rollback and so undo the disabling below with it.
        if (!events.keepsEverythingAfter(cursor)) {
            disable(webhook, "Its next events were removed by retention before they could be delivered");
            return Optional.of(nothingFor(webhook));
        }
        for (int page = 0; page < PAGES_PER_CLAIM; page++) {
            EventPage feed = events.feed(webhook.organization, cursor, FEED_PAGE);
            List<EventView> items = feed.items();
            for (int i = 0; i < items.size(); i++) {
                if (webhook.subscribesTo(items.get(i).type())) {
                    // The cursor just past this event: the page's own when it is the last, else a page that ends with it.
                    String eventCursor = i == items.size() - 1 ? feed.next() : events.feed(webhook.organization, cursor, i + 1).next();
                    webhook.feedCursor = cursor; // passes over the pages of unsubscribed events before it
                    webhook.lease = UUID.randomUUID();
                    webhook.nextAttemptAt = Instant.now(clock).plus(lease);
                    return Optional.of(new Claim(webhook.id, webhook.lease, URI.create(webhook.url), webhook.secret, items.get(i), eventCursor));
                }
            }
            cursor = feed.next();
            if (items.size() < FEED_PAGE) {
                break;
            }
        }
        webhook.feedCursor = cursor; // nothing it subscribed to: pass over what was read
        return Optional.of(nothingFor(webhook));
    }

    /** Step 3: logs the attempt and moves the webhook on; false when the lease was lost (webhook deleted, or the lease expired and another took over). */
    boolean record(Claim claim, WebhookSender.Outcome outcome, Instant attemptedAt) {
        Webhook webhook = entityManager.find(Webhook.class, claim.webhookId(), LockModeType.PESSIMISTIC_WRITE);
        if (webhook == null || !claim.lease().equals(webhook.lease)) {
            LOG.warnf("Webhook %d: the outcome of event %d (%s) is not recorded; the webhook was deleted or its lease expired",
                    claim.webhookId(), claim.event().id(), outcome.delivered() ? "delivered" : outcome.error());
            return false;
        }
        Instant now = Instant.now(clock);
        webhook.lease = null;
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 and eventId = ?2", webhook.id, claim.event().id())
                .firstResultOptional().orElseGet(() -> newDelivery(webhook, claim.event(), attemptedAt));
        delivery.attempts++;
        delivery.lastAttemptAt = attemptedAt;
        delivery.statusCode = outcome.statusCode();
        if (outcome.delivered()) {
            delivery.deliveredAt = now;
            // In the transaction that logs the delivery: committed together, or neither.
            webhook.feedCursor = claim.eventCursor();
            webhook.attempts = 0;
            webhook.failingSince = null;
            webhook.lastError = null;
            webhook.nextAttemptAt = now;
            return true;
        }
        String error = limit(outcome.error());
        delivery.lastError = error;
        webhook.attempts++;
        webhook.lastError = error;
        if (webhook.failingSince == null) {
            webhook.failingSince = attemptedAt;
        }
        webhook.nextAttemptAt = now.plus(retries.delayAfter(webhook.attempts));
        LOG.infof("Webhook %d: event %d not delivered (attempt %d, %s); next attempt at %s",
                webhook.id, claim.event().id(), webhook.attempts, error, webhook.nextAttemptAt);
        if (Integer.valueOf(410).equals(outcome.statusCode())) {
            disable(webhook, "The receiver answered 410 Gone: it wants no more deliveries");
        } else if (!now.isBefore(webhook.failingSince.plus(giveUpAfter))) {
            disable(webhook, "Deliveries failed since " + webhook.failingSince + "; last error: " + error);
        }
        return true;
    }

    /** Stops deliveries to the webhook and says so in the organisation's feed (and so to its other webhooks). */
    private void disable(Webhook webhook, String reason) {
        Instant now = Instant.now(clock);
        webhook.enabled = false;
        webhook.disabledAt = now;
        webhook.disabledReason = limit(reason);
        webhook.lease = null;
        events.record(webhook.organization, EventType.WEBHOOK_DISABLED,
                new WebhookDisablement(webhook.id, webhook.url, webhook.disabledReason, webhook.lastError, webhook.failingSince));
        LOG.warnf("Webhook %d (%s) was disabled: %s", webhook.id, webhook.organization.slug, reason);
    }

    private static Claim nothingFor(Webhook webhook) {
        return new Claim(webhook.id, null, null, null, null, null);
    }

    private static WebhookDelivery newDelivery(Webhook webhook, EventView event, Instant attemptedAt) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.webhookId = webhook.id;
        delivery.eventId = event.id();
        delivery.eventType = event.type();
        delivery.firstAttemptAt = attemptedAt;
        delivery.lastAttemptAt = attemptedAt;
        delivery.persist();
        return delivery;
    }

    private static String limit(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }
}
