package org.waarom.api.common.config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waarom.api.common.config.EditedMigrationComments.Edit;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database migrated before the comments of V10 and V13 were corrected starts as before: Flyway's validation accepts
 * exactly those earlier checksums (and records the current ones), and still refuses any other difference.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class EditedMigrationCommentsTest {

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void recordCurrentChecksums() throws SQLException {
        for (Edit edit : EditedMigrationComments.EDITS) {
            setChecksum(edit.version(), edit.after());
        }
    }

    @Test
    void theCurrentChecksumsAreWhatFlywayComputesFromTheFiles() throws SQLException {
        for (Edit edit : EditedMigrationComments.EDITS) {
            assertThat(checksum(edit.version())).as("V" + edit.version()).isEqualTo(edit.after());
        }
    }

    @Test
    void aDatabaseMigratedBeforeTheCorrectionMigratesAndValidates() throws SQLException {
        for (Edit edit : EditedMigrationComments.EDITS) {
            setChecksum(edit.version(), edit.before());
        }

        flyway.migrate(); // validates first, as at start

        for (Edit edit : EditedMigrationComments.EDITS) {
            assertThat(checksum(edit.version())).as("V" + edit.version()).isEqualTo(edit.after());
        }
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void anyOtherDifferenceStillFailsValidation() throws SQLException {
        setChecksum("13", 12345);

        assertThatThrownBy(flyway::validate).isInstanceOf(FlywayValidateException.class).hasMessageContaining("13");
        assertThat(checksum("13")).isEqualTo(12345);
    }

    private int checksum(String version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select checksum from flyway_schema_history where version = ?")) {
            select.setString(1, version);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).as("V" + version + " is applied").isTrue();
                return result.getInt(1);
            }
        }
    }

    private void setChecksum(String version, int checksum) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update flyway_schema_history set checksum = ? where version = ?")) {
            update.setInt(1, checksum);
            update.setString(2, version);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
