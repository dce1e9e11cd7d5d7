package org.waarom.scheduler.policy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.waarom.scheduler.api.ReviewPolicy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The cadence each cycle job was scheduled for (table {@code cycle_schedule}), kept beside the
 * Quartz tables and changed in the same transaction as the job, so that a sync can tell the
 * unchanged policies (nearly all of them, nearly always) from the rest with one query.
 */
@ApplicationScoped
public class CycleSchedules {

    private static final Logger LOG = Logger.getLogger(CycleSchedules.class);

    @Inject
    AgroalDataSource dataSource;

    /** Job name → the fingerprint of the cadence it was scheduled for (see {@link #fingerprint}). */
    Map<String, String> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select job_name, enabled, cycle, anchor_date from cycle_schedule");
             ResultSet rows = query.executeQuery()) {
            Map<String, String> schedules = new HashMap<>();
            while (rows.next()) {
                schedules.put(rows.getString(1), fingerprint(rows.getBoolean(2), rows.getString(3), rows.getDate(4).toLocalDate().toString()));
            }
            return schedules;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the cycle schedules", e);
        }
    }

    /** Records the cadence of these policies (all with a cycle and an anchor), in the caller's transaction. */
    void save(Collection<ReviewPolicy> policies, Instant now) {
        if (policies.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into cycle_schedule (job_name, enabled, cycle, anchor_date, updated_at) values (?, ?, ?, ?, ?)
                     on conflict (job_name) do update set enabled = excluded.enabled, cycle = excluded.cycle,
                         anchor_date = excluded.anchor_date, updated_at = excluded.updated_at""")) {
            for (ReviewPolicy policy : policies) {
                upsert.setString(1, CycleTriggers.jobKey(policy.organization(), policy.element()).getName());
                upsert.setBoolean(2, policy.enabled());
                upsert.setString(3, policy.cycle());
                upsert.setDate(4, Date.valueOf(policy.anchorDate()));
                upsert.setTimestamp(5, Timestamp.from(now));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the cycle schedules", e);
        }
    }

    /** Forgets the schedule of a removed job, in the caller's transaction. */
    void delete(String jobName) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from cycle_schedule where job_name = ?")) {
            delete.setString(1, jobName);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the cycle schedule of " + jobName, e);
        }
    }

    /**
     * Refreshes PostgreSQL's planner statistics of the tables a sync fills: the cycle jobs, their
     * triggers and this table. Quartz looks each job and trigger up by its key through statements the
     * driver keeps prepared; a plan made while the tables were nearly empty (a first start) may scan a
     * whole group's index instead of the primary key, and stays in use until the statistics change,
     * which made each lookup slower as the tables grew (the first sync of 41,000 policies read 250
     * million index entries). Autocommit, outside the sync's transactions; only an optimisation, so a
     * refusal (a database user that does not own the tables) is logged and ignored.
     */
    void refreshStatistics() {
        try (Connection connection = dataSource.getConnection();
             Statement analyze = connection.createStatement()) {
            analyze.execute("analyze qrtz_job_details, qrtz_triggers, qrtz_simple_triggers, cycle_schedule");
        } catch (SQLException e) {
            LOG.debugf("Could not refresh the planner statistics of the Quartz tables: %s", e.getMessage());
        }
    }

    /** What makes two cadences the same for a sync: enabled, cycle and anchor as the API gives them. */
    static String fingerprint(boolean enabled, String cycle, String anchorDate) {
        return enabled + "|" + cycle + "|" + anchorDate;
    }

    static String fingerprint(ReviewPolicy policy) {
        return fingerprint(policy.enabled(), policy.cycle(), String.valueOf(policy.anchorDate()));
    }
}
