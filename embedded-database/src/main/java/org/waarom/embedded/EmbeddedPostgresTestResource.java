package org.waarom.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives a {@code @QuarkusTest} run a real PostgreSQL: one embedded server per test JVM on a
 * throw-away directory, the same mechanism as the local run. Never H2, never Docker.
 */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (database == null) {
                Path directory = Files.createTempDirectory("waarom-test-pg");
                database = EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.TEST);
                EmbeddedDatabase started = database;
                // The cluster (about 50 MB) goes with the JVM: stopped first (stopping twice is harmless), then deleted.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.closeQuietly();
                    deleteQuietly(directory);
                }, "waarom-test-pg-cleanup"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", "");
    }

    private static void deleteQuietly(Path directory) {
        // zonky's own shutdown hook may be the one stopping the server: wait until it has (its pid file goes last).
        for (int i = 0; i < 100 && Files.exists(directory.resolve("postmaster.pid")); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left behind in the temporary directory: nothing depends on it.
        }
    }

    /** The running server, for tests that need a second service on the same database. */
    public static synchronized EmbeddedDatabase database() {
        return database;
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM (its own shutdown hook stops it): several Quarkus test applications may share it.
    }
}
