package org.waarom.api.review;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;

/** Review policies and tasks (docs/api-guide.md#reviews-policies-and-tasks). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ReviewTest {

    @Test
    void policiesStartFromTheTypeDefaultsWithTheFirstAdoptionAsAnchor() {
        String org = newOrganization("policies");
        asAdmin().get(policies(org)).then().statusCode(200)
                .body("items.element", equalTo(List.of("mission", "vision", "values", "strategy")))
                .body("items.cycle", equalTo(List.of("P5Y", "P3Y", "P5Y", "P1Y")))
                .body("items.onGoalReached", equalTo(List.of(false, true, false, true)))
                .body("items.custom", equalTo(List.of(false, false, false, false)))
                .body("items[1].anchorDate", nullValue());
        draft(org, "vision", statement("Visie."));
        adopt(org, "vision", 1, "2025-01-01T09:00:00Z");
        asAdmin().get(policies(org)).then().body("items[1].anchorDate", equalTo("2025-01-01"));
    }

    @Test
    void aPolicyIsSetValidatedAndAnnounced() {
        String org = newOrganization("putpolicy");
        asAdmin().contentType(ContentType.JSON).body(policy("P1Y", "P30D", "P14D", "an@zorg-a.be"))
                .put(policies(org) + "/vision").then().statusCode(200)
                .body("cycle", equalTo("P1Y")).body("anchorDate", equalTo("2025-01-01")).body("custom", equalTo(true))
                .body("assignees[0].email", equalTo("an@zorg-a.be"));
        asAdmin().get("/api/v1/organizations/" + org + "/events").then()
                .body("items.type", hasItem("review-policy.changed"));

        badPolicy(org, policy("1 jaar", "P30D", "P14D", "an@zorg-a.be"), "cycle");
        badPolicy(org, policy("P7D", "P1D", "P14D", "an@zorg-a.be"), "cycle");
        badPolicy(org, policy("P1M", "P2M", "P14D", "an@zorg-a.be"), "remindBefore");
        badPolicy(org, policy("P1Y", "P30D", "P0D", "an@zorg-a.be"), "escalateAfter");
        badPolicy(org, policy("P1Y", "P30D", "P14D", "geen-adres"), "assignees[0].email");
        Map<String, Object> farAnchor = policy("P1Y", "P30D", "P14D", "an@zorg-a.be");
        farAnchor.put("anchorDate", "3000-01-01");
        badPolicy(org, farAnchor, "anchorDate");
        asAdmin().contentType(ContentType.JSON).body(policy("P1Y", "P30D", "P14D", "an@zorg-a.be"))
                .put(policies(org) + "/visie").then().statusCode(404);
    }

    @Test
    void remindBeforeEscalateAfterAndEscalateToMayBeLeftOutAndThenTakeTheDefaults() {
        String org = newOrganization("policydefaults");
        Map<String, Object> minimal = Map.of("enabled", true, "cycle", "P2Y", "onGoalReached", false,
                "assignees", List.of(Map.of("name", "An", "email", "an@zorg-a.be")));
        asAdmin().contentType(ContentType.JSON).body(minimal).put(policies(org) + "/values").then().statusCode(200)
                .body("cycle", equalTo("P2Y")).body("remindBefore", equalTo("P30D")).body("escalateAfter", equalTo("P14D"))
                .body("escalateTo", equalTo(List.of())).body("custom", equalTo(true)).body("anchorDate", nullValue());

        // Still a full replacement: what a later PUT leaves out goes back to the default, not to what was set before.
        Map<String, Object> full = policy("P1Y", "P60D", "P7D", "an@zorg-a.be");
        full.put("escalateTo", List.of(Map.of("name", "Directie", "email", "directie@zorg-a.be")));
        asAdmin().contentType(ContentType.JSON).body(full).put(policies(org) + "/values").then().statusCode(200)
                .body("remindBefore", equalTo("P60D")).body("escalateAfter", equalTo("P7D")).body("escalateTo[0].name", equalTo("Directie"));
        asAdmin().contentType(ContentType.JSON).body(minimal).put(policies(org) + "/values").then().statusCode(200)
                .body("remindBefore", equalTo("P30D")).body("escalateAfter", equalTo("P14D")).body("escalateTo", equalTo(List.of()))
                .body("anchorDate", nullValue());
        asAdmin().get(policies(org)).then().body("items[2].remindBefore", equalTo("P30D")).body("items[2].escalateTo", equalTo(List.of()));

        // The default must fit the cycle too: with a monthly cycle, 30 days before is not before the previous due date.
        Map<String, Object> monthly = new HashMap<>(minimal);
        monthly.put("cycle", "P1M");
        asAdmin().contentType(ContentType.JSON).body(monthly).put(policies(org) + "/values").then().statusCode(400)
                .body("errors.field", hasItem("remindBefore"))
                .body("errors.message", hasItem("must be shorter than the cycle: the default P30D is not; send a shorter one"));
        // The fields that have no default are still required.
        for (String required : List.of("enabled", "cycle", "onGoalReached", "assignees")) {
            Map<String, Object> without = new HashMap<>(minimal);
            without.remove(required);
            badPolicy(org, without, required);
        }
    }

    @Test
    void aRepeatedSourceKeyAnswersTheExistingTask() {
        String org = newOrganization("tasks");
        var created = createTask(org, "cycle:vision:2027-01-01", "CYCLE");
        created.then().statusCode(201).body("status", equalTo("OPEN")).body("element", equalTo("vision"))
                .body("sourceKey", equalTo("cycle:vision:2027-01-01"));
        long id = created.jsonPath().getLong("id");
        createTask(org, "cycle:vision:2027-01-01", "CYCLE").then().statusCode(200).body("id", equalTo((int) id));
        // The same key in another organisation is another task.
        String other = newOrganization("othertasks");
        createTask(other, "cycle:vision:2027-01-01", "CYCLE").then().statusCode(201);
        asAdmin().get(tasks(org)).then().body("total", equalTo(1));
    }

    @Test
    void twentyRacingRequestsWithOneSourceKeyMakeOneTask() throws Exception {
        String org = newOrganization("taskrace");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Integer> attempt = () -> {
                    start.await();
                    return createTask(org, "goal:42:strategy", "GOAL_REACHED").statusCode();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        asAdmin().get(tasks(org)).then().body("total", equalTo(1));
        asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events").then()
                .body("items.findAll { it.type == 'review-task.created' }.size()", equalTo(1));
    }

    @Test
    void completingConfirmsOrNamesTheAdoptedVersionAndAdoptionCompletesOpenTasks() {
        String org = newOrganization("complete");
        draft(org, "vision", statement("Een."));
        adopt(org, "vision", 1, null);
        long confirmed = createTask(org, "cycle:vision:2027-01-01", "CYCLE").jsonPath().getLong("id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED", "note", "Klopt nog."))
                .post(tasks(org) + "/" + confirmed + "/complete").then().statusCode(200)
                .body("status", equalTo("DONE")).body("outcome", equalTo("CONFIRMED")).body("note", equalTo("Klopt nog."));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .post(tasks(org) + "/" + confirmed + "/complete").then().statusCode(409);

        long revised = createTask(org, "goal:7:vision", "GOAL_REACHED").jsonPath().getLong("id");
        // Version 1 was adopted before the task: it cannot be its outcome.
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "REVISED", "version", 1))
                .post(tasks(org) + "/" + revised + "/complete").then().statusCode(400).body("errors[0].field", equalTo("version"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "REVISED"))
                .post(tasks(org) + "/" + revised + "/complete").then().statusCode(400).body("errors[0].field", equalTo("version"));

        long strategyTask = createTask(org, "vision:2:strategy", "VISION_CHANGED", "strategy").jsonPath().getLong("id");
        draft(org, "vision", statement("Twee."));
        adopt(org, "vision", 2, null);
        asAdmin().get(tasks(org) + "/" + revised).then().body("status", equalTo("DONE"))
                .body("outcome", equalTo("REVISED")).body("outcomeVersion", equalTo(2));
        // Only the adopted element's tasks are answered.
        asAdmin().get(tasks(org) + "/" + strategyTask).then().body("status", equalTo("OPEN"));
        asAdmin().contentType(ContentType.JSON).post(tasks(org) + "/" + strategyTask + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        asAdmin().contentType(ContentType.JSON).post(tasks(org) + "/" + strategyTask + "/cancel").then().statusCode(409);

        asAdmin().get(tasks(org) + "?status=DONE").then().body("total", equalTo(2));
        asAdmin().get(tasks(org) + "?element=strategy").then().body("total", equalTo(1));
        asAdmin().get(tasks(org) + "?reason=GOAL_REACHED").then().body("total", equalTo(1));
        asAdmin().get(tasks(org) + "?dueBefore=2026-12-31").then().body("total", equalTo(0));
        asAdmin().get(tasks(org) + "?dueBefore=morgen").then().statusCode(400).body("errors[0].field", equalTo("dueBefore"));
    }

    @Test
    void theServiceRoleReadsPoliciesAndCreatesTasksButNothingElse() {
        String org = newOrganization("servicerole");
        String service = TestKeys.platformKey("service").key();
        assertThat(allPoliciesName(service, org)).as("the all-policies list names " + org).isTrue();
        as(service).get(policies(org)).then().statusCode(200);
        as(service).get("/api/v1/events").then().statusCode(200);
        long id = as(service).contentType(ContentType.JSON)
                .body(Map.of("element", "vision", "reason", "CYCLE", "dueDate", "2027-01-01", "sourceKey", "cycle:vision:2027-01-01"))
                .post(tasks(org)).then().statusCode(201).extract().jsonPath().getLong("id");
        as(service).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .post(tasks(org) + "/" + id + "/complete").then().statusCode(403);
        as(service).contentType(ContentType.JSON).body(policy("P1Y", "P30D", "P14D", "an@zorg-a.be"))
                .put(policies(org) + "/vision").then().statusCode(403);
        as(service).get("/api/v1/organizations/" + org + "/elements").then().statusCode(403);
        String qualityManager = TestKeys.organizationKey(org, "quality-manager").key();
        as(qualityManager).contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .post(tasks(org) + "/" + id + "/complete").then().statusCode(200);
        String reader = TestKeys.organizationKey(org, "reader").key();
        as(reader).get(tasks(org)).then().statusCode(200);
        as(reader).contentType(ContentType.JSON).body(policy("P1Y", "P30D", "P14D", "an@zorg-a.be"))
                .put(policies(org) + "/vision").then().statusCode(403);
    }

    // --- helpers ---

    /**
     * Whether the all-policies list, read page by page as the review-scheduler reads it, has the organisation's
     * policies (ordered by organisation, so a new one is on the last page once the suite has made more than a page).
     */
    private static boolean allPoliciesName(String credential, String org) {
        for (int page = 0; ; page++) {
            List<String> organizations = as(credential).get("/api/v1/review-policies?size=200&page=" + page)
                    .then().statusCode(200).extract().jsonPath().getList("items.organization", String.class);
            if (organizations.contains(org)) {
                return true;
            }
            if (organizations.isEmpty()) {
                return false;
            }
        }
    }

    private static String policies(String org) {
        return "/api/v1/organizations/" + org + "/review-policies";
    }

    private static String tasks(String org) {
        return "/api/v1/organizations/" + org + "/review-tasks";
    }

    private static Map<String, Object> policy(String cycle, String remindBefore, String escalateAfter, String email) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("enabled", true);
        policy.put("cycle", cycle);
        policy.put("anchorDate", "2025-01-01");
        policy.put("onGoalReached", true);
        policy.put("remindBefore", remindBefore);
        policy.put("escalateAfter", escalateAfter);
        policy.put("assignees", List.of(Map.of("name", "An", "email", email)));
        policy.put("escalateTo", List.of());
        return policy;
    }

    private static void badPolicy(String org, Map<String, Object> body, String field) {
        asAdmin().contentType(ContentType.JSON).body(body).put(policies(org) + "/vision").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static io.restassured.response.Response createTask(String org, String sourceKey, String reason) {
        return createTask(org, sourceKey, reason, "vision");
    }

    private static io.restassured.response.Response createTask(String org, String sourceKey, String reason, String element) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("element", element, "reason", reason, "dueDate", "2027-01-01", "sourceKey", sourceKey))
                .post(tasks(org)).then().extract().response();
    }
}
