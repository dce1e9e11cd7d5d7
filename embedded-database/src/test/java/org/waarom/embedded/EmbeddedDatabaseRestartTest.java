package org.waarom.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local run's promises about its data directory: data survives a restart, a {@code kill -9}
 * of the service leaves a running postmaster that the next start deals with, and a second process
 * on a directory in use is refused with a clear message.
 */
class EmbeddedDatabaseRestartTest {

    /** A service stand-in: starts the server in SERVICE mode, writes a row, says READY, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), EmbeddedDatabase.Mode.SERVICE);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists kept (value text)");
            statement.execute("insert into kept values ('" + args[1] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        // Runs until the test kills it, like a service does.
        new java.util.concurrent.CountDownLatch(1).await();
    }

    @Test
    void restartAfterKillNineStopsTheLeftOverServerAndKeepsTheData(@TempDir Path directory) throws Exception {
        Process service = startServiceStandIn(directory, "before-the-crash");
        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        long leftOverPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(leftOverPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.SERVICE)) {
            assertThat(ProcessHandle.of(leftOverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(values(restarted)).containsExactly("before-the-crash");
        }
    }

    @Test
    void dataSurvivesACleanRestart(@TempDir Path directory) throws Exception {
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.SERVICE);
             Connection connection = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('kept')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.SERVICE)) {
            assertThat(values(second)).containsExactly("kept");
        }
    }

    @Test
    void aServerStartedAgainOnItsPortHasTheSameAddressAndData(@TempDir Path directory) throws Exception {
        String url;
        int port;
        try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.TEST);
             Connection connection = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('same place')");
            url = first.jdbcUrl();
            port = first.port();
        }
        // What a restarted PostgreSQL is to the services connected to it: the URL they hold works again.
        try (EmbeddedDatabase again = EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.TEST, port)) {
            assertThat(again.jdbcUrl()).isEqualTo(url);
            assertThat(values(again)).containsExactly("same place");
        }
    }

    @Test
    void aDirectoryInUseByAnotherProcessIsRefusedClearly(@TempDir Path directory) throws Exception {
        Process service = startServiceStandIn(directory, "in-use");
        try {
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.SERVICE))
                    .hasMessageContaining("Another running process uses the embedded database in");
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
            // The stand-in's server is left over now, as after a crash; the next start cleans up.
            EmbeddedDatabase.start(directory, EmbeddedDatabase.Mode.SERVICE).close();
        }
    }

    private static Process startServiceStandIn(Path directory, String value) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseRestartTest.class.getName(), directory.toString(), value))
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.equals("READY")) {
                return process;
            }
        }
        throw new AssertionError("The stand-in service exited before its database was ready (exit " + process.waitFor() + ")");
    }

    private static List<String> values(EmbeddedDatabase database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select value from kept")) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
