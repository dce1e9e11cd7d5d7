package org.waarom.scheduler.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.impl.triggers.SimpleTriggerImpl;
import org.waarom.scheduler.QuartzWork;
import org.waarom.scheduler.api.ReviewPolicy;
import org.waarom.scheduler.cadence.Cadence;
import org.waarom.scheduler.config.SchedulerConfig;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

/**
 * The Quartz side of review cycles: one durable {@link CycleReviewJob} per enabled policy with a
 * cycle and an anchor, keyed {@code <organisation>/<element>} in the group {@value #GROUP}, with
 * one one-shot trigger of the same key at the next due date. The job's data holds the policy's
 * {@code enabled}, {@code cycle} and {@code anchorDate}, which is how a sync tells a changed
 * policy from an unchanged one.
 * <p>
 * A trigger fires on the due date at {@code waarom.policies.due-time} (UTC, 06:00 unless
 * configured). Its misfire instruction is set explicitly to {@link SimpleTrigger#MISFIRE_INSTRUCTION_FIRE_NOW}: a firing missed while no
 * replica ran happens once as soon as one does, and the job then creates the task for the latest
 * due date only (never one per missed cycle) and moves the trigger on to the next due date.
 */
@ApplicationScoped
public class CycleTriggers {

    public static final String GROUP = "review-cycles";
    static final String ORGANIZATION = "organization";
    static final String ELEMENT = "element";
    static final String ENABLED = "enabled";
    static final String CYCLE = "cycle";
    static final String ANCHOR_DATE = "anchorDate";

    private static final Logger LOG = Logger.getLogger(CycleTriggers.class);

    /** What a sync did with one policy. */
    public enum Change { CREATED, RESCHEDULED, UNCHANGED, REMOVED, NONE }

    @Inject
    Scheduler quartz;

    @Inject
    Clock clock;

    @Inject
    CycleSchedules schedules;

    @Inject
    SchedulerConfig config;

    public static JobKey jobKey(String organization, String element) {
        return JobKey.jobKey(organization + "/" + element, GROUP);
    }

    public static TriggerKey triggerKey(JobKey job) {
        return TriggerKey.triggerKey(job.getName(), job.getGroup());
    }

    /** The instant a review due on {@code dueDate} fires: the configured due time (UTC) that day. */
    public Instant fireInstant(LocalDate dueDate) {
        return dueDate.atTime(config.policies().dueTime()).toInstant(ZoneOffset.UTC);
    }

    /** The cadence a policy asks for, or empty when it gets no cycle trigger. */
    public static Optional<Cadence> cadenceOf(ReviewPolicy policy) {
        if (!policy.enabled() || policy.anchorDate() == null) {
            return Optional.empty();
        }
        return policy.cyclePeriod().map(cycle -> new Cadence(policy.anchorDate(), cycle));
    }

    /** The cycle policy a job was scheduled for, read back from its data. */
    public static CyclePolicy policyOf(JobDetail job) {
        JobDataMap data = job.getJobDataMap();
        return new CyclePolicy(data.getString(ORGANIZATION), data.getString(ELEMENT),
                new Cadence(LocalDate.parse(data.getString(ANCHOR_DATE)), Period.parse(data.getString(CYCLE))));
    }

