package org.waarom.api.review;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;

/**
 * One open review per kind of cause: an imported, back-dated history asks for one strategy review (for the vision in
 * effect), and a newer cause cancels the open review of the older one with a note that says why. The tasks are asked
 * for as the review-scheduler asks for them, with the service role and its source keys.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ReviewCauseTest {

    @Test
    void aBackDatedHistoryAsksForOneStrategyReviewAndANewVisionReplacesIt() {
        String org = newOrganization("history");
        // What a new customer does first: the visions of 2016, 2019 and 2023, adopted today, back-dated.
        for (String effectiveFrom : List.of("2016-01-01T00:00:00Z", "2019-03-01T00:00:00Z", "2023-01-01T00:00:00Z")) {
            int version = draft(org, "vision", statement("Visie van " + effectiveFrom.substring(0, 4) + ".")).jsonPath().getInt("version");
            adopt(org, "vision", version, effectiveFrom);
        }
        draft(org, "strategy", statement("Kleinschalig wonen."));
        adopt(org, "strategy", 1, "2023-02-01T00:00:00Z");

        // The scheduler then reads the three adoptions from the feed, in order.
        assertProblem(visionChanged(org, 1), 409, "conflict").body("detail", containsString("superseded by version 3"));
        assertProblem(visionChanged(org, 2), 409, "conflict");
        long forTheVisionInEffect = visionChanged(org, 3).then().statusCode(201).extract().jsonPath().getLong("id");
        openStrategyReviews(org).then().body("total", equalTo(1)).body("items[0].sourceKey", equalTo("vision:3:strategy"));
        assertThat(events(org, "review-task.created")).hasSize(1);

        // A new vision, adopted to take effect next year: it is the vision that will be in effect, so it asks for a review.
        draft(org, "vision", statement("Visie van 2027."));
        adopt(org, "vision", 4, "2027-06-01T00:00:00Z");
        long forTheNewVision = visionChanged(org, 4).then().statusCode(201).extract().jsonPath().getLong("id");

        asAdmin().get(tasks(org) + "/" + forTheVisionInEffect).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("outcome", equalTo(null))
                .body("note", equalTo("Superseded by review task " + forTheNewVision + " (vision:4:strategy): version 4 of the vision was adopted"))
                .body("closedBy", notNullValue()).body("closedAt", notNullValue());
        openStrategyReviews(org).then().body("total", equalTo(1)).body("items[0].id", equalTo((int) forTheNewVision));
        // Cancelled as a cancellation by hand is: with its event, carrying the note.
        List<Map<String, Object>> cancelled = events(org, "review-task.cancelled");
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0)).containsEntry("id", (int) forTheVisionInEffect).containsEntry("status", "CANCELLED")
                .containsEntry("note", "Superseded by review task " + forTheNewVision + " (vision:4:strategy): version 4 of the vision was adopted");

        // A replay of the feed (after a 410, a restart) answers the tasks that exist and creates nothing.
        visionChanged(org, 3).then().statusCode(200).body("id", equalTo((int) forTheVisionInEffect)).body("status", equalTo("CANCELLED"));
        assertProblem(visionChanged(org, 2), 409, "conflict");
        assertThat(events(org, "review-task.created")).hasSize(2);
    }

    @Test
    void anElementHasOneOpenReviewPerKindOfCause() {
        String org = newOrganization("causes");
        long lastYear = task(org, "CYCLE", "2026-01-01", "cycle:vision:2026-01-01", null).then().statusCode(201).extract().jsonPath().getLong("id");
        long thisYear = task(org, "CYCLE", "2027-01-01", "cycle:vision:2027-01-01", null).then().statusCode(201).extract().jsonPath().getLong("id");
        asAdmin().get(tasks(org) + "/" + lastYear).then().body("status", equalTo("CANCELLED"))
                .body("note", equalTo("Superseded by review task " + thisYear + " (cycle:vision:2027-01-01): the cycle review due 2027-01-01 replaces this one"));
        // An older cycle than the open one is superseded already.
        assertProblem(task(org, "CYCLE", "2025-01-01", "cycle:vision:2025-01-01", null), 409, "conflict")
                .body("detail", containsString("Review task " + thisYear));

        // Each reached goal is a cause of its own, and so is each review asked for by hand; other elements keep their own.
        task(org, "GOAL_REACHED", "2027-02-01", "goal:7:vision", 7L).then().statusCode(201);
        task(org, "GOAL_REACHED", "2027-02-01", "goal:8:vision", 8L).then().statusCode(201);
        task(org, "MANUAL", "2027-03-01", null, null).then().statusCode(201);
        task(org, "MANUAL", "2027-03-01", null, null).then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("element", "values", "reason", "CYCLE", "dueDate", "2026-01-01",
                "sourceKey", "cycle:values:2026-01-01")).post(tasks(org)).then().statusCode(201);

        List<String> open = asAdmin().get(tasks(org) + "?status=OPEN&element=vision").then().statusCode(200).extract().jsonPath()
                .getList("items.reason", String.class);
        assertThat(open).containsExactlyInAnyOrder("CYCLE", "GOAL_REACHED", "GOAL_REACHED", "MANUAL", "MANUAL");
        asAdmin().get(tasks(org) + "?status=OPEN&element=values").then().body("total", equalTo(1));
    }

    // --- helpers ---

    /** The strategy review the scheduler asks for when it reads the adoption of vision version {@code version}. */
    private static Response visionChanged(String org, int version) {
        return as(TestKeys.platformKey("service").key()).contentType(ContentType.JSON)
                .body(Map.of("element", "strategy", "reason", "VISION_CHANGED", "dueDate", "2027-01-02",
                        "sourceKey", "vision:" + version + ":strategy", "version", version))
                .post(tasks(org)).then().extract().response();
    }

    private static Response task(String org, String reason, String dueDate, String sourceKey, Long goalId) {
        Map<String, Object> body = new HashMap<>(Map.of("element", "vision", "reason", reason, "dueDate", dueDate));
        if (sourceKey != null) {
            body.put("sourceKey", sourceKey);
        }
        if (goalId != null) {
            body.put("goalId", goalId);
        }
        return as(TestKeys.platformKey("service").key()).contentType(ContentType.JSON).body(body).post(tasks(org)).then().extract().response();
    }

    private static Response openStrategyReviews(String org) {
        return asAdmin().get(tasks(org) + "?status=OPEN&element=strategy").then().statusCode(200).extract().response();
    }

    private static List<Map<String, Object>> events(String org, String type) {
        return asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.type == '" + type + "' }.data");
    }

    private static String tasks(String org) {
        return "/api/v1/organizations/" + org + "/review-tasks";
    }
}
