package org.waarom.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code ./run.sh --demo} shows: the API loads the demo organisation at start (WAAROM_DEMO=true), the scheduler
 * then reads its back-dated history from the event feed. The reached goal has its review of the vision, the history of
 * three visions asks for one strategy review (for the vision in effect), and no element has two open reviews of one
 * kind of cause.
 */
class DemoEndToEndTest {

    private static final String ADMIN_KEY = "wrm_e2e-demo-platform-admin-key-0123456789ab";
    private static final String DEMO = "/api/v1/organizations/zorg-zonnebloem";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    static RunningService api;
    static RunningService scheduler;

    @BeforeAll
    static void startWithTheDemo() throws Exception {
        api = new RunningService("vision-api", work.resolve("api"),
                Map.of("WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY, "WAAROM_DEMO", "true")).start();
        // As run.sh does: the scheduler with the bootstrap key, started once the API is ready.
        scheduler = new RunningService("review-scheduler", work.resolve("scheduler"), Map.of(
                "WAAROM_API_URL", api.url(),
                "WAAROM_API_KEY", ADMIN_KEY,
                "WAAROM_EVENTS_POLL_INTERVAL", "PT1S",
                "WAAROM_POLICIES_SYNC_INTERVAL", "PT2S")).start();
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void theReachedGoalHasItsReviewAndEveryCauseOneOpenReview() {
        long reached = admin().get(DEMO + "/goals?kind=OPERATIONAL&status=REACHED").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");

        // The feed is read: the goal's review of the vision, and the strategy review of the vision in effect (version 3).
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(openTasks().getList("items.sourceKey", String.class))
                .contains("goal:" + reached + ":vision", "vision:3:strategy"));
        JsonPath open = openTasks();
        assertThat(open.getString("items.find { it.reason == 'GOAL_REACHED' }.goalTitle")).isEqualTo("Iedereen een netwerk");
        assertThat(open.getList("items.findAll { it.reason == 'GOAL_REACHED' }.element", String.class)).containsExactly("vision");

        // The visions of 2016 and 2019 were superseded before the scheduler read them: they asked for nothing.
        List<String> all = admin().get(DEMO + "/review-tasks?size=200").then().statusCode(200).extract().jsonPath()
                .getList("items.sourceKey", String.class);
        assertThat(all).doesNotContain("vision:1:strategy", "vision:2:strategy");

        // One open review per element and kind of cause: no calendar day with the same review twice.
        List<Map<String, Object>> items = open.getList("items");
        assertThat(items.stream().map(task -> task.get("element") + " " + task.get("reason") + " " + task.get("goalId")).toList())
                .doesNotHaveDuplicates();
        assertThat(items.stream().filter(task -> "strategy".equals(task.get("element")) && "VISION_CHANGED".equals(task.get("reason"))))
                .hasSize(1);
    }

    private static JsonPath openTasks() {
        return admin().get(DEMO + "/review-tasks?status=OPEN&size=200").then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }
}
