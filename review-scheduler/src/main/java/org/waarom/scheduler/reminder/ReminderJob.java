package org.waarom.scheduler.reminder;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.waarom.scheduler.api.VisionApiException;

/**
 * Runs a reminder pass ({@link ReminderService#remind()}) every {@code waarom.reminders.interval}.
 * A Quartz job in the clustered store, non-concurrent: one pass at a time in the whole cluster,
 * which is what lets a pass take over the reminders an earlier pass recorded but did not send.
 */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class ReminderJob implements Job {

    public static final JobKey KEY = JobKey.jobKey("reminders", "waarom");

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    @Inject
    ReminderService reminders;

    @Override
    public void execute(JobExecutionContext context) {
        try {
            reminders.remind();
        } catch (VisionApiException e) {
            LOG.warnf("Reminder pass stopped, the next one picks up where it left off: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Reminder pass stopped, the next one picks up where it left off", e);
        }
    }
}
