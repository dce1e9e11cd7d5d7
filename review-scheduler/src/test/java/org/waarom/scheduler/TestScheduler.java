package org.waarom.scheduler;

import io.agroal.api.AgroalDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.waarom.scheduler.feed.FeedConsumerJob;
import org.waarom.scheduler.policy.CycleTriggers;
import org.waarom.scheduler.policy.PolicySyncJob;
import org.waarom.scheduler.reminder.ReminderJob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Puts the running scheduler into a known state between tests. All tests share one application,
 * one database and one stub API, and the scheduler's jobs run in the background the whole time, so
 * a test first stops them ({@link #quiesce()}), arranges the stub and the store, and then lets
 * them run ({@link #resume()}) or drives the code directly.
 */
@ApplicationScoped
public class TestScheduler {

    @Inject
    Scheduler quartz;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    /**
     * Pauses the feed, the policy sync and the reminders, waits until no job runs, removes every cycle job,
     * makes the stub API quiet, closes the circuit breakers and empties the feed cursor.
     */
    public void quiesce() {
        QuartzWork.inTransaction(() -> {
            for (JobKey job : List.of(FeedConsumerJob.KEY, PolicySyncJob.KEY, ReminderJob.KEY)) {
                quartz.pauseJob(job);
                for (Trigger trigger : quartz.getTriggersOfJob(job)) {
                    if (trigger.getKey().getName().startsWith("requested-")) {
                        quartz.unscheduleJob(trigger.getKey());
                    }
                }
            }
            return null;
        });
        awaitNoJobRunning();
        QuartzWork.inTransaction(() -> {
            for (JobKey cycle : quartz.getJobKeys(GroupMatcher.jobGroupEquals(CycleTriggers.GROUP))) {
                quartz.deleteJob(cycle);
            }
            return null;
        });
        awaitNoJobRunning();
        VisionApiStub.quiet();
        circuitBreakers.resetAll();
        execute("update feed_cursor set cursor = null, read_at = null, caught_up_at = null, last_event_at = null where id = 1");
    }

    /**
     * Lets the feed and the policy sync run again on their (test) intervals. The reminder job
     * stays paused: tests run reminder passes themselves.
     */
    public void resume() {
        QuartzWork.inTransaction(() -> {
            quartz.resumeJob(FeedConsumerJob.KEY);
            quartz.resumeJob(PolicySyncJob.KEY);
            return null;
        });
    }

    public void awaitNoJobRunning() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<JobExecutionContext> running = quartz.getCurrentlyExecutingJobs();
            return running.isEmpty();
        });
    }

    /** The stored feed cursor. */
    public String feedCursor() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select cursor from feed_cursor where id = 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setFeedCursor(String cursor) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update feed_cursor set cursor = ? where id = 1")) {
            update.setString(1, cursor);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
