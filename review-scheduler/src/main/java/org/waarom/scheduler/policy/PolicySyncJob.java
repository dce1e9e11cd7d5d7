package org.waarom.scheduler.policy;

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
 * Runs {@link PolicySync#reconcile()}: on its interval, once at every start and when an event asks
 * for it. A Quartz job in the clustered store rather than a {@code @Scheduled} method, so that only
 * one replica of the cluster runs it at a time.
 */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class PolicySyncJob implements Job {

    public static final JobKey KEY = JobKey.jobKey("policy-sync", "waarom");

    private static final Logger LOG = Logger.getLogger(PolicySyncJob.class);

    @Inject
    PolicySync sync;

    @Override
    public void execute(JobExecutionContext context) {
        try {
            sync.reconcile();
        } catch (VisionApiException e) {
            LOG.warnf("Review policies not synced, the triggers stay as they are until the next try: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Review policies not synced", e);
        }
    }
}
