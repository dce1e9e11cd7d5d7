package org.waarom.scheduler.policy;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.waarom.scheduler.api.NewReviewTask;
import org.waarom.scheduler.api.VisionApi;
import org.waarom.scheduler.api.VisionApiException;
import org.waarom.scheduler.config.SchedulerConfig;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A cycle review falls due: creates the task for the latest due date on or before today
 * ({@code cycle:<element>:<dueDate>}) and moves the trigger to the next due date. Because the due
 * date comes from the cadence and today, not from the firing, a firing that was missed for several
 * cycles (downtime, first start long after the anchor) creates exactly one task, for the latest
 * one. While the API cannot be reached the trigger is moved to one sync interval later instead, so
 * the task is asked for again until it exists.
 * <p>
 * One run per policy at a time ({@link DisallowConcurrentExecution}, cluster-wide in the JDBC
 * store); different policies run in parallel.
 */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class CycleReviewJob implements Job {

    private static final Logger LOG = Logger.getLogger(CycleReviewJob.class);

    @Inject
    VisionApi api;

    @Inject
    CycleTriggers triggers;

    @Inject
    SchedulerConfig config;

    @Inject
    Clock clock;

    @Override
    public void execute(JobExecutionContext context) {
        JobKey key = context.getJobDetail().getKey();
        CycleTriggers.CyclePolicy policy = CycleTriggers.policyOf(context.getJobDetail());
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> due = policy.cadence().latestDueOnOrBefore(today);
        if (due.isPresent()) {
            try {
                api.createReviewTask(policy.organization(), NewReviewTask.cycle(policy.element(), due.get()));
            } catch (VisionApiException e) {
                if (!e.isPermanent()) {
                    LOG.warnf("Cycle review %s due %s not created yet, trying again in %s: %s",
                            key.getName(), due.get(), config.policies().syncInterval(), e.getMessage());
                    triggers.moveTrigger(key, policy, clock.instant().plus(config.policies().syncInterval()), context.getFireTime());
                    return;
                }
                // The organisation is gone (404) or the API rejects this task for good; the next
                // sync removes the trigger of a policy that no longer exists.
                LOG.errorf("Cycle review %s due %s refused by the vision-api: %s", key.getName(), due.get(), e.getMessage());
            }
        }
        triggers.moveTrigger(key, policy, triggers.fireInstant(policy.cadence().nextDueAfter(today)), context.getFireTime());
    }
}
