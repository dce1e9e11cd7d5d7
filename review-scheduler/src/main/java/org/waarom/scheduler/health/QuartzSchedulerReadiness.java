package org.waarom.scheduler.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;

/**
 * Ready while this replica's Quartz scheduler runs: started, not in stand-by and not shut down.
 * Reports the instance id (the {@code instance_name} of its row in {@code qrtz_scheduler_state})
 * and whether the job store is clustered, so an operator can tell the replicas apart.
 */
@Readiness
@ApplicationScoped
public class QuartzSchedulerReadiness implements HealthCheck {

    static final String NAME = "Quartz scheduler";

    @Inject
    Scheduler quartz;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            SchedulerMetaData metaData = quartz.getMetaData();
            boolean running = metaData.isStarted() && !metaData.isInStandbyMode() && !metaData.isShutdown();
            return response.status(running)
                    .withData("instanceName", metaData.getSchedulerName())
                    .withData("instanceId", metaData.getSchedulerInstanceId())
                    .withData("clustered", metaData.isJobStoreClustered())
                    .withData("jobStore", metaData.getJobStoreClass().getSimpleName())
                    .withData("state", running ? "started" : metaData.isShutdown() ? "shut down" : "stand-by")
                    .build();
        } catch (SchedulerException e) {
            // The message names the Quartz problem; never a stack trace in the health response.
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
