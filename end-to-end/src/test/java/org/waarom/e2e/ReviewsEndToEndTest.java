package org.waarom.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both real services against each other, each on its own embedded PostgreSQL: the scheduler
 * reads policies and events from the API and creates review tasks through it, exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewsEndToEndTest {

    private static final String ADMIN_KEY = "wrm_e2e-platform-admin-key-0123456789abcdef";
    private static final String ORG = "zorg-e2e";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    static RunningService api;
    static RunningService scheduler;
    static String serviceKey;

    @BeforeAll
    static void startBothServices() throws Exception {
        api = new RunningService("vision-api", work.resolve("api"), Map.of("WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY)).start();
        serviceKey = admin().contentType(ContentType.JSON).body(Map.of("name", "review-scheduler", "roles", List.of("service")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");

        admin().contentType(ContentType.JSON).body(Map.of("slug", ORG, "name", "Zorg E2E")).post("/api/v1/organizations").then().statusCode(201);
        // A vision adopted long ago with a yearly cycle: the scheduler's first start is long after the anchor.
        String etag = admin().contentType(ContentType.JSON).body(Map.of("content", Map.of("statement", "Iedereen telt mee.")))
                .post(org("/elements/vision/versions")).then().statusCode(201).extract().header("ETag");
        admin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2019-03-15T00:00:00Z"))
                .post(org("/elements/vision/versions/1/adopt")).then().statusCode(200);
        admin().contentType(ContentType.JSON).body(Map.of("enabled", true, "cycle", "P1Y", "anchorDate", "2019-03-15", "onGoalReached", true,
                        "remindBefore", "P30D", "escalateAfter", "P14D", "assignees", List.of(Map.of("name", "An", "email", "an@zorg-e2e.be")),
                        "escalateTo", List.of()))
                .put(org("/review-policies/vision")).then().statusCode(200);

        scheduler = startScheduler();
    }

    @AfterAll
    static void stopBothServices() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Order(1)
    void anOverdueCyclePolicyGetsExactlyOneTaskForTheLatestDueDate() {
        String latestDue = latestDue(LocalDate.of(2019, 3, 15), Period.ofYears(1)).toString();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(tasks("reason=CYCLE").getList("items.sourceKey", String.class)).containsExactly("cycle:vision:" + latestDue));
    }

    @Test
    @Order(2)
    void aReachedGoalAsksForReviewsOfWhatItServes() {
        long goal = admin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", "Inclusief wonen", "serves", List.of("vision", "strategy")))
                .post(org("/goals")).then().statusCode(201).extract().jsonPath().getLong("id");
        admin().contentType(ContentType.JSON).post(org("/goals/" + goal + "/reach")).then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tasks("reason=GOAL_REACHED").getList("items.sourceKey", String.class))
                .containsExactlyInAnyOrder("goal:" + goal + ":vision", "goal:" + goal + ":strategy"));
    }

    @Test
    @Order(3)
    void aNewVisionAsksForAStrategyReview() {
        String etag = admin().contentType(ContentType.JSON).body(Map.of("content", Map.of("statement", "Iedereen telt mee, overal.")))
                .post(org("/elements/vision/versions")).then().statusCode(201).extract().header("ETag");
        admin().header("If-Match", etag).contentType(ContentType.JSON).post(org("/elements/vision/versions/2/adopt")).then().statusCode(200);
        // The first vision (adopted before the scheduler started) asked for one too: the strategy follows every new vision.
        // The new vision's review replaces it: one open strategy review per kind of cause, the old one cancelled saying why.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tasks("reason=VISION_CHANGED").getList("items.sourceKey", String.class))
                .containsExactlyInAnyOrder("vision:1:strategy", "vision:2:strategy"));
        JsonPath visionTasks = tasks("reason=VISION_CHANGED");
        assertThat(visionTasks.getString("items.find { it.sourceKey == 'vision:1:strategy' }.status")).isEqualTo("CANCELLED");
        assertThat(visionTasks.getString("items.find { it.sourceKey == 'vision:1:strategy' }.note"))
                .startsWith("Superseded by review task ").endsWith("(vision:2:strategy): version 2 of the vision was adopted");
        assertThat(visionTasks.getString("items.find { it.sourceKey == 'vision:2:strategy' }.status")).isEqualTo("OPEN");
    }

    @Test
    @Order(4)
    void anEventWhileTheSchedulerIsDownIsHandledOnceAfterItsRestart() throws Exception {
        scheduler.kill();
        long goal = admin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", "Netwerk", "serves", List.of("strategy")))
                .post(org("/goals")).then().statusCode(201).extract().jsonPath().getLong("id");
        admin().contentType(ContentType.JSON).post(org("/goals/" + goal + "/reach")).then().statusCode(200);
        scheduler = startScheduler();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(tasks("").getList("items.sourceKey", String.class))
                .contains("goal:" + goal + ":strategy"));
        List<String> all = tasks("").getList("items.sourceKey", String.class);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all.stream().filter(key -> key.startsWith("cycle:"))).hasSize(1);
        // One cycle task, two for the first goal, two for the two visions, one for the goal reached while it was down.
        assertThat(all).hasSize(6);
    }

    private static RunningService startScheduler() throws Exception {
        return new RunningService("review-scheduler", work.resolve("scheduler"), Map.of(
                "WAAROM_API_URL", api.url(),
                "WAAROM_API_KEY", serviceKey,
                "WAAROM_EVENTS_POLL_INTERVAL", "PT1S",
                "WAAROM_POLICIES_SYNC_INTERVAL", "PT2S")).start();
    }

    private static LocalDate latestDue(LocalDate anchor, Period cycle) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate due = anchor;
        for (int k = 1; !anchor.plus(cycle.multipliedBy(k)).isAfter(today); k++) {
            due = anchor.plus(cycle.multipliedBy(k));
        }
        return due;
    }

    private static JsonPath tasks(String query) {
        return admin().get(org("/review-tasks?size=200" + (query.isEmpty() ? "" : "&" + query))).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private static String org(String path) {
        return "/api/v1/organizations/" + ORG + path;
    }
}
