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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    /** The largest page the API serves (DESIGN section 9). */
    static final int PAGE_SIZE = 200;
    /** Prefix of the one-shot triggers of {@link #requestSoon()}. */
    static final String REQUEST_PREFIX = "requested-";

    private static final Logger LOG = Logger.getLogger(PolicySync.class);

    @Inject
    VisionApi api;

    @Inject
    CycleTriggers triggers;

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
        Map<CycleTriggers.Change, Integer> changes = new EnumMap<>(CycleTriggers.Change.class);
        Set<JobKey> gone = new HashSet<>(triggers.scheduledJobs());
        gone.removeAll(policies.keySet());
        List<Runnable> work = new ArrayList<>();
        policies.values().forEach(policy -> work.add(() -> changes.merge(triggers.apply(policy), 1, Integer::sum)));
        gone.forEach(key -> work.add(() -> {
            if (triggers.remove(key)) {
                changes.merge(CycleTriggers.Change.REMOVED, 1, Integer::sum);
            }
        }));
        int failures = 0;
        // Changes commit in batches: one commit (and fsync) per policy made 40,000 policies take minutes.
        for (int from = 0; from < work.size(); from += BATCH) {
            List<Runnable> batch = work.subList(from, Math.min(work.size(), from + BATCH));
            Map<CycleTriggers.Change, Integer> before = new EnumMap<>(changes);
            try {
                QuartzWork.inTransaction(() -> {
                    batch.forEach(Runnable::run);
                    return null;
                });
            } catch (RuntimeException batchFailure) {
                // The batch rolled back as a whole; apply its policies one by one, so one bad policy costs only itself.
                changes.clear();
                changes.putAll(before);
                for (Runnable single : batch) {
                    try {
                        QuartzWork.inTransaction(() -> {
                            single.run();
                            return null;
                        });
                    } catch (RuntimeException e) {
                        failures++;
                        LOG.errorf(e, "Could not apply a review policy; the next sync tries again");
                    }
                }
            }
        }
        if (failures == 0) {
            int scheduled = triggers.scheduledJobs().size();
            log.recordSuccess(clock.instant(), policies.size(), scheduled);
        }
        LOG.infof("Review policies synced in %d ms: %d policies, %s%s", (System.nanoTime() - started) / 1_000_000,
                policies.size(), changes, failures == 0 ? "" : ", " + failures + " failed");
        return changes;
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
