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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
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
 * A trigger fires at {@value #FIRE_HOUR}:00 UTC on the due date. Its misfire instruction is set
 * explicitly to {@link SimpleTrigger#MISFIRE_INSTRUCTION_FIRE_NOW}: a firing missed while no
 * replica ran happens once as soon as one does, and the job then creates the task for the latest
 * due date only (never one per missed cycle) and moves the trigger on to the next due date.
 */
@ApplicationScoped
public class CycleTriggers {

    public static final String GROUP = "review-cycles";
    /** Hour of the day (UTC) at which a cycle review falls due and its task is created. */
    public static final int FIRE_HOUR = 6;

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

    public static JobKey jobKey(String organization, String element) {
        return JobKey.jobKey(organization + "/" + element, GROUP);
    }

    public static TriggerKey triggerKey(JobKey job) {
        return TriggerKey.triggerKey(job.getName(), job.getGroup());
    }

    /** The instant a review due on {@code dueDate} fires: {@value #FIRE_HOUR}:00 UTC that day. */
    public static Instant fireInstant(LocalDate dueDate) {
        return dueDate.atTime(LocalTime.of(FIRE_HOUR, 0)).toInstant(ZoneOffset.UTC);
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
                return Change.UNCHANGED;
            }
            LocalDate today = LocalDate.now(clock);
            boolean isNew = existing == null || !triggerExists;
            LocalDate due = isNew
                    ? cadence.get().latestDueOnOrBefore(today).orElseGet(() -> cadence.get().nextDueAfter(today))
                    : cadence.get().nextDueAfter(today);
            Trigger trigger = triggerAt(key, fireInstant(due), previousFireTime(key));
            JobDetail job = newJob(CycleReviewJob.class)
                    .withIdentity(key)
                    .withDescription("Cycle review of " + policy.element() + " in " + policy.organization())
                    .usingJobData(dataOf(policy))
                    .storeDurably()
                    // A replica that dies while creating the task: another one runs the job again.
                    .requestRecovery()
                    .build();
            quartz.scheduleJob(job, Set.of(trigger), true);
            LOG.debugf("%s cycle trigger %s: %s from %s, fires %s", isNew ? "Created" : "Rescheduled",
                    key.getName(), policy.cycle(), policy.anchorDate(), due);
            return isNew ? Change.CREATED : Change.RESCHEDULED;
        });
    }

    /** Removes a policy's job and trigger; {@code false} when there were none. */
    public boolean remove(JobKey key) {
        return QuartzWork.joining(() -> quartz.deleteJob(key));
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

    /** A scheduled cycle: whose, which element, and its cadence. */
    public record CyclePolicy(String organization, String element, Cadence cadence) {
    }
}
