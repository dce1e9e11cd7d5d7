package org.waarom.api;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.waarom.embedded.DatabaseStartup;
import org.waarom.embedded.EmbeddedDatabase;

import java.util.Optional;

/**
 * Entry point of the packaged vision-api: settles the database (external, or embedded when
 * {@code WAAROM_DATABASE_EMBEDDED=true}) before Quarkus, its datasource and Flyway start.
 */
@QuarkusMain
public final class VisionApiMain {

    public static final String SERVICE_NAME = "vision-api";

    private VisionApiMain() {
    }

    public static void main(String... args) throws Exception {
        Optional<EmbeddedDatabase> database;
        try {
            database = DatabaseStartup.prepare(SERVICE_NAME);
        } catch (DatabaseStartup.DatabaseNotConfiguredException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Quarkus.run(args);
        } finally {
            if (database.isPresent()) {
                database.get().close();
            }
        }
    }
}
