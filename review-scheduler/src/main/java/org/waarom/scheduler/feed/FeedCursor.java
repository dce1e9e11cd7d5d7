package org.waarom.scheduler.feed;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The scheduler's position in the vision-api's event feed, shared by all replicas (table
 * {@code feed_cursor}, one row), with what the health check and the metrics need to know about
 * reading it.
 */
@ApplicationScoped
public class FeedCursor {

    /** The row as stored. */
    public record Position(String cursor, Instant readAt, Instant caughtUpAt, Instant lastEventAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The stored row; its cursor is {@code null} before the first page and after a restart of the feed. */
    public Position read() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select cursor, read_at, caught_up_at, last_event_at from feed_cursor where id = 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return new Position(null, null, null, null);
            }
            return new Position(row.getString(1), instant(row, 2), instant(row, 3), instant(row, 4));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the feed cursor", e);
        }
    }

    /**
     * Moves the cursor past a page whose events have all been handled.
     *
     * @param lastEventAt {@code occurredAt} of the page's last event, {@code null} for an empty page
     * @param caughtUp    whether the page reached the end of the feed
     */
    void advance(String cursor, Instant now, Instant lastEventAt, boolean caughtUp) {
        update("update feed_cursor set cursor = ?, updated_at = ?, read_at = ?,"
                        + " caught_up_at = case when ? then ? else caught_up_at end,"
                        + " last_event_at = coalesce(?, last_event_at) where id = 1",
                statement -> {
                    statement.setString(1, cursor);
                    statement.setTimestamp(2, Timestamp.from(now));
                    statement.setTimestamp(3, Timestamp.from(now));
                    statement.setBoolean(4, caughtUp);
                    statement.setTimestamp(5, Timestamp.from(now));
                    statement.setTimestamp(6, lastEventAt == null ? null : Timestamp.from(lastEventAt));
                });
    }

    /** The feed answered (even if its events could not all be handled yet): the API is reachable. */
    void markRead(Instant now) {
        update("update feed_cursor set read_at = ? where id = 1",
                statement -> statement.setTimestamp(1, Timestamp.from(now)));
    }

    /** Forgets the position: the next read starts at the beginning of the feed. */
    void restartFromTheBeginning(Instant now) {
        update("update feed_cursor set cursor = null, updated_at = ? where id = 1",
                statement -> statement.setTimestamp(1, Timestamp.from(now)));
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the feed cursor", e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
