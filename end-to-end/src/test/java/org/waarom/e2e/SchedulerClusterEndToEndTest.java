package org.waarom.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.waarom.embedded.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review tasks with <b>two</b> packaged review-scheduler instances clustered on one PostgreSQL (as two
 * replicas run) against the packaged vision-api: over the cycle firings of several organisations and a
 * stream of reached goals, each review task is created exactly once; killing the instance at work
 * ({@code kill -9}) moves its work to the other, and its restart repeats nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerClusterEndToEndTest {

    private static final String ADMIN_KEY = "wrm_e2e-cluster-admin-key-0123456789abcdef";
    private static final int ORGANIZATIONS = 5;
    private static final LocalDate ANCHOR = LocalDate.of(2019, 3, 15);
    /** Long enough for a first sync and for the cluster to notice a killed instance (Quartz check-in, about 20 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Kept when a test fails: the services' logs are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    static EmbeddedDatabase schedulerDatabase;
    static RunningService api;
    static RunningService schedulerA;
    static RunningService schedulerB;
    static String serviceKey;

    /** Every goal reached so far ("organisation/id"): each must get its vision review exactly once. */
    static final List<String> reached = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        api = new RunningService("vision-api", work.resolve("api"), Map.of("WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY)).launch();
        schedulerDatabase = EmbeddedDatabase.start(work.resolve("scheduler-database"), EmbeddedDatabase.Mode.TEST);
        api.awaitReady();
        serviceKey = admin().contentType(ContentType.JSON).body(Map.of("name", "review-scheduler", "roles", List.of("service")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        for (int i = 1; i <= ORGANIZATIONS; i++) {
            String org = organization(i);
            admin().contentType(ContentType.JSON).body(Map.of("slug", org, "name", "Cluster " + i)).post("/api/v1/organizations").then().statusCode(201);
            // A yearly vision review anchored long ago: one cycle task each, for the latest missed due date.
            admin().contentType(ContentType.JSON).body(Map.of("enabled", true, "cycle", "P1Y", "anchorDate", ANCHOR.toString(), "onGoalReached", true,
                            "remindBefore", "P30D", "escalateAfter", "P14D", "assignees", List.of(Map.of("name", "An", "email", "an@" + org + ".be")),
                            "escalateTo", List.of()))
                    .put(path(org, "/review-policies/vision")).then().statusCode(200);
        }
        schedulerA = scheduler("scheduler-a").launch();
        schedulerB = scheduler("scheduler-b").launch();
        schedulerA.awaitReady();
        schedulerB.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {schedulerA, schedulerB, api, schedulerDatabase}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    @Order(1)
    void eachCycleFiringAndEachReachedGoalMakesExactlyOneTask() {
        reachGoals(6);
        patiently("cycle and goal tasks").untilAsserted(SchedulerClusterEndToEndTest::assertEachTaskOnce);
        // Both instances keep syncing and polling: still nothing twice.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(SchedulerClusterEndToEndTest::assertEachTaskOnce);
    }

    @Test
    @Order(2)
    void killingTheInstanceAtWorkMovesItsWorkToTheOtherAndItsRestartRepeatsNothing() throws Exception {
        RunningService busy = tasksCreatedBy(schedulerA) >= tasksCreatedBy(schedulerB) ? schedulerA : schedulerB;
        RunningService survivor = busy == schedulerA ? schedulerB : schedulerA;
        double bySurvivor = tasksCreatedBy(survivor);
        busy.kill();
        reachGoals(4);
        patiently("goals reached while one instance is down").untilAsserted(SchedulerClusterEndToEndTest::assertEachTaskOnce);
        assertThat(tasksCreatedBy(survivor)).as("tasks created by the survivor").isEqualTo(bySurvivor + 4);

        busy.launch();
        reachGoals(3);
        busy.awaitReady();
        reachGoals(3);
        patiently("goals reached around the restart").untilAsserted(SchedulerClusterEndToEndTest::assertEachTaskOnce);
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(SchedulerClusterEndToEndTest::assertEachTaskOnce);
    }

    /**
     * The whole record: each organisation has exactly one cycle task, for the latest due date, and one
     * vision review per goal it reached, and no source key appears twice.
     */
    private static void assertEachTaskOnce() {
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= ORGANIZATIONS; i++) {
            String org = organization(i);
            List<String> keys = admin().get(path(org, "/review-tasks?size=200")).then().statusCode(200).extract().jsonPath()
                    .getList("items.sourceKey", String.class);
            List<String> expected = new ArrayList<>(List.of("cycle:vision:" + latestDue()));
            reached.stream().filter(goal -> goal.startsWith(org + "/"))
                    .forEach(goal -> expected.add("goal:" + goal.substring(org.length() + 1) + ":vision"));
            assertThat(keys).as("review tasks of " + org).containsExactlyInAnyOrderElementsOf(expected);
            keys.forEach(key -> all.add(org + "/" + key));
        }
        assertThat(all).doesNotHaveDuplicates();
    }

    /** Reaches {@code count} new goals serving the vision, spread over the organisations. */
    private static void reachGoals(int count) {
        for (int n = 0; n < count; n++) {
            String org = organization(1 + reached.size() % ORGANIZATIONS);
            long goal = admin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", "Doel " + reached.size(), "serves", List.of("vision")))
                    .post(path(org, "/goals")).then().statusCode(201).extract().jsonPath().getLong("id");
            admin().contentType(ContentType.JSON).post(path(org, "/goals/" + goal + "/reach")).then().statusCode(200);
            reached.add(org + "/" + goal);
        }
    }

    /** {@code waarom_scheduler_tasks_created_total} of one instance (since it started), over every reason. */
    private static double tasksCreatedBy(RunningService scheduler) {
        String metrics = given().baseUri(scheduler.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("waarom_scheduler_tasks_created_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static LocalDate latestDue() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate due = ANCHOR;
        for (int k = 1; !ANCHOR.plusYears(k).isAfter(today); k++) {
            due = ANCHOR.plusYears(k);
        }
        return due;
    }

    private static RunningService scheduler(String instance) throws IOException {
        return new RunningService("review-scheduler", work.resolve(instance), Map.of(
                "WAAROM_API_URL", api.url(),
                "WAAROM_API_KEY", serviceKey,
                // Both instances on one database: one Quartz cluster, each firing and each feed poll on one of them.
                "QUARKUS_DATASOURCE_JDBC_URL", schedulerDatabase.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "WAAROM_EVENTS_POLL_INTERVAL", "PT1S",
                "WAAROM_POLICIES_SYNC_INTERVAL", "PT2S"));
    }

    private static ConditionFactory patiently(String what) {
        return await(what + " (service logs in " + work + ")").atMost(PATIENCE).pollInterval(Duration.ofMillis(500));
    }

    private static String organization(int i) {
        return "cluster-" + i;
    }

    private static String path(String org, String path) {
        return "/api/v1/organizations/" + org + path;
    }

    private static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }
}
