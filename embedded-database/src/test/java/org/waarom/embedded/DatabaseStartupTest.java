package org.waarom.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Without an external database and without embedded mode switched on, a service refuses to start. */
class DatabaseStartupTest {

    @Test
    void neitherOptionSetIsRefusedWithAMessageNamingBoth() {
        assumeTrue(System.getenv(DatabaseStartup.JDBC_URL_VARIABLE) == null && System.getenv(DatabaseStartup.EMBEDDED_VARIABLE) == null,
                "the machine's environment configures a database");
        assertThatThrownBy(() -> DatabaseStartup.prepare("vision-api"))
                .isInstanceOf(DatabaseStartup.DatabaseNotConfiguredException.class)
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL")
                .hasMessageContaining("WAAROM_DATABASE_EMBEDDED=true")
                .hasMessageContaining("never falls back");
    }

    @Test
    void anExternalDatabaseIsUsedAsConfigured() throws Exception {
        assumeTrue(System.getenv(DatabaseStartup.EMBEDDED_VARIABLE) == null, "the machine's environment asks for embedded mode");
        System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.org/waarom");
        try {
            assertThat(DatabaseStartup.prepare("vision-api")).isEmpty();
        } finally {
            System.clearProperty("quarkus.datasource.jdbc.url");
        }
    }

    @Test
    void theDataDirectoryDefaultsToDataSlashService() {
        assumeTrue(System.getenv(DatabaseStartup.DATA_DIR_VARIABLE) == null, "the machine's environment sets WAAROM_DATA_DIR");
        assertThat(DatabaseStartup.dataDirectory("review-scheduler")).isEqualTo(java.nio.file.Path.of("data", "review-scheduler"));
    }
}
