package org.waarom.e2e;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.waarom.embedded.EmbeddedDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL restarted under load. The packaged vision-api and review-scheduler run on one external
 * PostgreSQL server (the API in its database, the scheduler's Quartz store in another), while
 * clients keep creating drafts, adopting them, creating goals and reaching them. The server is
 * stopped (a fast shutdown: every session is terminated), the load goes on while it is down, and
 * it is started again on the same port and data directory.
 * <p>
 * What must hold: while the database is down every request that needs it is answered 503
 * problem+json (never a 500), and the services say they are not ready; afterwards both are ready
 * again and take writes <b>without being restarted</b>; nothing is half written: every version
 * has its content and its {@code element.version.created} event, every adopted one its
 * {@code element.version.adopted} event, every goal and review task its event, every reached goal
 * its review task (the scheduler read the feed on); and everything a client saw succeed is there.
 */
class DatabaseRestartEndToEndTest {

    private static final String ADMIN_KEY = "wrm_e2e-restart-admin-key-0123456789abcdef";
    private static final int CLIENTS = 3;
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    /** Kept when a test fails: the services' logs are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    static EmbeddedDatabase database;
    static RunningService api;
    static RunningService scheduler;

    @BeforeAll
    static void startServices() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("database"), EmbeddedDatabase.Mode.TEST);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database scheduler");
        }
        api = new RunningService("vision-api", work.resolve("api"), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY)).start();
        String serviceKey = admin().contentType(ContentType.JSON).body(Map.of("name", "review-scheduler", "roles", List.of("service")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        scheduler = new RunningService("review-scheduler", work.resolve("scheduler"), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE_NAME, "/scheduler"),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "WAAROM_API_URL", api.url(),
                "WAAROM_API_KEY", serviceKey,
                "WAAROM_EVENTS_POLL_INTERVAL", "PT0.5S")).launch();
        for (int client = 0; client < CLIENTS; client++) {
            String org = organization(client);
            admin().contentType(ContentType.JSON)
                    .body(Map.of("slug", org, "name", "Zorg " + client, "defaultLanguage", "nl", "languages", List.of("nl")))
                    .post("/api/v1/organizations").then().statusCode(201);
            // A reached goal that serves the vision asks the scheduler for a review of it.
            admin().contentType(ContentType.JSON)
                    .body(Map.of("enabled", true, "cycle", "P1Y", "onGoalReached", true, "remindBefore", "P30D", "escalateAfter", "P14D",
                            "assignees", List.of(Map.of("name", "An", "email", "an@" + org + ".be")), "escalateTo", List.of()))
                    .put("/api/v1/organizations/" + org + "/review-policies/vision").then().statusCode(200);
        }
        scheduler.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {scheduler, api, database}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void bothServicesRecoverByThemselvesAndNothingIsHalfWritten() throws Exception {
        awaitReady(api);
        awaitReady(scheduler);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new Client(organization(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        try {
            clients.forEach(client -> running.add(pool.submit(client)));
            await("load before the restart").atMost(Duration.ofSeconds(60))
                    .until(() -> noUnexpectedAnswers() && clients.stream().allMatch(client -> client.adopted.size() >= 2 && client.reached.size() >= 1));

            int port = database.port();
            phase("stopping PostgreSQL");
            database.close();
            phase("PostgreSQL stopped");
            int unavailableBefore = Client.UNAVAILABLE.get();
            // The load goes on while PostgreSQL is down: the answers are 503s, and neither service says it is ready.
            await("503s while the database is down").atMost(Duration.ofSeconds(30))
                    .until(() -> noUnexpectedAnswers() && Client.UNAVAILABLE.get() >= unavailableBefore + 2 * CLIENTS);
            assertThat(readiness(api)).isEqualTo(503);
            assertThat(readiness(scheduler)).isEqualTo(503);

            phase("starting PostgreSQL again");
            database = EmbeddedDatabase.start(work.resolve("database"), EmbeddedDatabase.Mode.TEST, port);
            int successesAtRestart = Client.SUCCESSES.get();
            await("both services ready again, without a restart of their own").atMost(RECOVERY).pollInterval(Duration.ofMillis(250))
                    .until(() -> readiness(api) == 200 && readiness(scheduler) == 200);
            await("writes succeed again").atMost(RECOVERY)
                    .until(() -> noUnexpectedAnswers() && Client.SUCCESSES.get() >= successesAtRestart + 4 * CLIENTS);
        } finally {
            phase("stopping the load");
            Client.STOP.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("the clients stopped (each request has a timeout)").isTrue();
            System.out.printf("Load: %d successes, %d answered 503, failures by status %s%n",
                    Client.SUCCESSES.get(), Client.UNAVAILABLE.get(), Client.FAILURES);
        }
        for (Future<?> client : running) {
            client.get(); // a client that threw fails the test here
        }

        assertThat(Client.UNEXPECTED).as("answers other than success, 503 problem+json or a recoverable conflict").isEmpty();
        for (Client client : clients) {
            phase("checking " + client.org);
            // Read as one whole each time: the feed serves an event once every older transaction has ended (the
            // scheduler may still be creating the last review tasks), so the state is awaited, then must be whole.
            await(client.org + ": nothing half written, every reached goal reviewed").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                    .conditionEvaluationListener(condition -> {
                        if (!condition.isSatisfied() && condition.getElapsedTimeInMS() >= 5_000 && condition.getElapsedTimeInMS() % 5_000 < 1_000) {
                            phase("still waiting: " + condition.getDescription() + "; transactions holding the feed: " + openTransactions());
                        }
                    })
                    .untilAsserted(() -> assertNothingHalfWritten(client));
        }
    }

    /**
     * The writing transactions open on the server (any database): the event feed serves an event only once every
     * transaction that began writing before it has ended, so one left open holds the feed back.
     */
    private static List<String> openTransactions() {
        List<String> open = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select datname, pid, state, backend_xid, xact_start, left(query, 200)"
                     + " from pg_stat_activity where backend_xid is not null and pid <> pg_backend_pid()")) {
            while (rows.next()) {
                open.add(String.join(" | ", rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6)));
            }
        } catch (java.sql.SQLException e) {
            open.add("(not readable: " + e.getMessage() + ")");
        }
        return open;
    }

    /** When each phase began, to read the services' logs (kept when the test fails) against. */
    private static void phase(String what) {
        System.out.printf("%s DatabaseRestartEndToEndTest: %s%n", java.time.Instant.now(), what);
    }

    /** Stops a wait at the first answer that should not have come, rather than letting it time out. */
    private static boolean noUnexpectedAnswers() {
        assertThat(Client.UNEXPECTED).as("answers other than success, 503 problem+json or a recoverable conflict").isEmpty();
        return true;
    }

    /** Every version, goal and task is whole and has its event; everything the client saw succeed is there. */
    private static void assertNothingHalfWritten(Client client) {
        String base = "/api/v1/organizations/" + client.org;
        List<Map<String, Object>> events = all(base + "/events", true);
        Set<Integer> createdEvents = versionsIn(events, "element.version.created");
        Set<Integer> adoptedEvents = versionsIn(events, "element.version.adopted");

        List<Map<String, Object>> versions = all(base + "/elements/mission/versions", false);
        Set<Integer> existing = new HashSet<>();
        for (Map<String, Object> listed : versions) {
            int number = ((Number) listed.get("version")).intValue();
            existing.add(number);
            JsonPath version = admin().get(base + "/elements/mission/versions/" + number).then().statusCode(200).extract().jsonPath();
            assertThat(version.getString("content.statement")).as("%s mission %d content", client.org, number).startsWith("Missie ");
            assertThat(createdEvents).as("%s: element.version.created of version %d", client.org, number).contains(number);
            String status = version.getString("status");
            if (status.equals("ADOPTED") || status.equals("SUPERSEDED")) {
                assertThat(adoptedEvents).as("%s: element.version.adopted of version %d", client.org, number).contains(number);
            } else {
                assertThat(adoptedEvents).as("%s: version %d (%s) has no adoption event", client.org, number, status).doesNotContain(number);
            }
        }
        // No event names a version that is not there.
        assertThat(existing).containsAll(createdEvents).containsAll(adoptedEvents);
        assertThat(existing).as("%s: every draft a client saw created", client.org).containsAll(client.created);
        assertThat(adoptedEvents).as("%s: every adoption a client saw succeed", client.org).containsAll(client.adopted);

        Set<Long> goalCreatedEvents = idsIn(events, "goal.created", "goalId");
        Set<Long> goalReachedEvents = idsIn(events, "goal.reached", "goalId");
        Set<Long> goals = new HashSet<>();
        Set<Long> reachedGoals = new HashSet<>();
        for (Map<String, Object> goal : all(base + "/goals", false)) {
            long id = ((Number) goal.get("id")).longValue();
            goals.add(id);
            if ("REACHED".equals(goal.get("status"))) {
                reachedGoals.add(id);
            }
        }
        assertThat(goalCreatedEvents).as("%s: goal.created of every goal, and of no other", client.org).isEqualTo(goals);
        assertThat(goalReachedEvents).as("%s: goal.reached of every reached goal, and of no other", client.org).isEqualTo(reachedGoals);
        assertThat(goals).as("%s: every goal a client saw created", client.org).containsAll(client.goals);
        assertThat(reachedGoals).as("%s: every goal a client saw reached", client.org).containsAll(client.reached);

        // The scheduler read on through the outage: each reached goal got its review, each task has its event.
        List<Map<String, Object>> tasks = all(base + "/review-tasks", false);
        Set<String> sourceKeys = new HashSet<>();
        tasks.forEach(task -> sourceKeys.add((String) task.get("sourceKey")));
        for (long goal : reachedGoals) {
            assertThat(sourceKeys).as("%s: review tasks", client.org).contains("goal:" + goal + ":vision");
        }
        Set<Long> taskIds = new HashSet<>();
        tasks.forEach(task -> taskIds.add(((Number) task.get("id")).longValue()));
        assertThat(idsIn(events, "review-task.created", "id")).as("%s: review-task.created of every task, and of no other", client.org)
                .isEqualTo(taskIds);
    }

    /**
     * One client of one organisation: drafts a new mission and adopts it, and now and then creates a
     * goal and reaches it, in a loop until told to stop. It remembers what it saw succeed. An answer
     * it could not know the outcome of (a 503 while a commit was under way) may leave a draft it did
     * not see created or a version already adopted; it finds out by reading, as a real client would.
     */
    static final class Client implements Runnable {

        static final AtomicBoolean STOP = new AtomicBoolean();
        static final AtomicInteger SUCCESSES = new AtomicInteger();
        static final AtomicInteger UNAVAILABLE = new AtomicInteger();
        static final List<String> UNEXPECTED = new CopyOnWriteArrayList<>();
        /** Failed answers by status, for the log of a run. */
        static final Map<Integer, Integer> FAILURES = new ConcurrentHashMap<>();

        final String org;
        final Set<Integer> created = ConcurrentHashMap.newKeySet();
        final Set<Integer> adopted = ConcurrentHashMap.newKeySet();
        final Set<Long> goals = ConcurrentHashMap.newKeySet();
        final Set<Long> reached = ConcurrentHashMap.newKeySet();
        private Integer openDraft;
        private Long openGoal;
        private int round;

        Client(String org) {
            this.org = org;
        }

        @Override
        public void run() {
            while (!STOP.get()) {
                round++;
                try {
                    if (openGoal != null) {
                        reachGoal();
                    } else if (round % 3 == 0) {
                        createGoal();
                    } else if (openDraft == null) {
                        createDraft();
                    } else {
                        adoptDraft();
                    }
                } catch (NoAnswer recorded) {
                    // Kept in UNEXPECTED; the client goes on as a real one would.
                }
            }
        }

        private void createDraft() {
            Response answer = call(() -> client().contentType(ContentType.JSON)
                    .body(Map.of("content", Map.of("statement", "Missie " + org + " ronde " + round), "changeReason", "Ronde " + round))
                    .post(versions()), 409);
            if (answer.statusCode() == 201) {
                openDraft = answer.path("version");
                created.add(openDraft);
            } else if (answer.statusCode() == 409) {
                // An earlier attempt committed although its answer was lost: adopt that draft.
                openDraft = findOpenDraft();
            }
        }

        private void adoptDraft() {
            Response read = call(() -> client().get(versions() + "/" + openDraft));
            if (read.statusCode() != 200) {
                return;
            }
            if (!"DRAFT".equals(read.path("status"))) {
                openDraft = null; // adopted by an attempt whose answer was lost
                return;
            }
            String etag = read.header("ETag");
            int version = openDraft;
            Response answer = call(() -> client().header("If-Match", etag).contentType(ContentType.JSON).post(versions() + "/" + version + "/adopt"), 409, 412);
            if (answer.statusCode() == 200) {
                adopted.add(version);
                openDraft = null;
            }
        }

        private void createGoal() {
            Response answer = call(() -> client().contentType(ContentType.JSON)
                    .body(Map.of("kind", "STRATEGIC", "title", "Doel " + round, "serves", List.of("vision"), "targetDate", "2030-12-31"))
                    .post("/api/v1/organizations/" + org + "/goals"));
            if (answer.statusCode() == 201) {
                openGoal = ((Number) answer.path("id")).longValue();
                goals.add(openGoal);
            }
        }

        private void reachGoal() {
            long goal = openGoal;
            Response answer = call(() -> client().contentType(ContentType.JSON).post("/api/v1/organizations/" + org + "/goals/" + goal + "/reach"), 409);
            if (answer.statusCode() == 200) {
                reached.add(goal);
                openGoal = null;
            } else if (answer.statusCode() == 409) {
                openGoal = null; // reached by an attempt whose answer was lost
            }
        }

        private Integer findOpenDraft() {
            Response history = call(() -> client().queryParam("size", 200).get(versions()));
            if (history.statusCode() != 200) {
                return null;
            }
            List<Map<String, Object>> items = history.path("items");
            return items.stream().filter(item -> "DRAFT".equals(item.get("status")))
                    .map(item -> ((Number) item.get("version")).intValue()).findFirst().orElse(null);
        }

        private String versions() {
            return "/api/v1/organizations/" + org + "/elements/mission/versions";
        }

        /**
         * Sends one request (with {@link #CLIENT} timeouts); counts what came back and keeps any answer that is neither
         * success, 503 problem+json nor allowed, and any request that got no answer at all.
         */
        private static Response call(java.util.function.Supplier<Response> request, int... allowed) {
            Response answer;
            try {
                answer = request.get();
            } catch (RuntimeException noAnswer) {
                UNEXPECTED.add(java.time.Instant.now() + " no answer: " + noAnswer);
                throw new NoAnswer();
            }
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                SUCCESSES.incrementAndGet();
            } else if (status == 503 && answer.contentType().startsWith("application/problem+json") && answer.header("Retry-After") != null) {
                UNAVAILABLE.incrementAndGet();
            } else if (java.util.Arrays.stream(allowed).noneMatch(code -> code == status)) {
                UNEXPECTED.add(status + " " + answer.contentType() + " " + answer.asString());
            }
            if (status >= 400) {
                FAILURES.merge(status, 1, Integer::sum);
            }
            return answer;
        }

        /** A request that got no answer (refused, reset or timed out); already recorded. */
        static final class NoAnswer extends RuntimeException {
            NoAnswer() {
                super(null, null, false, false);
            }
        }
    }

    /** Every item of a paginated list, or of an event feed followed to its end. */
    private static List<Map<String, Object>> all(String path, boolean feed) {
        List<Map<String, Object>> items = new ArrayList<>();
        String after = null;
        for (int page = 0; ; page++) {
            RequestSpecification request = admin();
            if (feed) {
                if (after != null) {
                    request.queryParam("after", after);
                }
            } else {
                request.queryParam("page", page).queryParam("size", 200);
            }
            JsonPath body = request.get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> batch = body.getList("items");
            items.addAll(batch);
            if (feed) {
                after = body.getString("next");
                if (batch.isEmpty()) {
                    return items;
                }
            } else if (items.size() >= body.getInt("total")) {
                return items;
            }
        }
    }

    private static Set<Integer> versionsIn(List<Map<String, Object>> events, String type) {
        Set<Integer> versions = new HashSet<>();
        for (Map<String, Object> event : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) event.get("data");
            if (type.equals(event.get("type")) && "mission".equals(data.get("element"))) {
                versions.add(((Number) data.get("version")).intValue());
            }
        }
        return versions;
    }

    private static Set<Long> idsIn(List<Map<String, Object>> events, String type, String member) {
        Set<Long> ids = new HashSet<>();
        for (Map<String, Object> event : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) event.get("data");
            if (type.equals(event.get("type"))) {
                ids.add(((Number) data.get(member)).longValue());
            }
        }
        return ids;
    }

    private static void awaitReady(RunningService service) {
        await(service.url() + " ready").atMost(RECOVERY).pollInterval(Duration.ofMillis(250)).until(() -> readiness(service) == 200);
    }

    private static int readiness(RunningService service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String organization(int client) {
        return "zorg-herstart-" + client;
    }

    /**
     * A load client's request: never waits forever (RestAssured's default), so that a request the API does not
     * answer shows up as such instead of as clients that do not stop.
     */
    private static RequestSpecification client() {
        return admin().config(CLIENT);
    }

    private static final RestAssuredConfig CLIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 30_000));

    private static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }
}
