package org.waarom.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Decides, before Quarkus starts, where a service's database is: an external PostgreSQL named by
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, or an embedded one when {@code WAAROM_DATABASE_EMBEDDED=true}.
 * With neither the service refuses to start: production must never run on an embedded database
 * by accident, and never silently on nothing.
 */
public final class DatabaseStartup {

    public static final String EMBEDDED_VARIABLE = "WAAROM_DATABASE_EMBEDDED";
    public static final String DATA_DIR_VARIABLE = "WAAROM_DATA_DIR";
    public static final String JDBC_URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";

    /** How long the embedded server waits, on a signal, for the service to finish stopping. */
    private static final long SERVICE_STOP_WAIT_SECONDS = 60;

    private DatabaseStartup() {
    }

    /** A service's main loop, e.g. {@code exit -> Quarkus.run(null, exit, args)}. */
    @FunctionalInterface
    public interface Service {
        /** Runs until the service stops, then reports its exit code to {@code exitHandler} instead of exiting the JVM. */
        void run(BiConsumer<Integer, Throwable> exitHandler);
    }

    /**
     * Runs a service on its database. Without a database configured it prints why and exits with
     * status 2. The service reports its exit code rather than calling {@code System.exit} itself
     * (which, during a Ctrl-C or SIGTERM, would block for good); so the embedded server always
     * stops after the service has, and work in flight never meets a closed database.
     */
    public static void run(String serviceName, Service service) {
        Optional<EmbeddedDatabase> database;
        try {
            database = prepare(serviceName);
        } catch (DatabaseNotConfiguredException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("ERROR: The embedded PostgreSQL of " + serviceName + " could not start: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            System.exit(1);
            return;
        }
        CountDownLatch serviceStopped = new CountDownLatch(1);
        database.ifPresent(embedded -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                serviceStopped.await(SERVICE_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            embedded.closeQuietly();
        }, "embedded-postgres-stop")));
        AtomicInteger exitCode = new AtomicInteger();
        try {
            service.run((code, failure) -> exitCode.set(code == null ? 1 : code));
        } finally {
            serviceStopped.countDown();
            database.ifPresent(EmbeddedDatabase::closeQuietly);
        }
        if (!jvmIsStopping()) {
            // The service stopped by itself (start-up failure, Quarkus.asyncExit): end the JVM with its code.
            System.exit(exitCode.get());
        }
    }

    private static boolean jvmIsStopping() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * Starts the embedded server when asked to and points the Quarkus datasource at it through
     * system properties (which Quarkus reads before its environment and application.properties).
     *
     * @return the running embedded server, or empty when an external database is configured
     * @throws DatabaseNotConfiguredException when neither option is set
     */
    public static Optional<EmbeddedDatabase> prepare(String serviceName) throws IOException {
        if (embeddedRequested()) {
            EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory(serviceName).resolve("postgres"), EmbeddedDatabase.Mode.SERVICE);
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);
            System.setProperty("quarkus.datasource.password", "");
            return Optional.of(database);
        }
        if (setting("quarkus.datasource.jdbc.url", JDBC_URL_VARIABLE).filter(url -> !url.isBlank()).isEmpty()) {
            throw new DatabaseNotConfiguredException(serviceName);
        }
        return Optional.empty();
    }

    /** {@code WAAROM_DATA_DIR}, or {@code ./data/<service>}. */
    public static Path dataDirectory(String serviceName) {
        return setting("waarom.data-dir", DATA_DIR_VARIABLE)
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .orElse(Path.of("data", serviceName));
    }

    static boolean embeddedRequested() {
        return setting("waarom.database.embedded", EMBEDDED_VARIABLE).map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
    }

    private static Optional<String> setting(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(variable)));
    }

    /** Neither an external nor an embedded database was configured. */
    public static final class DatabaseNotConfiguredException extends IllegalStateException {
        DatabaseNotConfiguredException(String serviceName) {
            super("No database configured for " + serviceName + ". Either set " + JDBC_URL_VARIABLE
                    + " (with QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD) to use an external PostgreSQL,"
                    + " or set " + EMBEDDED_VARIABLE + "=true to start an embedded PostgreSQL with its data under "
                    + DATA_DIR_VARIABLE + " (default ./data/" + serviceName + "). Waarom never falls back to an embedded database by itself.");
        }
    }
}
