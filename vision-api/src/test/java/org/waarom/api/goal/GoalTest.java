package org.waarom.api.goal;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.newOrganization;

/** Goals, indicators and the rules that reach them (docs/api-guide.md#goals-and-indicators). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class GoalTest {

    @Test
    void strategicAndOperationalGoalsAreCreatedWithLocationAndRead() {
        String org = newOrganization("goals");
        long strategic = strategicGoal(org, "Inclusief wonen", List.of("vision", "strategy"));
        var created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("kind", "OPERATIONAL", "parentId", strategic, "title", "Tien studio's", "targetDate", "2027-06-30"))
                .post(goals(org)).then().statusCode(201).extract().response();
        assertThat(created.header("Location")).endsWith(goals(org) + "/" + created.path("id"));
        created.then().body("kind", equalTo("OPERATIONAL")).body("parentId", equalTo((int) strategic))
                .body("serves", equalTo(List.of("vision", "strategy"))).body("status", equalTo("OPEN"))
                .body("targetDate", equalTo("2027-06-30")).body("reachedAt", nullValue());
        asAdmin().get(goals(org) + "/" + strategic).then().statusCode(200)
                .body("operationalGoals", equalTo(List.of(created.<Integer>path("id"))));
    }

    @Test
    void badGoalsAreRefusedNamingTheField() {
        String org = newOrganization("badgoals");
        long strategic = strategicGoal(org, "Strategisch", List.of("vision"));
        long operational = operationalGoal(org, strategic, "Operationeel");
        invalidGoal(org, Map.of("kind", "OPERATIONAL", "title", "Zonder ouder"), "parentId");
        invalidGoal(org, Map.of("kind", "OPERATIONAL", "title", "Onder operationeel", "parentId", operational), "parentId");
        invalidGoal(org, Map.of("kind", "OPERATIONAL", "title", "Onbekende ouder", "parentId", 999_999_999), "parentId");
        invalidGoal(org, Map.of("kind", "STRATEGIC", "title", "Dient niets", "serves", List.of()), "serves");
        invalidGoal(org, Map.of("kind", "STRATEGIC", "title", "Dient de missie", "serves", List.of("mission")), "serves[0]");
        invalidGoal(org, Map.of("kind", "STRATEGIC", "title", "Dient iets onbekends", "serves", List.of("visie")), "serves[0]");
        asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "TACTICAL", "title", "x", "serves", List.of("vision")))
                .post(goals(org)).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        // A parent of another organisation is as unknown as one that does not exist.
        String other = newOrganization("othergoals");
        invalidGoal(other, Map.of("kind", "OPERATIONAL", "title", "Leent een ouder", "parentId", strategic), "parentId");
        // Nothing of it was stored.
        assertThat(ids(org, "")).containsExactly(strategic, operational);
        assertThat(ids(other, "")).isEmpty();
        assertThat(eventTypes(org)).filteredOn("goal.created"::equals).hasSize(2);
    }

    @Test
    void anIncreaseIndicatorIsMetAtItsTargetAndReachesTheOperationalGoalOnce() {
        String org = newOrganization("increase");
        long strategic = strategicGoal(org, "Wonen in de buurt", List.of("vision"));
        long operational = operationalGoal(org, strategic, "Straatwoningen");
        long indicator = indicator(org, operational, 40, 60, "INCREASE");

        measure(org, indicator, "59.999", "2026-01-31").then().body("targetMet", equalTo(false)).body("progress", equalTo(100.0f));
        asAdmin().get(goals(org) + "/" + operational).then().body("status", equalTo("OPEN"));
        measure(org, indicator, "60", "2026-02-28").then().body("targetMet", equalTo(true)).body("latestValue", equalTo(60));
        JsonPath reached = asAdmin().get(goals(org) + "/" + operational).then().extract().jsonPath();
        assertThat(reached.getString("status")).isEqualTo("REACHED");
        assertThat(reached.getString("reachedCause")).isEqualTo("INDICATORS");
        String reachedAt = reached.getString("reachedAt");
        // The only operational goal is reached, so the strategic goal is too.
        asAdmin().get(goals(org) + "/" + strategic).then().body("status", equalTo("REACHED"))
                .body("reachedCause", equalTo("OPERATIONAL_GOALS")).body("progress", equalTo(100));

        // Recorded once: a later, higher value changes nothing; a drop does not "un-reach" it.
        measure(org, indicator, "65", "2026-03-31");
        measure(org, indicator, "50", "2026-04-30").then().body("targetMet", equalTo(false));
        asAdmin().get(goals(org) + "/" + operational).then().body("status", equalTo("REACHED")).body("reachedAt", equalTo(reachedAt));
        assertThat(eventTypes(org)).containsSubsequence("indicator.target.met", "goal.reached", "goal.reached");
        assertThat(eventTypes(org).stream().filter("goal.reached"::equals).count()).isEqualTo(2);
    }

    @Test
    void theLatestMeasurementByDateCountsNotTheLastRecorded() {
        String org = newOrganization("latest");
        long strategic = strategicGoal(org, "S", List.of("vision"));
        long operational = operationalGoal(org, strategic, "O");
        long indicator = indicator(org, operational, 0, 10, "INCREASE");
        measure(org, indicator, "5", "2026-05-31");
        // A late report of an older month meets the target, but is not the latest: nothing is reached.
        measure(org, indicator, "12", "2026-01-31").then().body("latestValue", equalTo(5)).body("targetMet", equalTo(false));
        asAdmin().get(goals(org) + "/" + operational).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aStrategicGoalIsReachedWhenAllItsOperationalGoalsAreIgnoringAbandonedOnes() {
        String org = newOrganization("strategic");
        long strategic = strategicGoal(org, "Netwerk", List.of("vision"));
        long first = operationalGoal(org, strategic, "Buren");
        long second = operationalGoal(org, strategic, "Vrijwilligers");
        long third = operationalGoal(org, strategic, "Familie");
        long indicator = indicator(org, first, 0, 10, "INCREASE");
        measure(org, indicator, "10", "2026-01-31");
        asAdmin().get(goals(org) + "/" + strategic).then().body("status", equalTo("OPEN"));
        asAdmin().post(goals(org) + "/" + second + "/reach").then().statusCode(200).body("reachedCause", equalTo("MANUAL"));
        asAdmin().get(goals(org) + "/" + strategic).then().body("status", equalTo("OPEN"));
        asAdmin().post(goals(org) + "/" + third + "/abandon").then().statusCode(200).body("status", equalTo("ABANDONED"));
        asAdmin().get(goals(org) + "/" + strategic).then().body("status", equalTo("REACHED")).body("reachedCause", equalTo("OPERATIONAL_GOALS"));
    }

    @Test
    void reopeningClearsTheReachAndItCanBeReachedAgain() {
        String org = newOrganization("reopen");
        long strategic = strategicGoal(org, "Digitaal mee", List.of("vision"));
        asAdmin().post(goals(org) + "/" + strategic + "/reach").then().statusCode(200).body("status", equalTo("REACHED"));
        asAdmin().post(goals(org) + "/" + strategic + "/reach").then().statusCode(409);
        asAdmin().post(goals(org) + "/" + strategic + "/abandon").then().statusCode(409);
        asAdmin().post(goals(org) + "/" + strategic + "/reopen").then().statusCode(200)
                .body("status", equalTo("OPEN")).body("reachedAt", nullValue()).body("reachedCause", nullValue());
        asAdmin().post(goals(org) + "/" + strategic + "/reopen").then().statusCode(409);
        asAdmin().post(goals(org) + "/" + strategic + "/reach").then().statusCode(200).body("reachedAt", notNullValue());
        assertThat(eventTypes(org)).containsSubsequence("goal.created", "goal.reached", "goal.reopened", "goal.reached");
    }

    @Test
    void revisingATargetKeepsTheOldOneWithTheReason() {
        String org = newOrganization("revise");
        long strategic = strategicGoal(org, "S", List.of("vision"));
        long operational = operationalGoal(org, strategic, "O");
        long indicator = indicator(org, operational, 40, 60, "INCREASE");
        measure(org, indicator, "65", "2026-01-31");
        asAdmin().get(goals(org) + "/" + operational).then().body("status", equalTo("REACHED"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("target", 70, "reason", "Vroeg gehaald; ambitie verhoogd"))
                .patch(indicators(org) + "/" + indicator).then().statusCode(200)
                .body("target", equalTo(70)).body("targetMet", equalTo(false))
                .body("targetHistory.target", equalTo(List.of(60, 70)))
                .body("targetHistory[1].reason", equalTo("Vroeg gehaald; ambitie verhoogd"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("target", 30, "reason", "Lager dan de basislijn"))
                .patch(indicators(org) + "/" + indicator).then().statusCode(400).body("errors[0].field", equalTo("target"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("target", 80))
                .patch(indicators(org) + "/" + indicator).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        // The refused revisions changed nothing.
        asAdmin().get(goals(org) + "/" + operational).then().body("indicators[0].target", equalTo(70))
                .body("indicators[0].targetHistory.target", equalTo(List.of(60, 70)));
        assertThat(eventTypes(org)).filteredOn("indicator.target.revised"::equals).hasSize(1);
    }

    @Test
    void badIndicatorsAndMeasurementsAreRefused() {
        String org = newOrganization("badmeasure");
        long strategic = strategicGoal(org, "S", List.of("vision"));
        long operational = operationalGoal(org, strategic, "O");
        badIndicator(org, operational, Map.of("name", "Gelijk", "baseline", 10, "target", 10, "direction", "INCREASE"), "target");
        badIndicator(org, operational, Map.of("name", "Verkeerd", "baseline", 10, "target", 5, "direction", "INCREASE"), "target");
        badIndicator(org, operational, Map.of("name", "Absurd", "baseline", 0, "target", 1e15, "direction", "INCREASE"), "target");
        badIndicator(org, operational, Map.of("name", "Richting", "baseline", 0, "target", 5, "direction", "UP"), "direction");
        long indicator = indicator(org, operational, 0, 10, "INCREASE");

        asAdmin().contentType(ContentType.JSON).body("{\"value\": \"veel\", \"measuredAt\": \"2026-01-31\"}")
                .post(indicators(org) + "/" + indicator + "/measurements").then().statusCode(400).body("errors[0].field", equalTo("value"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\": 1e400, \"measuredAt\": \"2026-01-31\"}")
                .post(indicators(org) + "/" + indicator + "/measurements").then().statusCode(400).body("errors[0].field", equalTo("value"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\": 0.0000001, \"measuredAt\": \"2026-01-31\"}")
                .post(indicators(org) + "/" + indicator + "/measurements").then().statusCode(400).body("errors[0].field", equalTo("value"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 5, "measuredAt", LocalDate.now().plusDays(3).toString()))
                .post(indicators(org) + "/" + indicator + "/measurements").then().statusCode(400).body("errors[0].field", equalTo("measuredAt"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 5, "measuredAt", "31-01-2026"))
                .post(indicators(org) + "/" + indicator + "/measurements").then().statusCode(400).body("errors[0].field", equalTo("measuredAt"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 5))
                .post(indicators(org) + "/" + indicator + "/measurements").then().statusCode(400).body("errors[0].field", equalTo("measuredAt"));

        // Another organisation's indicator does not exist for this one.
        String other = newOrganization("otherindicator");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 5, "measuredAt", "2026-01-31"))
                .post(indicators(other) + "/" + indicator + "/measurements").then().statusCode(404);
        // Nothing of it was stored: one indicator, never measured.
        asAdmin().get(goals(org) + "/" + operational).then().body("indicators.id", equalTo(List.of((int) indicator)))
                .body("indicators[0].latestValue", nullValue());
        assertThat(eventTypes(org)).filteredOn(type -> type.startsWith("indicator.")).containsExactly("indicator.created");
    }

    @Test
    void goalsAreListedWithFilters() {
        String org = newOrganization("listgoals");
        long vision = strategicGoal(org, "Visie", List.of("vision"));
        long strategy = strategicGoal(org, "Strategie", List.of("strategy"));
        long underStrategy = operationalGoal(org, strategy, "Onder strategie");
        asAdmin().post(goals(org) + "/" + vision + "/reach").then().statusCode(200);

        assertThat(ids(org, "")).containsExactly(vision, strategy, underStrategy);
        assertThat(ids(org, "status=OPEN")).containsExactly(strategy, underStrategy);
        assertThat(ids(org, "kind=STRATEGIC")).containsExactly(vision, strategy);
        assertThat(ids(org, "serves=strategy")).containsExactly(strategy, underStrategy);
        asAdmin().get(goals(org) + "?status=DONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
        asAdmin().get(goals(org) + "?serves=values").then().statusCode(400).body("errors[0].field", equalTo("serves"));
        asAdmin().get(goals(org) + "?size=1").then().header("Link", containsString("rel=\"next\""));
    }

    @Test
    void patchNeedsIfMatchAndChangesOnlyWhatIsSent() {
        String org = newOrganization("patchgoal");
        long goal = strategicGoal(org, "Oud", List.of("vision"));
        String etag = asAdmin().get(goals(org) + "/" + goal).header("ETag");
        asAdmin().contentType(ContentType.JSON).body(Map.of("title", "Nieuw")).patch(goals(org) + "/" + goal).then().statusCode(428);
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("title", "Nieuw", "serves", List.of("vision", "strategy")))
                .patch(goals(org) + "/" + goal).then().statusCode(200).body("title", equalTo("Nieuw")).body("serves", hasItem("strategy"));
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("title", "Te laat"))
                .patch(goals(org) + "/" + goal).then().statusCode(412);
    }

    @Test
    void aNullForARequiredFieldInAPatchIs400AndChangesNothing() {
        String org = newOrganization("nullgoal");
        long goal = strategicGoal(org, "Titel", List.of("vision"));
        var before = asAdmin().get(goals(org) + "/" + goal).then().statusCode(200).extract();
        String etag = before.header("ETag");

        for (String field : List.of("title", "serves")) {
            var response = asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body("{\"" + field + "\": null}")
                    .patch(goals(org) + "/" + goal);
            response.then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://waarom.org/problems/invalid-request"));
            assertThat(response.jsonPath().getList("errors.field", String.class)).as(field).containsExactly(field);
        }
        asAdmin().get(goals(org) + "/" + goal).then().statusCode(200).header("ETag", etag)
                .body("title", equalTo("Titel"))
                .body("updatedAt", equalTo(before.path("updatedAt")));
    }

    // --- helpers ---

    static String goals(String org) {
        return "/api/v1/organizations/" + org + "/goals";
    }

    static String indicators(String org) {
        return "/api/v1/organizations/" + org + "/indicators";
    }

    static long strategicGoal(String org, String title, List<String> serves) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", title, "serves", serves))
                .post(goals(org)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long operationalGoal(String org, long parent, String title) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "OPERATIONAL", "parentId", parent, "title", title))
                .post(goals(org)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long indicator(String org, long goal, double baseline, double target, String direction) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Indicator", "unit", "%", "baseline", baseline, "target", target, "direction", direction))
                .post(goals(org) + "/" + goal + "/indicators").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static io.restassured.response.Response measure(String org, long indicator, String value, String measuredAt) {
        return asAdmin().contentType(ContentType.JSON).body("{\"value\": " + value + ", \"measuredAt\": \"" + measuredAt + "\"}")
                .post(indicators(org) + "/" + indicator + "/measurements").then().statusCode(201).extract().response();
    }

    private static void invalidGoal(String org, Map<String, Object> body, String field) {
        asAdmin().contentType(ContentType.JSON).body(new HashMap<>(body)).post(goals(org)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static void badIndicator(String org, long goal, Map<String, Object> body, String field) {
        asAdmin().contentType(ContentType.JSON).body(body).post(goals(org) + "/" + goal + "/indicators").then().statusCode(400)
                .body("errors.field", hasItem(field));
    }

    private static List<Long> ids(String org, String query) {
        return asAdmin().get(goals(org) + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    private static List<String> eventTypes(String org) {
        return asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.type", String.class);
    }
}
