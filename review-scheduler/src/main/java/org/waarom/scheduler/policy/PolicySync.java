package org.waarom.scheduler.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.waarom.scheduler.QuartzWork;
import org.waarom.scheduler.api.ReviewPolicy;
import org.waarom.scheduler.api.ReviewPolicyPage;
import org.waarom.scheduler.api.VisionApi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.quartz.TriggerBuilder.newTrigger;

/**
 * Reconciles the review policies of every organisation into cycle triggers, so that Quartz always
 * matches the API: at start, after a {@code review-policy.changed} event and every
 * {@code waarom.policies.sync-interval}, always as {@link PolicySyncJob} (one run at a time in the
 * whole cluster).
 */
@ApplicationScoped
public class PolicySync {

    /** Policies applied per transaction. */
    static final int BATCH = 500;

    /** The largest page the API serves (size ≤ 200, docs/api-guide.md#conventions). */
    static final int PAGE_SIZE = 200;
    /** Prefix of the one-shot triggers of {@link #requestSoon()}. */
    static final String REQUEST_PREFIX = "requested-";

    private static final Logger LOG = Logger.getLogger(PolicySync.class);

    @Inject
    VisionApi api;

    @Inject
    CycleTriggers triggers;

    @Inject
    CycleSchedules schedules;

    @Inject
    PolicySyncLog log;

    @Inject
    Scheduler quartz;

    @Inject
    Clock clock;

    /**
     * Reads every policy (all pages) and creates, reschedules or removes cycle triggers to match.
     * When the policies cannot all be read, nothing changes: a partial list must not remove the
     * triggers of the policies it lacks. Throws {@code VisionApiException} in that case.
     *
     * @return how many policies ended in which {@link CycleTriggers.Change}
     */
    public Map<CycleTriggers.Change, Integer> reconcile() {
        long started = System.nanoTime();
        Map<JobKey, ReviewPolicy> policies = readAll();
        long read = System.nanoTime();
        CycleTriggers.Snapshot snapshot = triggers.snapshot();
        Map<CycleTriggers.Change, Integer> changes = new EnumMap<>(CycleTriggers.Change.class);
        // Nearly every policy is unchanged nearly every time: those are settled against the
        // snapshot without touching the job store.
        List<ReviewPolicy> changed = new ArrayList<>();
        policies.values().forEach(policy -> CycleTriggers.settled(policy, snapshot)
                .ifPresentOrElse(change -> changes.merge(change, 1, Integer::sum), () -> changed.add(policy)));
        List<JobKey> gone = snapshot.jobs().stream().filter(key -> !policies.containsKey(key)).toList();
        int existing = snapshot.jobs().size();
        Growth growth = new Growth(existing);
        int failures = inBatches(changed, batch -> triggers.applyAll(batch, snapshot), changes,
                () -> growth.committed(existing + changes.getOrDefault(CycleTriggers.Change.CREATED, 0)))
                + inBatches(gone, batch -> {
                    Map<CycleTriggers.Change, Integer> removed = new EnumMap<>(CycleTriggers.Change.class);
                    batch.forEach(key -> {
                        if (triggers.remove(key)) {
                            removed.merge(CycleTriggers.Change.REMOVED, 1, Integer::sum);
                        }
                    });
                    return removed;
                }, changes, () -> { });
        if (failures == 0) {
            int scheduled = triggers.scheduledJobs().size();
            log.recordSuccess(clock.instant(), policies.size(), scheduled);
        }
        LOG.infof("Review policies synced in %d ms (read %d ms): %d policies, %s%s", (System.nanoTime() - started) / 1_000_000,
                (read - started) / 1_000_000, policies.size(), changes, failures == 0 ? "" : ", " + failures + " failed");
        return changes;
    }

    /**
     * Has the planner statistics refreshed each time a sync has doubled the number of cycle jobs
     * since the last refresh, starting from {@value #BATCH}: a handful of refreshes for a first sync
     * of tens of thousands, none for the usual sync that creates a few.
     */
    private final class Growth {
        private long refreshedAt;

        Growth(long existing) {
            refreshedAt = Math.max(existing, BATCH / 2);
        }

        /** After a batch's commit, with the number of cycle jobs there are now. */
        void committed(long jobs) {
            if (jobs >= 2 * refreshedAt) {
                refreshedAt = jobs;
                schedules.refreshStatistics();
            }
        }
    }

    /**
     * Runs {@code work} over {@code items} in transactions of {@value #BATCH}: one commit (and
     * fsync) per policy made 40,000 policies take minutes. A batch that fails rolls back as a
     * whole and is then done one item at a time, so that one bad policy costs only itself.
     *
     * @param afterCommit run after each batch that committed as a whole
     * @return how many items failed on their own
     */
    private <T> int inBatches(List<T> items, Function<List<T>, Map<CycleTriggers.Change, Integer>> work,
                              Map<CycleTriggers.Change, Integer> changes, Runnable afterCommit) {
        int failures = 0;
        for (int from = 0; from < items.size(); from += BATCH) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            try {
                QuartzWork.inTransaction(() -> work.apply(batch)).forEach((change, n) -> changes.merge(change, n, Integer::sum));
                afterCommit.run();
            } catch (RuntimeException batchFailure) {
                for (T single : batch) {
                    try {
                        QuartzWork.inTransaction(() -> work.apply(List.of(single))).forEach((change, n) -> changes.merge(change, n, Integer::sum));
                    } catch (RuntimeException e) {
                        failures++;
                        LOG.errorf(e, "Could not apply the review policy change for %s; the next sync tries again", single);
                    }
                }
            }
        }
        return failures;
    }

    /**
     * Asks for a reconcile as soon as a replica is free, without waiting for the interval. Several
     * requests before it starts make one run.
     */
    public void requestSoon() {
        QuartzWork.inTransaction(() -> {
            List<? extends Trigger> existing = quartz.getTriggersOfJob(PolicySyncJob.KEY);
            boolean pending = existing.stream().anyMatch(trigger ->
                    trigger.getKey().getName().startsWith(REQUEST_PREFIX) && trigger.getNextFireTime() != null);
            if (!pending) {
                quartz.scheduleJob(newTrigger()
                        .withIdentity(REQUEST_PREFIX + UUID.randomUUID(), PolicySyncJob.KEY.getGroup())
                        .forJob(PolicySyncJob.KEY)
                        .startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
            }
            return null;
        });
    }

    /** Every policy of every organisation, following the pages; the last one wins for a repeated key. */
    private Map<JobKey, ReviewPolicy> readAll() {
        List<ReviewPolicy> all = new ArrayList<>();
        int page = 0;
        ReviewPolicyPage current;
        do {
            current = api.reviewPolicies(page++, PAGE_SIZE);
            all.addAll(current.items());
        } while (current.hasNext());
        Map<JobKey, ReviewPolicy> byKey = new LinkedHashMap<>();
        for (ReviewPolicy policy : all) {
            if (policy.organization() != null && policy.element() != null) {
                byKey.put(CycleTriggers.jobKey(policy.organization(), policy.element()), policy);
            }
        }
        return byKey;
    }
}
