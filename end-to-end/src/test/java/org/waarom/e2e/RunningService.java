package org.waarom.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One packaged service ({@code <service>/target/quarkus-app/quarkus-run.jar}) started as its own
 * process on a free port, with its own embedded PostgreSQL under a data directory of the test, or,
 * when {@code environment} names {@code QUARKUS_DATASOURCE_JDBC_URL}, on that database (so that
 * several instances of a service can share one, as replicas do). Its output goes to
 * {@code <data directory>.log}, beside the data directory.
 */
final class RunningService implements AutoCloseable {

    private final String name;
    private final Path dataDirectory;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    RunningService(String name, Path dataDirectory, Map<String, String> environment) throws IOException {
        this.name = name;
        this.dataDirectory = dataDirectory;
        this.environment = environment;
        this.port = freePort();
        // Named after the data directory, not the service: two instances of one service each have their own.
        this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    /** Starts the service and waits until it is ready; after {@link #kill()}, starts it again on the same port. */
    RunningService start() throws IOException {
        return launch().awaitReady();
    }

    /**
     * Starts the process without waiting for it, so that a test can do other work (or start
     * another service) while it boots; {@link #awaitReady()} then waits for it.
     */
    RunningService launch() throws IOException {
        Path jar = Path.of(System.getProperty("waarom.root", ".."), name, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (./mvnw verify), which packages both services first");
        }
        // Only the client compiler (C1): a service of a test lives for a minute or two, in which the optimising compiler
        // (C2) would spend about as much CPU as the service itself (a start costs half the CPU without it). The code that
        // runs, and so what the tests prove, is the same.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (!environment.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
            builder.environment().put("WAAROM_DATABASE_EMBEDDED", "true");
        }
        builder.environment().put("WAAROM_DATA_DIR", dataDirectory.toString());
        if (name.equals("review-scheduler")) {
            // A missed firing (a review already overdue when its policy is synced, a firing missed while an instance was
            // down) is handled within a second, as in the scheduler's own tests, not after the minute of production:
            // what the tests check is that it fires once, not how long Quartz lets it be late first.
            builder.environment().put("QUARKUS_QUARTZ_MISFIRE_THRESHOLD", "PT1S");
        }
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** Waits until the launched service answers its liveness check. */
    RunningService awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        await(name + " ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return client.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Like a crash or an OOM kill: no shutdown at all (its PostgreSQL keeps running, as after a real kill -9). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
