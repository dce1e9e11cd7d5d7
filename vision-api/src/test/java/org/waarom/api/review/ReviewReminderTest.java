package org.waarom.api.review;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.links;
import static org.waarom.api.ApiTestSupport.newOrganization;

/** Reminder records of review tasks, and what the review-scheduler reads to send reminders (issue 6). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ReviewReminderTest {

    private static final Map<String, Object> AN = Map.of("name", "An Peeters", "email", "an@zorg-a.be");
    private static final Map<String, Object> BERT = Map.of("email", "bert@zorg-a.be");

    @Test
    void recordingAReminderAnswers201WithItsLocationAndThePendingRecord() {
        String org = newOrganization("remind");
        long task = openTask(org);
        Response created = record(asAdmin(), org, task, "UPCOMING", "EMAIL", List.of(AN, BERT));
        created.then().statusCode(201)
                .body("kind", equalTo("UPCOMING")).body("channel", equalTo("EMAIL"))
                .body("recipients[0].name", equalTo("An Peeters")).body("recipients[0].email", equalTo("an@zorg-a.be"))
                .body("recipients[1].name", nullValue()).body("recipients[1].email", equalTo("bert@zorg-a.be"))
                .body("status", equalTo("PENDING")).body("attempts", equalTo(0))
                .body("lastError", nullValue()).body("sentAt", nullValue())
                .body("recordedBy", notNullValue()).body("recordedAt", notNullValue());
        long id = created.jsonPath().getLong("id");
        String location = created.header("Location");
        assertThat(location).endsWith(reminders(org, task) + "/" + id);
        asAdmin().get(location).then().statusCode(200).body("id", equalTo((int) id)).body("status", equalTo("PENDING"));
    }

    @Test
    void aSecondRecordOfOneKindAndChannelAnswers409WithTheExistingReminder() {
        String org = newOrganization("remindtwice");
        long task = openTask(org);
        long first = record(asAdmin(), org, task, "DUE", "EMAIL", List.of(AN)).then().statusCode(201).extract().jsonPath().getLong("id");
        patch(org, task, first, Map.of("status", "FAILED", "error", "SMTP 451 greylisted")).then().statusCode(200);

        Response again = record(asAdmin(), org, task, "DUE", "EMAIL", List.of(BERT));
        assertProblem(again, 409, "conflict")
                .body("reminder.id", equalTo((int) first))
                .body("reminder.status", equalTo("FAILED"))
                .body("reminder.attempts", equalTo(1))
                .body("reminder.recipients[0].email", equalTo("an@zorg-a.be"))
                .body("members", nullValue()).body("extensionMembers", nullValue());

        // The same kind by the other channel, and another kind by the same channel, are other reminders.
        record(asAdmin(), org, task, "DUE", "WEBHOOK", List.of()).then().statusCode(201).body("recipients", equalTo(List.of()));
        record(asAdmin(), org, task, "OVERDUE", "EMAIL", List.of(AN)).then().statusCode(201);
        asAdmin().get(reminders(org, task)).then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void twentyRacingRecordsOfOneKindMakeOneReminder() throws Exception {
        String org = newOrganization("remindrace");
        long task = openTask(org);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Response> responses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Response> attempt = () -> {
                    start.await();
                    return record(asAdmin(), org, task, "ESCALATION", "EMAIL", List.of(AN));
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            for (Future<Response> result : results) {
                responses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        int winner = responses.stream().filter(response -> response.statusCode() == 201).findFirst().orElseThrow().jsonPath().getInt("id");
        // Every loser learns which reminder won, and in what state it is.
        assertThat(responses).filteredOn(response -> response.statusCode() == 409)
                .allSatisfy(response -> assertThat(response.jsonPath().getInt("reminder.id")).isEqualTo(winner));
        asAdmin().get(reminders(org, task)).then().body("total", equalTo(1));
    }

    @Test
    void anOutcomeMovesAReminderFromPendingOrFailedToSentOnce() {
        String org = newOrganization("remindpatch");
        long task = openTask(org);
        long id = record(asAdmin(), org, task, "UPCOMING", "EMAIL", List.of(AN)).jsonPath().getLong("id");

        patch(org, task, id, Map.of("status", "FAILED", "error", "SMTP 451 4.7.1 Greylisted")).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("attempts", equalTo(1))
                .body("lastError", equalTo("SMTP 451 4.7.1 Greylisted")).body("sentAt", nullValue());
        patch(org, task, id, Map.of("status", "FAILED", "error", "Connection refused")).then().statusCode(200)
                .body("attempts", equalTo(2)).body("lastError", equalTo("Connection refused"));
        Instant before = Instant.now().minusSeconds(5);
        Response sent = patch(org, task, id, Map.of("status", "SENT"));
        sent.then().statusCode(200).body("status", equalTo("SENT")).body("attempts", equalTo(2));
        assertThat(Instant.parse(sent.jsonPath().getString("sentAt"))).isAfter(before);

        // A sent reminder does not change, whatever is asked.
        assertProblem(patch(org, task, id, Map.of("status", "SENT")), 409, "conflict");
        assertProblem(patch(org, task, id, Map.of("status", "FAILED", "error", "too late")), 409, "conflict");
        asAdmin().get(reminders(org, task) + "/" + id).then().body("status", equalTo("SENT")).body("attempts", equalTo(2));

        // Straight from PENDING to SENT.
        long other = record(asAdmin(), org, task, "UPCOMING", "WEBHOOK", List.of()).jsonPath().getLong("id");
        patch(org, task, other, Map.of("status", "SENT")).then().statusCode(200)
                .body("status", equalTo("SENT")).body("attempts", equalTo(0)).body("sentAt", notNullValue());
    }

    @Test
    void anOutcomeThatIsNotOneIsRefusedWith400() {
        String org = newOrganization("remindbad");
        long task = openTask(org);
        long id = record(asAdmin(), org, task, "DUE", "EMAIL", List.of(AN)).jsonPath().getLong("id");

        Response pending = patch(org, task, id, Map.of("status", "PENDING"));
        assertProblem(pending, 400);
        assertThat(errorFields(pending)).containsExactly("status");
        assertThat(pending.jsonPath().getString("errors[0].message")).contains("SENT", "FAILED").doesNotContain("PENDING");

        Response unknown = patch(org, task, id, Map.of("status", "DELIVERED"));
        assertProblem(unknown, 400);
        assertThat(errorFields(unknown)).containsExactly("status");
        assertThat(unknown.jsonPath().getString("errors[0].message")).isEqualTo("must be one of [SENT, FAILED]");

        Response withoutError = patch(org, task, id, Map.of("status", "FAILED"));
        assertProblem(withoutError, 400);
        assertThat(errorFields(withoutError)).containsExactly("error");
        assertThat(errorFields(patch(org, task, id, Map.of("status", "FAILED", "error", "  ")))).containsExactly("error");
        assertThat(errorFields(patch(org, task, id, Map.of("status", "SENT", "error", "was it?")))).containsExactly("error");
        assertThat(errorFields(patch(org, task, id, Map.of()))).containsExactly("status");

        Response unknownField = patch(org, task, id, Map.of("status", "SENT", "sentAt", "2026-01-01T00:00:00Z"));
        assertProblem(unknownField, 400, "malformed-body");
        assertThat(errorFields(unknownField)).containsExactly("sentAt");

        assertProblem(asAdmin().contentType(ContentType.TEXT).body("SENT").patch(reminders(org, task) + "/" + id), 415);
        // Nothing of the above changed the reminder.
        asAdmin().get(reminders(org, task) + "/" + id).then().body("status", equalTo("PENDING")).body("attempts", equalTo(0));
    }

    @Test
    void aLongErrorIsKeptUpTo2000CharactersWithoutNul() {
        String org = newOrganization("reminderror");
        long task = openTask(org);
        long id = record(asAdmin(), org, task, "DUE", "EMAIL", List.of(AN)).jsonPath().getLong("id");
        // 1999 characters and then an emoji (a surrogate pair) across the limit: cut before it, not in it.
        String error = "\u0000" + "x".repeat(1999) + "\uD83D\uDCE7" + "y".repeat(3000);
        String kept = patch(org, task, id, Map.of("status", "FAILED", "error", error)).then().statusCode(200)
                .extract().jsonPath().getString("lastError");
        assertThat(kept).isEqualTo("x".repeat(1999));
    }

    @Test
    void anErrorThatIsNotValidTextIsKeptCleanedNotRefused() {
        String org = newOrganization("remindtext");
        long task = openTask(org);
        long id = record(asAdmin(), org, task, "DUE", "EMAIL", List.of(AN)).jsonPath().getLong("id");
        // What an SMTP server said, quoted as it came: recording the failure must not fail on it.
        String kept = asAdmin().contentType(ContentType.JSON).body("{\"status\": \"FAILED\", \"error\": \"451 \\u0000x\\ud800y \\ud83d\\udce7\"}")
                .patch(reminders(org, task) + "/" + id).then().statusCode(200).extract().jsonPath().getString("lastError");
        assertThat(kept).isEqualTo("451 x\uFFFDy \uD83D\uDCE7");
        asAdmin().get(reminders(org, task) + "/" + id).then().statusCode(200).body("lastError", equalTo(kept));
    }

    @Test
    void aRecordIsValidatedAndOnlyForOpenTasksOfTheOrganisation() {
        String org = newOrganization("remindrules");
        long task = openTask(org);
        assertThat(errorFields(record(asAdmin(), org, task, "DUE", "EMAIL", List.of()))).containsExactly("recipients");
        assertThat(errorFields(asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "DUE", "channel", "EMAIL"))
                .post(reminders(org, task)))).containsExactly("recipients");
        assertThat(errorFields(record(asAdmin(), org, task, "DUE", "EMAIL", List.of(Map.of("name", "Geen", "email", "geen-adres")))))
                .containsExactly("recipients[0].email");
        assertThat(errorFields(record(asAdmin(), org, task, "DUE", "EMAIL", List.of(Map.of("name", "n".repeat(201), "email", "an@zorg-a.be")))))
                .containsExactly("recipients[0].name");
        // PostgreSQL cannot store a NUL character: the client's 400, not our 500.
        assertProblem(record(asAdmin(), org, task, "DUE", "EMAIL", List.of(Map.of("name", "An\u0000", "email", "an@zorg-a.be"))), 400);
        List<Map<String, Object>> many = IntStream.range(0, 51).<Map<String, Object>>mapToObj(i -> Map.of("email", "p" + i + "@zorg-a.be")).toList();
        assertThat(errorFields(record(asAdmin(), org, task, "DUE", "EMAIL", many))).containsExactly("recipients");
        Response badKind = record(asAdmin(), org, task, "SOON", "EMAIL", List.of(AN));
        assertProblem(badKind, 400);
        assertThat(badKind.jsonPath().getString("errors[0].message")).contains("UPCOMING", "DUE", "OVERDUE", "ESCALATION");
        assertThat(errorFields(asAdmin().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL", "recipients", List.of(AN)))
                .post(reminders(org, task)))).containsExactly("kind");
        asAdmin().get(reminders(org, task)).then().body("total", equalTo(0));

        // 50 recipients are fine; a webhook reminder may address nobody.
        record(asAdmin(), org, task, "DUE", "EMAIL", many.subList(0, 50)).then().statusCode(201);

        // Only an open task gets reminders.
        asAdmin().contentType(ContentType.JSON).post(tasks(org) + "/" + task + "/cancel").then().statusCode(200);
        Response closed = record(asAdmin(), org, task, "OVERDUE", "EMAIL", List.of(AN));
        assertProblem(closed, 409, "conflict");
        assertThat(closed.jsonPath().getString("detail")).contains("CANCELLED");

        // Another organisation's task, an unknown task or reminder: 404 as if they did not exist.
        String other = newOrganization("remindother");
        long otherTask = openTask(other);
        long otherReminder = record(asAdmin(), other, otherTask, "DUE", "EMAIL", List.of(AN)).jsonPath().getLong("id");
        assertProblem(record(asAdmin(), org, otherTask, "DUE", "EMAIL", List.of(AN)), 404);
        assertProblem(asAdmin().get(reminders(org, otherTask)), 404);
        assertProblem(patch(org, otherTask, otherReminder, Map.of("status", "SENT")), 404);
        assertProblem(patch(org, task, otherReminder, Map.of("status", "SENT")), 404);
        assertProblem(asAdmin().get(reminders(org, task) + "/" + otherReminder), 404);
        assertProblem(asAdmin().get(reminders(org, task) + "/abc"), 404);
        assertProblem(record(asAdmin(), org, 999_999_999L, "DUE", "EMAIL", List.of(AN)), 404);
        TestKeys.IssuedKey outsider = TestKeys.organizationKey(org, "admin");
        assertProblem(record(as(outsider.key()), other, otherTask, "UPCOMING", "EMAIL", List.of(AN)), 404);
        asAdmin().get(reminders(other, otherTask) + "/" + otherReminder).then().body("status", equalTo("PENDING"));
        asAdmin().get(reminders(other, otherTask)).then().body("total", equalTo(1));
    }

    @Test
    void aTaskReadsWithItsRemindersInRecordedOrderAndItsGoalsTitle() {
        String org = newOrganization("remindread");
        long goal = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("kind", "STRATEGIC", "title", "Inclusief wonen", "serves", List.of("vision")))
                .post("/api/v1/organizations/" + org + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        long task = createTask(org, Map.of("element", "vision", "reason", "GOAL_REACHED", "dueDate", "2027-01-01",
                "sourceKey", "goal:" + goal + ":vision", "goalId", goal)).then().statusCode(201)
                .body("goalTitle", equalTo("Inclusief wonen")).body("reminders", equalTo(List.of()))
                .extract().jsonPath().getLong("id");
        long upcoming = record(asAdmin(), org, task, "UPCOMING", "EMAIL", List.of(AN)).jsonPath().getLong("id");
        long webhook = record(asAdmin(), org, task, "UPCOMING", "WEBHOOK", List.of()).jsonPath().getLong("id");
        long due = record(asAdmin(), org, task, "DUE", "EMAIL", List.of(AN)).jsonPath().getLong("id");
        patch(org, task, webhook, Map.of("status", "SENT")).then().statusCode(200);

        List<Integer> order = List.of((int) upcoming, (int) webhook, (int) due);
        asAdmin().get(tasks(org) + "/" + task).then().statusCode(200)
                .body("goalTitle", equalTo("Inclusief wonen"))
                .body("reminders.id", equalTo(order))
                .body("reminders[1].status", equalTo("SENT"))
                .body("reminders[0].recipients[0].email", equalTo("an@zorg-a.be"));
        asAdmin().get(reminders(org, task)).then().statusCode(200).body("items.id", equalTo(order)).body("total", equalTo(3));

        // A task without a goal has no title; nor has one naming another organisation's goal (its title is not ours to show).
        long manual = createTask(org, Map.of("element", "mission", "reason", "MANUAL", "dueDate", "2027-02-01")).jsonPath().getLong("id");
        String other = newOrganization("remindgoal");
        long foreignGoal = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("kind", "STRATEGIC", "title", "Geheim doel", "serves", List.of("vision")))
                .post("/api/v1/organizations/" + other + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        long foreign = createTask(org, Map.of("element", "values", "reason", "GOAL_REACHED", "dueDate", "2027-03-01",
                "sourceKey", "goal:" + foreignGoal + ":values", "goalId", foreignGoal)).jsonPath().getLong("id");

        JsonPath list = asAdmin().get(tasks(org)).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.id", Long.class)).containsExactly(task, manual, foreign);
        assertThat(list.getList("items.goalTitle")).containsExactly("Inclusief wonen", null, null);
        assertThat(list.getList("items[0].reminders.id", Integer.class)).isEqualTo(order);
        assertThat(list.getList("items[1].reminders")).isEmpty();
    }

    @Test
    void theSchedulerListsTheOpenTasksOfEveryOrganisationPageByPage() {
        String first = newOrganization("allopen");
        String second = newOrganization("allopen");
        long firstTask = openTask(first);
        long secondTask = openTask(second);
        long closedTask = createTask(second, Map.of("element", "mission", "reason", "MANUAL", "dueDate", "2027-01-01")).jsonPath().getLong("id");
        asAdmin().contentType(ContentType.JSON).post(tasks(second) + "/" + closedTask + "/cancel").then().statusCode(200);
        record(asAdmin(), first, firstTask, "UPCOMING", "EMAIL", List.of(AN)).then().statusCode(201);
        String service = TestKeys.platformKey("service").key();

        Response onePerPage = as(service).get("/api/v1/review-tasks?status=OPEN&page=0&size=1");
        onePerPage.then().statusCode(200).body("size", equalTo(1)).body("page", equalTo(0));
        assertThat(onePerPage.jsonPath().getList("items")).hasSize(1);
        assertThat(onePerPage.jsonPath().getLong("total")).isGreaterThanOrEqualTo(2);
        String next = links(onePerPage.header("Link")).get("next");
        assertThat(next).contains("page=1").contains("size=1").contains("status=OPEN");
        as(service).get(next).then().statusCode(200).body("page", equalTo(1));

        // Walk every page: both organisations' open tasks are there, with their organisation and reminders; the cancelled one is not.
        Map<Long, Map<String, Object>> seen = new HashMap<>();
        String page = "/api/v1/review-tasks?status=OPEN&size=200";
        while (page != null) {
            Response response = as(service).get(page);
            response.then().statusCode(200);
            List<Map<String, Object>> items = response.jsonPath().getList("items");
            items.forEach(item -> seen.put(((Number) item.get("id")).longValue(), item));
            assertThat(items).allSatisfy(item -> assertThat(item.get("status")).isEqualTo("OPEN"));
            page = links(response.header("Link")).get("next");
        }
        assertThat(seen).containsKeys(firstTask, secondTask).doesNotContainKey(closedTask);
        assertThat(seen.get(firstTask)).containsEntry("organization", first);
        assertThat(seen.get(secondTask)).containsEntry("organization", second).containsEntry("reminders", List.of());
        assertThat((List<?>) seen.get(firstTask).get("reminders")).hasSize(1);

        as(service).get("/api/v1/review-tasks?status=SOMETIMES").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as(service).get("/api/v1/review-tasks?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        // Nobody of one organisation lists every organisation's tasks.
        assertProblem(as(TestKeys.organizationKey(first, "admin").key()).get("/api/v1/review-tasks"), 403, "forbidden");
    }

    @Test
    void theServiceRoleReadsAnOrganisationAndRecordsRemindersButChangesNothingElse() {
        String org = newOrganization("remindservice");
        long task = openTask(org);
        String service = TestKeys.platformKey("service").key();
        as(service).get("/api/v1/organizations/" + org).then().statusCode(200)
                .body("slug", equalTo(org)).body("name", equalTo("Test " + org)).body("defaultLanguage", equalTo("nl"));
        long id = record(as(service), org, task, "UPCOMING", "EMAIL", List.of(AN)).then().statusCode(201).extract().jsonPath().getLong("id");
        as(service).contentType(ContentType.JSON).body(Map.of("status", "SENT")).patch(reminders(org, task) + "/" + id)
                .then().statusCode(200).body("status", equalTo("SENT"));
        as(service).get(tasks(org) + "/" + task).then().statusCode(200).body("reminders[0].status", equalTo("SENT"));

        Map<String, Object> policy = Map.of("enabled", true, "cycle", "P1Y", "anchorDate", "2025-01-01", "onGoalReached", true,
                "remindBefore", "P30D", "escalateAfter", "P14D", "assignees", List.of(AN), "escalateTo", List.of());
        assertProblem(as(service).contentType(ContentType.JSON).body(policy).put("/api/v1/organizations/" + org + "/review-policies/vision"), 403);
        String etag = asAdmin().get("/api/v1/organizations/" + org).header("ETag");
        assertProblem(as(service).header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("name", "Overgenomen"))
                .patch("/api/v1/organizations/" + org), 403);
        asAdmin().get("/api/v1/organizations/" + org).then().body("name", equalTo("Test " + org));

        // People read reminders with the task; recording them is the scheduler's (and an admin's) business.
        String qualityManager = TestKeys.organizationKey(org, "quality-manager").key();
        as(qualityManager).get(reminders(org, task)).then().statusCode(200).body("total", equalTo(1));
        assertProblem(record(as(qualityManager), org, task, "DUE", "EMAIL", List.of(AN)), 403, "forbidden");
    }

    @Test
    void sendingAReminderWritesOneEventAndEveryRecordIsAudited() {
        String org = newOrganization("remindevent");
        long task = openTask(org);
        long id = record(asAdmin(), org, task, "OVERDUE", "EMAIL", List.of(AN, BERT)).jsonPath().getLong("id");
        patch(org, task, id, Map.of("status", "FAILED", "error", "SMTP 421")).then().statusCode(200);
        assertThat(reminded(org)).isEmpty();
        patch(org, task, id, Map.of("status", "SENT")).then().statusCode(200);
        patch(org, task, id, Map.of("status", "SENT")).then().statusCode(409);

        List<Map<String, Object>> events = reminded(org);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("organization", org);
        @SuppressWarnings("unchecked") Map<String, Object> data = (Map<String, Object>) events.get(0).get("data");
        assertThat(data).containsEntry("taskId", (int) task).containsEntry("element", "vision").containsEntry("kind", "OVERDUE")
                .containsEntry("channel", "EMAIL").containsEntry("recipients", 2);

        asAdmin().get("/api/v1/organizations/" + org + "/audit-log?action=reviewTask.recordReminder").then().statusCode(200)
                .body("items.status", equalTo(List.of(201)))
                .body("items[0].target", endsWith(reminders(org, task)));
        asAdmin().get("/api/v1/organizations/" + org + "/audit-log?action=reviewTask.updateReminder").then().statusCode(200)
                .body("items.status", hasItem(409)).body("total", equalTo(3))
                .body("items[0].target", containsString("/reminders/" + id));
    }

    @Test
    void theContractIsInTheOpenApiDocument() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String reminders = "paths.'/api/v1/organizations/{org}/review-tasks/{id}/reminders'";
        String reminder = "paths.'/api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}'";
        assertThat(document.getMap(reminders + ".post.responses")).containsKeys("201", "400", "404", "409");
        assertThat(document.getMap(reminders + ".get.responses")).containsKeys("200", "404");
        assertThat(document.getMap(reminder + ".patch.responses")).containsKeys("200", "400", "404", "409", "415");
        assertThat(document.getMap(reminder + ".get.responses")).containsKeys("200", "404");
        // The scheduler reads the existing reminder from a 409: the example shows where.
        assertThat(document.getString(reminders + ".post.responses.'409'.content.'application/problem+json'.example.reminder.status")).isEqualTo("SENT");
        // OpenAPI 3.0 writes a reference that has a description of its own as a one-element allOf.
        assertThat(document.getString("components.schemas.UpdateReminder.properties.status.allOf[0].$ref")).endsWith("/ReminderOutcome");
        assertThat(document.getList("components.schemas.ReminderOutcome.enum")).containsExactly("SENT", "FAILED");
        assertThat(document.getList("components.schemas.ReminderStatus.enum")).containsExactly("PENDING", "SENT", "FAILED");
        assertThat(document.getMap("components.schemas.ReviewTask.properties")).containsKeys("goalTitle", "reminders");
        assertThat(document.getMap("components.schemas.ReviewReminder.properties")).containsKeys("id", "kind", "channel", "recipients",
                "status", "attempts", "lastError", "recordedBy", "recordedAt", "sentAt");
        assertThat(document.getMap("paths.'/api/v1/review-tasks'.get.responses")).containsKeys("200", "400", "403");
    }

    // --- helpers ---

    private static List<Map<String, Object>> reminded(String org) {
        List<Map<String, Object>> items = asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(event -> "review-task.reminded".equals(event.get("type"))).toList();
    }

    private static String tasks(String org) {
        return "/api/v1/organizations/" + org + "/review-tasks";
    }

    private static String reminders(String org, long task) {
        return tasks(org) + "/" + task + "/reminders";
    }

    private static long openTask(String org) {
        return createTask(org, Map.of("element", "vision", "reason", "CYCLE", "dueDate", "2027-01-01", "sourceKey", "cycle:vision:2027-01-01"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Response createTask(String org, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(tasks(org)).then().extract().response();
    }

    private static Response record(RequestSpecification as, String org, long task, String kind, String channel, List<Map<String, Object>> recipients) {
        return as.contentType(ContentType.JSON).body(Map.of("kind", kind, "channel", channel, "recipients", recipients))
                .post(reminders(org, task)).then().extract().response();
    }

    private static Response patch(String org, long task, long reminder, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).patch(reminders(org, task) + "/" + reminder).then().extract().response();
    }
}
