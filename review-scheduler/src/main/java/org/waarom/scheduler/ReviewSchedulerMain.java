package org.waarom.scheduler;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.waarom.embedded.DatabaseStartup;

/**
 * Entry point of the packaged review-scheduler: settles the database (external, or embedded when
 * {@code WAAROM_DATABASE_EMBEDDED=true}) before Quarkus, its datasource, Flyway and the Quartz
 * job store start.
 */
@QuarkusMain
public final class ReviewSchedulerMain {

    public static final String SERVICE_NAME = "review-scheduler";

    private ReviewSchedulerMain() {
    }

    public static void main(String... args) {
        DatabaseStartup.run(SERVICE_NAME, exit -> Quarkus.run(null, exit, args));
    }
}
