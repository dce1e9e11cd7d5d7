package org.waarom.scheduler.policy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.waarom.scheduler.api.ReviewPolicy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** What makes two cadences the same for a sync: enabled, cycle and anchor as the API gives them. */
    static String fingerprint(boolean enabled, String cycle, String anchorDate) {
        return enabled + "|" + cycle + "|" + anchorDate;
    }

    static String fingerprint(ReviewPolicy policy) {
        return fingerprint(policy.enabled(), policy.cycle(), String.valueOf(policy.anchorDate()));
    }
}
