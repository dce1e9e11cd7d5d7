package org.waarom.scheduler;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.impl.jdbcjobstore.JobStoreCMT;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quartz keeps its state in PostgreSQL and runs as a cluster member from the start, so that two
 * replicas on one database fire each trigger once (see docs/architecture.md#the-scheduler).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class QuartzJobStoreTest {

    @Inject
    Scheduler quartz;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void quartzUsesTheClusteredJdbcJobStore() throws Exception {
        SchedulerMetaData metaData = quartz.getMetaData();

        assertThat(metaData.isStarted()).isTrue();
        assertThat(metaData.isJobStoreSupportsPersistence()).isTrue();
        assertThat(metaData.isJobStoreClustered()).isTrue();
        assertThat(metaData.getJobStoreClass()).isEqualTo(JobStoreCMT.class);
        assertThat(metaData.getSchedulerName()).isEqualTo("review-scheduler");
    }

    @Test
    void thisInstanceChecksInWithTheCluster() throws Exception {
        String schedulerName = quartz.getSchedulerName();
        String instanceId = quartz.getSchedulerInstanceId();

        // The first check-in happens when the scheduler starts; Awaitility covers a slow start.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(lastCheckIn(schedulerName, instanceId)).isPositive());
    }

    private long lastCheckIn(String schedulerName, String instanceId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select last_checkin_time from qrtz_scheduler_state where sched_name = ? and instance_name = ?")) {
            query.setString(1, schedulerName);
            query.setString(2, instanceId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        }
    }
}
