package org.waarom.api;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.waarom.embedded.DatabaseStartup;

/**
 * Entry point of the packaged vision-api: settles the database (external, or embedded when
 * {@code WAAROM_DATABASE_EMBEDDED=true}) before Quarkus, its datasource and Flyway start.
 */
@QuarkusMain
public final class VisionApiMain {

    public static final String SERVICE_NAME = "vision-api";

    private VisionApiMain() {
    }

    public static void main(String... args) {
        DatabaseStartup.run(SERVICE_NAME, exit -> Quarkus.run(null, exit, args));
    }
}
