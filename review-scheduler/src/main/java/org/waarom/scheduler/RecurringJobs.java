package org.waarom.scheduler;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.waarom.scheduler.config.SchedulerConfig;
import org.waarom.scheduler.feed.FeedConsumerJob;
import org.waarom.scheduler.policy.PolicySync;
import org.waarom.scheduler.policy.PolicySyncJob;
import org.waarom.scheduler.reminder.ReminderJob;

import java.time.Duration;
import java.util.Date;

import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

/**
 * At start, makes sure the cluster's three recurring jobs exist in the shared job store with this
 * replica's intervals: the event feed ({@code waarom.events.poll-interval}), the policy sync
 * ({@code waarom.policies.sync-interval}) and the reminders ({@code waarom.reminders.interval}),
 * and asks for a policy sync now. They are Quartz jobs, not
 * {@code @Scheduled} methods, so that in a cluster each run happens on one replica only.
 */
@ApplicationScoped
public class RecurringJobs {

    private static final Logger LOG = Logger.getLogger(RecurringJobs.class);

    @Inject
    Scheduler quartz;

    @Inject
    SchedulerConfig config;

    @Inject
    PolicySync policySync;

    void onStart(@Observes StartupEvent start) {
        ensure(FeedConsumerJob.class, FeedConsumerJob.KEY, config.events().pollInterval(), Duration.ZERO,
                "Follows the vision-api event feed");
        Duration sync = config.policies().syncInterval();
        ensure(PolicySyncJob.class, PolicySyncJob.KEY, sync, sync, "Reconciles review policies into cycle triggers");
        // The first pass soon after the job is first stored; later starts keep the stored cadence.
        ensure(ReminderJob.class, ReminderJob.KEY, config.reminders().interval(), Duration.ofSeconds(30),
                "Sends review reminders");
        policySync.requestSoon();
    }

    /**
     * Stores the job and its repeating trigger, unless both exist with the same interval (another
     * replica, or this one before a restart, set them up). A missed repetition is skipped rather
     * than caught up: the next run does the same work.
     */
    private void ensure(Class<? extends Job> jobClass, JobKey key, Duration interval, Duration firstDelay, String description) {
        TriggerKey triggerKey = TriggerKey.triggerKey(key.getName(), key.getGroup());
        QuartzWork.inTransaction(() -> {
            Trigger existing = quartz.getTrigger(triggerKey);
            if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval.toMillis()
                    && quartz.checkExists(key)) {
                return null;
            }
            quartz.addJob(newJob(jobClass).withIdentity(key).withDescription(description).storeDurably().build(), true);
            Trigger trigger = newTrigger()
                    .withIdentity(triggerKey)
                    .forJob(key)
                    .startAt(new Date(System.currentTimeMillis() + firstDelay.toMillis()))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            if (existing != null) {
                quartz.rescheduleJob(triggerKey, trigger);
            } else {
                try {
                    quartz.scheduleJob(trigger);
                } catch (ObjectAlreadyExistsException e) {
                    // Another replica starting at the same moment stored it first.
                    return null;
                }
            }
            LOG.infof("%s every %s", description, interval);
            return null;
        });
    }
}
