package org.waarom.scheduler.policy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * When the policies were last synced in full without error, by any replica (table
 * {@code policy_sync}, one row): for the metric, and for operators.
 */
@ApplicationScoped
public class PolicySyncLog {

    @Inject
    AgroalDataSource dataSource;

    void recordSuccess(Instant at, int policies, int cycleTriggers) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update policy_sync set synced_at = ?, policies = ?, cycle_triggers = ? where id = 1")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setInt(2, policies);
            update.setInt(3, cycleTriggers);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the policy sync", e);
        }
    }

    /** When the last complete sync finished; empty before the first. */
    public Optional<Instant> lastSuccess() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select synced_at from policy_sync where id = 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the policy sync time", e);
        }
    }
}
