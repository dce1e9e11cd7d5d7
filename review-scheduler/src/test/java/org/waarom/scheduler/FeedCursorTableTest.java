package org.waarom.scheduler;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed cursor is one row for the whole cluster: the replicas share one position in the feed. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class FeedCursorTableTest {

    /** PostgreSQL's SQLSTATE for a violated check constraint. */
    private static final String CHECK_VIOLATION = "23514";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void holdsTheOneCursorRow() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // The row exists from the migration on; the consumer only ever updates it.
                assertThat(statement.executeUpdate("update feed_cursor set cursor = 'evt_42', updated_at = now() where id = 1"))
                        .isEqualTo(1);
                try (var rows = statement.executeQuery("select cursor from feed_cursor where id = 1")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("evt_42");
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void refusesASecondRow() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                assertThatThrownBy(() -> statement.executeUpdate("insert into feed_cursor (id, cursor) values (2, 'evt_1')"))
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
            } finally {
                connection.rollback();
            }
        }
    }
}