    /**
     * Makes Quartz match one policy:
     * <ul>
     *   <li>new cycle policy: job and trigger created; the trigger fires at the latest due date
     *       that has passed (so at once, through the misfire instruction: the review that is due
     *       now gets its task) or, when none has, at the first due date;</li>
     *   <li>cycle, anchor or enabled changed: rescheduled to the next due date after today under
     *       the new cadence (a change does not create reviews retroactively);</li>
     *   <li>disabled, without anchor or without a valid cycle: job and trigger removed.</li>
     * </ul>
     */
    public Change apply(ReviewPolicy policy) {
        JobKey key = jobKey(policy.organization(), policy.element());
        Optional<Cadence> cadence = cadenceOf(policy);
        if (cadence.isEmpty()) {
            if (policy.enabled() && policy.anchorDate() != null) {
                LOG.warnf("Review policy %s has no usable cycle (%s): no cycle trigger", key.getName(), policy.cycle());
            }
            return remove(key) ? Change.REMOVED : Change.NONE;
        }
        return QuartzWork.joining(() -> {
            JobDetail existing = quartz.getJobDetail(key);
            boolean triggerExists = quartz.checkExists(triggerKey(key));
            if (existing != null && triggerExists && sameCadence(existing.getJobDataMap(), policy)) {
                // A job from before the cycle_schedule table: give it its row, so the next sync skips it.
                schedules.save(List.of(policy), clock.instant());
                return Change.UNCHANGED;
            }
            LocalDate today = LocalDate.now(clock);
            boolean isNew = existing == null || !triggerExists;
            LocalDate due = isNew
                    ? cadence.get().latestDueOnOrBefore(today).orElseGet(() -> cadence.get().nextDueAfter(today))
                    : cadence.get().nextDueAfter(today);
            Trigger trigger = triggerAt(key, fireInstant(due), previousFireTime(key));
            quartz.scheduleJob(jobFor(policy), Set.of(trigger), true);
            schedules.save(List.of(policy), clock.instant());
            LOG.debugf("%s cycle trigger %s: %s from %s, fires %s", isNew ? "Created" : "Rescheduled",
                    key.getName(), policy.cycle(), policy.anchorDate(), due);
            return isNew ? Change.CREATED : Change.RESCHEDULED;
        });
    }

    /** Removes a policy's job and trigger; {@code false} when there were none. */
    public boolean remove(JobKey key) {
        return QuartzWork.joining(() -> {
            schedules.delete(key.getName());
            return quartz.deleteJob(key);
        });
    }

