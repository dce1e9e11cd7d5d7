package org.waarom.scheduler.feed;

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
 * Reads the event feed every {@code waarom.events.poll-interval}. A Quartz job in the clustered
 * store, non-concurrent: one replica of the cluster at a time follows the one shared cursor.
 */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class FeedConsumerJob implements Job {

    public static final JobKey KEY = JobKey.jobKey("event-feed", "waarom");

    private static final Logger LOG = Logger.getLogger(FeedConsumerJob.class);

    @Inject
    FeedConsumer consumer;

    @Override
    public void execute(JobExecutionContext context) {
        try {
            consumer.consume();
        } catch (VisionApiException e) {
            LOG.warnf("Event feed not followed this time, the cursor stays and the next poll repeats: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Event feed not followed this time, the cursor stays", e);
        }
    }
}
