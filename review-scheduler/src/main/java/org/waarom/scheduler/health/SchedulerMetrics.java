package org.waarom.scheduler.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.waarom.scheduler.api.Reminder;
import org.waarom.scheduler.feed.FeedCursor;
import org.waarom.scheduler.policy.PolicySyncLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Gauges at {@code /q/metrics} (Prometheus), read from the database so that every replica shows
 * the cluster's values:
 * <ul>
 *   <li>{@value #FEED_LAG}: seconds the scheduler is behind the event feed, i.e. now minus the
 *       later of the last handled event's {@code occurredAt} and the last read that reached the end
 *       of the feed. A few poll intervals when all is well; it grows while the API is unreachable
 *       or events cannot be handled. NaN before the feed was first read.</li>
 *   <li>{@value #LAST_POLICY_SYNC}: when review policies were last synced completely (epoch
 *       seconds); NaN before the first sync.</li>
 * </ul>
 * Counters:
 * <ul>
 *   <li>{@value #REMINDERS_SENT}: reminders sent, tagged {@code kind} and {@code channel};</li>
 *   <li>{@value #REMINDERS_FAILED}: attempts to send a reminder that failed (each is retried on the
 *       next pass while it is owed), tagged the same way;</li>
 *   <li>{@value #REMINDERS_SKIPPED}: e-mails not sent because the policy names nobody to send them
 *       to, tagged {@code kind}; counted on every pass until someone is named.</li>
 * </ul>
 * Tasks created are counted where they are created ({@code VisionApi#TASKS_CREATED}, tagged with
 * the reason; repeats that found an existing task in {@code VisionApi#TASKS_REPEATED}).
 */
@ApplicationScoped
public class SchedulerMetrics {

    public static final String FEED_LAG = "waarom.scheduler.feed.lag.seconds";
    public static final String LAST_POLICY_SYNC = "waarom.scheduler.policies.last.sync.seconds";
    public static final String REMINDERS_SENT = "waarom.scheduler.reminders.sent";
    public static final String REMINDERS_FAILED = "waarom.scheduler.reminders.failed";
    public static final String REMINDERS_SKIPPED = "waarom.scheduler.reminders.skipped";

    private static final Logger LOG = Logger.getLogger(SchedulerMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    FeedCursor feed;

    @Inject
    PolicySyncLog policySync;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) {
        Gauge.builder(FEED_LAG, this, SchedulerMetrics::feedLagSeconds)
                .description("Seconds the scheduler is behind the vision-api event feed")
                .register(registry);
        Gauge.builder(LAST_POLICY_SYNC, this, SchedulerMetrics::lastPolicySyncEpochSeconds)
                .description("When review policies were last synced completely into triggers (epoch seconds)")
                .register(registry);
    }

    /** A reminder went out. */
    public void reminderSent(Reminder.Kind kind, Reminder.Channel channel) {
        Counter.builder(REMINDERS_SENT).description("Review reminders sent, by kind and channel")
                .tags("kind", kind.name(), "channel", channel.name()).register(registry).increment();
    }

    /** A reminder could not be sent this time. */
    public void reminderFailed(Reminder.Kind kind, Reminder.Channel channel) {
        Counter.builder(REMINDERS_FAILED).description("Review reminders that could not be sent (retried on the next pass), by kind and channel")
                .tags("kind", kind.name(), "channel", channel.name()).register(registry).increment();
    }

    /** A reminder e-mail had nobody to go to. */
    public void reminderWithoutRecipients(Reminder.Kind kind) {
        Counter.builder(REMINDERS_SKIPPED).description("Review reminder e-mails not sent because their policy names nobody")
                .tags("kind", kind.name(), "reason", "no-recipients").register(registry).increment();
    }

    double feedLagSeconds() {
        try {
            FeedCursor.Position position = feed.read();
            Optional<Instant> upToDate = Stream.of(position.lastEventAt(), position.caughtUpAt())
                    .filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo);
            return upToDate.map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN);
        } catch (RuntimeException e) {
            LOG.debug("Feed lag unavailable", e);
            return Double.NaN;
        }
    }

    double lastPolicySyncEpochSeconds() {
        try {
            return policySync.lastSuccess().map(at -> at.toEpochMilli() / 1000.0).orElse(Double.NaN);
        } catch (RuntimeException e) {
            LOG.debug("Last policy sync unavailable", e);
            return Double.NaN;
        }
    }
}