    /** The cycle group as it is now, read with three queries for a whole sync to compare against. */
    public Snapshot snapshot() {
        return QuartzWork.inTransaction(() -> new Snapshot(
                quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)),
                quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP)),
                schedules.all()));
    }

    /**
     * What {@link #apply} would answer for a policy that needs no change according to the snapshot
     * (its job, trigger and recorded cadence all match, or it has no cycle and no job); empty when
     * it needs work.
     */
    public static Optional<Change> settled(ReviewPolicy policy, Snapshot snapshot) {
        JobKey key = jobKey(policy.organization(), policy.element());
        if (cadenceOf(policy).isEmpty()) {
            return snapshot.absent(key) ? Optional.of(Change.NONE) : Optional.empty();
        }
        boolean same = snapshot.jobs().contains(key) && snapshot.triggers().contains(triggerKey(key))
                && CycleSchedules.fingerprint(policy).equals(snapshot.cadences().get(key.getName()));
        return same ? Optional.of(Change.UNCHANGED) : Optional.empty();
    }

    /**
     * Applies policies that need work, in the caller's transaction. Policies the snapshot has
     * never seen are stored with one {@code scheduleJobs} call (the common case at a first start
     * with many organisations); the others go through {@link #apply} one by one.
     */
    public Map<Change, Integer> applyAll(List<ReviewPolicy> policies, Snapshot snapshot) {
        return QuartzWork.joining(() -> {
            Map<Change, Integer> changes = new EnumMap<>(Change.class);
            Map<JobDetail, Set<? extends Trigger>> created = new LinkedHashMap<>();
            List<ReviewPolicy> createdPolicies = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            for (ReviewPolicy policy : policies) {
                JobKey key = jobKey(policy.organization(), policy.element());
                Optional<Cadence> cadence = cadenceOf(policy);
                if (cadence.isPresent() && snapshot.absent(key)) {
                    LocalDate due = cadence.get().latestDueOnOrBefore(today).orElseGet(() -> cadence.get().nextDueAfter(today));
                    created.put(jobFor(policy), Set.of(triggerAt(key, fireInstant(due), null)));
                    createdPolicies.add(policy);
                } else {
                    changes.merge(apply(policy), 1, Integer::sum);
                }
            }
            if (!created.isEmpty()) {
                quartz.scheduleJobs(created, true);
                schedules.save(createdPolicies, clock.instant());
                changes.merge(Change.CREATED, created.size(), Integer::sum);
            }
            return changes;
        });
    }

    /** The keys of every cycle job in the store. */
    public Set<JobKey> scheduledJobs() {
        return QuartzWork.inTransaction(() -> quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)));
    }

    /**
     * Points a job's trigger at {@code fireAt}: the next due date after a firing, or a retry
     * after the API failed. Only while the job still holds the cadence the caller worked with: a
     * sync that changed the policy meanwhile has already set the right trigger.
     */
    void moveTrigger(JobKey key, CyclePolicy executed, Instant fireAt, Date firedAt) {
        QuartzWork.inTransaction(() -> {
            JobDetail current = quartz.getJobDetail(key);
            if (current == null || !policyOf(current).equals(executed)) {
                LOG.debugf("Cycle job %s changed while it ran; keeping the trigger the sync set", key.getName());
                return null;
            }
            Trigger trigger = triggerAt(key, fireAt, firedAt);
            if (quartz.checkExists(trigger.getKey())) {
                quartz.rescheduleJob(trigger.getKey(), trigger);
            } else {
                // A recovered run (after a replica died) fires through a recovery trigger; the
                // job's own one may be gone.
                quartz.scheduleJob(trigger);
            }
            return null;
        });
    }

    private static JobDetail jobFor(ReviewPolicy policy) {
        return newJob(CycleReviewJob.class)
                .withIdentity(jobKey(policy.organization(), policy.element()))
                .withDescription("Cycle review of " + policy.element() + " in " + policy.organization())
                .usingJobData(dataOf(policy))
                .storeDurably()
                // A replica that dies while creating the task: another one runs the job again.
                .requestRecovery()
                .build();
    }

    /**
     * A one-shot trigger at {@code fireAt}. Each move replaces the trigger, so the last firing
     * ({@code previousFireTime}, shown by the admin view) is carried over by hand.
     */
    private static Trigger triggerAt(JobKey key, Instant fireAt, Date previousFireTime) {
        Trigger trigger = newTrigger()
                .withIdentity(triggerKey(key))
                .forJob(key)
                .startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        // Explicit, not Quartz's "smart policy": after downtime, fire once, now.
                        .withMisfireHandlingInstructionFireNow())
                .build();
        if (previousFireTime != null && trigger instanceof SimpleTriggerImpl simple) {
            simple.setPreviousFireTime(previousFireTime);
        }
        return trigger;
    }

    private Date previousFireTime(JobKey key) throws SchedulerException {
        Trigger current = quartz.getTrigger(triggerKey(key));
        return current == null ? null : current.getPreviousFireTime();
    }

    private static JobDataMap dataOf(ReviewPolicy policy) {
        JobDataMap data = new JobDataMap();
        data.put(ORGANIZATION, policy.organization());
        data.put(ELEMENT, policy.element());
        data.put(ENABLED, String.valueOf(policy.enabled()));
        data.put(CYCLE, policy.cycle());
        data.put(ANCHOR_DATE, policy.anchorDate().toString());
        return data;
    }

    private static boolean sameCadence(JobDataMap data, ReviewPolicy policy) {
        return Objects.equals(data.getString(ENABLED), String.valueOf(policy.enabled()))
                && Objects.equals(data.getString(CYCLE), policy.cycle())
                && Objects.equals(data.getString(ANCHOR_DATE), String.valueOf(policy.anchorDate()));
    }

    /**
     * The cycle jobs, their triggers and the cadences recorded for them, as one sync found them.
     *
     * @param cadences job name → {@link CycleSchedules#fingerprint}
     */
    public record Snapshot(Set<JobKey> jobs, Set<TriggerKey> triggers, Map<String, String> cadences) {

        /** Neither a job nor a trigger of this key: a policy Quartz has never seen. */
        boolean absent(JobKey key) {
            return !jobs.contains(key) && !triggers.contains(triggerKey(key));
        }
    }

    /** A scheduled cycle: whose, which element, and its cadence. */
    public record CyclePolicy(String organization, String element, Cadence cadence) {
    }
}
