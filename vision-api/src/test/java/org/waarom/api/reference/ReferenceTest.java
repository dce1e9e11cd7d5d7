package org.waarom.api.reference;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.api.security.TestTokens;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;

/** References, "how does this fit our vision?" (issue 8): cites against the version of their date, queries, rules and the review they feed. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ReferenceTest {

    /**
     * Values version 1 (respect, trust) in effect from 2024-01-01, version 2 (respect, care) from 2025-01-01:
     * trust was removed, respect kept with a new description.
     */
    private static String organizationWithValuesHistory() {
        String org = newOrganization("refs");
        draft(org, "values", values(
                Map.of("key", "respect", "title", "Respect", "description", "We start from what the person wants.", "behaviours", List.of("We knock.")),
                value("trust", "Trust", "We keep our word.")));
        adopt(org, "values", 1, "2024-01-01T00:00:00Z");
        draft(org, "values", values(
                Map.of("key", "respect", "title", "Respect", "description", "We ask before we act.", "behaviours", List.of("We knock.")),
                value("care", "Care", "We look after each other.")));
        adopt(org, "values", 2, "2025-01-01T00:00:00Z");
        return org;
    }

    @Test
    void citesReadWithTheTextOfTheirDateAndAWarningWhenTheItemIsGone() {
        String org = organizationWithValuesHistory();
        Response trust = record(org, reference("COMPLAINT", "Broken promise", "2024-06-01", cite("values", "trust")));
        trust.then().statusCode(201)
                .header("Location", endsWith("/api/v1/organizations/" + org + "/references/" + trust.jsonPath().getLong("id")))
                .header("ETag", notNullValue())
                .body("kind", equalTo("COMPLAINT")).body("date", equalTo("2024-06-01"))
                .body("cites[0].element", equalTo("values")).body("cites[0].item", equalTo("trust"))
                .body("cites[0].version", equalTo(1)).body("cites[0].title", equalTo("Trust"))
                .body("cites[0].currentVersion", equalTo(2))
                .body("cites[0].itemRemoved", equalTo(true))
                .body("cites[0].warning", equalTo("Item 'trust' no longer exists in the current values (version 2)"));
        // Kept in version 2: no warning, and the text is still the one of its date.
        record(org, reference("CASE_DISCUSSION", "Case of J.", "2024-06-02", cite("values", "respect"))).then().statusCode(201)
                .body("cites[0].version", equalTo(1)).body("cites[0].text", equalTo("We start from what the person wants."))
                .body("cites[0].itemRemoved", equalTo(false)).body("cites[0].warning", nullValue());
        // After the adoption of version 2 the same item is cited in version 2, with its text then.
        long later = record(org, reference("TEAM_MEETING", "Morning round", "2025-02-01", cite("values", "respect")))
                .then().statusCode(201).body("cites[0].version", equalTo(2)).body("cites[0].text", equalTo("We ask before we act."))
                .extract().jsonPath().getLong("id");
        // The day version 2 took effect counts for version 2 (the version in effect at the end of that day).
        record(org, reference("TEAM_MEETING", "New year", "2025-01-01", cite("values", "care"))).then().statusCode(201)
                .body("cites[0].version", equalTo(2));
        asAdmin().get("/api/v1/organizations/" + org + "/references/" + trust.jsonPath().getLong("id")).then().statusCode(200)
                .header("ETag", equalTo(trust.header("ETag"))).body("cites[0].itemRemoved", equalTo(true));
        asAdmin().header("If-None-Match", trust.header("ETag")).get("/api/v1/organizations/" + org + "/references/" + trust.jsonPath().getLong("id"))
                .then().statusCode(304);

        // "Which decisions cite value respect?" — across versions 1 and 2, newest date first.
        asAdmin().queryParam("element", "values").queryParam("item", "respect").get("/api/v1/organizations/" + org + "/references")
                .then().statusCode(200).body("total", equalTo(2)).body("items.title", contains("Morning round", "Case of J."))
                .body("items[0].id", equalTo((int) later));
    }

    @Test
    void referencesAreFilteredByWhatTheyCiteTheirKindAndTheirDate() {
        String org = organizationWithValuesHistory();
        draft(org, "vision", statement("Everyone belongs."));
        adopt(org, "vision", 1, "2024-01-01T00:00:00Z");
        record(org, reference("COMPLAINT", "A", "2024-03-01", cite("values", "respect"))).then().statusCode(201);
        record(org, reference("POLICY_DECISION", "B", "2024-09-01", cite("vision", null), cite("values", "trust"))).then().statusCode(201);
        record(org, reference("COMPLAINT", "C", "2025-03-01", cite("values", "care"))).then().statusCode(201);
        String references = "/api/v1/organizations/" + org + "/references";

        asAdmin().get(references).then().body("total", equalTo(3)).body("items.title", contains("C", "B", "A"));
        asAdmin().queryParam("element", "values").get(references).then().body("items.title", contains("C", "B", "A"));
        asAdmin().queryParam("element", "vision").get(references).then().body("items.title", contains("B"))
                .body("items[0].cites.element", contains("vision", "values"))
                .body("items[0].cites[0].item", nullValue()).body("items[0].cites[0].text", equalTo("Everyone belongs."));
        asAdmin().queryParam("kind", "COMPLAINT").get(references).then().body("items.title", contains("C", "A"));
        asAdmin().queryParam("from", "2024-03-02").queryParam("to", "2025-03-01").get(references).then().body("items.title", contains("C", "B"));
        asAdmin().queryParam("element", "values").queryParam("item", "trust").queryParam("kind", "POLICY_DECISION").get(references)
                .then().body("items.title", contains("B"));
        asAdmin().queryParam("size", 1).queryParam("page", 1).get(references).then().body("items.title", contains("B")).body("total", equalTo(3));

        for (Map.Entry<String, String> bad : Map.of("element", "principles", "kind", "MEMO", "from", "01-03-2024", "item", "respect").entrySet()) {
            Response response = asAdmin().queryParam(bad.getKey(), bad.getValue()).get(references);
            assertProblem(response, 400);
            assertThat(errorFields(response)).as(bad.getKey()).containsExactly(bad.getKey());
        }
        Response emptyPeriod = asAdmin().queryParam("from", "2025-01-01").queryParam("to", "2024-01-01").get(references);
        assertProblem(emptyPeriod, 400);
        assertThat(errorFields(emptyPeriod)).containsExactly("to");
    }

    @Test
    void aReferenceCitesOnlyWhatExistedOnItsDate() {
        String org = organizationWithValuesHistory();
        expectInvalid(org, reference("COMPLAINT", "Gone", "2025-02-01", cite("values", "trust")), "cites[0].item");
        expectInvalid(org, reference("COMPLAINT", "Not yet", "2024-06-01", cite("values", "care")), "cites[0].item");
        expectInvalid(org, reference("COMPLAINT", "Before adoption", "2023-12-31", cite("values", "respect")), "cites[0].element");
        expectInvalid(org, reference("COMPLAINT", "Never adopted", "2025-02-01", cite("mission", null)), "cites[0].element");
        expectInvalid(org, reference("COMPLAINT", "Unknown element", "2025-02-01", cite("principles", null)), "cites[0].element");
        expectInvalid(org, reference("COMPLAINT", "Twice", "2025-02-01", cite("values", "care"), cite("values", "care")), "cites[1]");
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        expectInvalid(org, reference("COMPLAINT", "Future", tomorrow, cite("values", "care")), "date");
        Map<String, Object> badLink = new HashMap<>(reference("COMPLAINT", "Link", "2025-02-01", cite("values", "care")));
        badLink.put("link", "javascript:alert(1)");
        expectInvalid(org, badLink, "link");
        Map<String, Object> noCites = new HashMap<>(reference("COMPLAINT", "Nothing", "2025-02-01"));
        expectInvalid(org, noCites, "cites");
        Map<String, Object> noRationale = new HashMap<>(reference("COMPLAINT", "Why?", "2025-02-01", cite("values", "care")));
        noRationale.remove("rationale");
        expectInvalid(org, noRationale, "rationale");
        assertProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "MEMO")).post("/api/v1/organizations/" + org + "/references"), 400);
        asAdmin().get("/api/v1/organizations/" + org + "/references").then().body("total", equalTo(0));
        assertProblem(asAdmin().get("/api/v1/organizations/" + org + "/references/12345678"), 404, "not-found");
        assertProblem(asAdmin().get("/api/v1/organizations/" + org + "/references/abc"), 404, "not-found");
    }

    @Test
    void onlyItsAuthorOrAnAdminChangesAReference() {
        String org = organizationWithValuesHistory();
        String author = TestTokens.token("ilse").groups("waarom:" + org + ":contributor").sign();
        String colleague = TestTokens.token("jan").groups("waarom:" + org + ":editor").sign();
        String references = "/api/v1/organizations/" + org + "/references";
        Response created = as(author).contentType(ContentType.JSON)
                .body(reference("TEAM_MEETING", "Menu", "2025-02-01", cite("values", "respect"))).post(references);
        created.then().statusCode(201).body("createdBy", equalTo("ilse@idp.test"));
        String one = references + "/" + created.jsonPath().getLong("id");

        assertProblem(as(author).contentType(ContentType.JSON).body(reference("TEAM_MEETING", "Menu 2", "2025-02-01", cite("values", "care")))
                .put(one), 428);
        assertProblem(as(author).header("If-Match", "\"stale\"").contentType(ContentType.JSON)
                .body(reference("TEAM_MEETING", "Menu 2", "2025-02-01", cite("values", "care"))).put(one), 412);
        assertProblem(as(colleague).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(reference("TEAM_MEETING", "Taken over", "2025-02-01", cite("values", "care"))).put(one), 403, "forbidden");
        assertProblem(as(colleague).delete(one), 403, "forbidden");
        // A change that breaks a rule changes nothing.
        assertProblem(as(author).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(reference("TEAM_MEETING", "Menu 2", "2024-02-01", cite("values", "care"))).put(one), 400);

        Response changed = as(author).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body(reference("TEAM_MEETING", "Menu 2", "2024-02-01", cite("values", "trust"), cite("values", "respect"))).put(one);
        changed.then().statusCode(200).body("title", equalTo("Menu 2"))
                .body("cites.item", contains("trust", "respect")).body("cites.version", contains(1, 1));
        assertThat(changed.header("ETag")).isNotEqualTo(created.header("ETag"));
        asAdmin().queryParam("element", "values").queryParam("item", "care").get(references).then().body("total", equalTo(0));

        TestKeys.IssuedKey admin = TestKeys.organizationKey(org, "admin");
        as(admin.key()).delete(one).then().statusCode(204);
        assertProblem(asAdmin().get(one), 404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(asAdmin().queryParam("limit", 500)
                .get("/api/v1/organizations/" + org + "/events").then().extract().jsonPath().getList("items.type", String.class))
                .containsSubsequence("reference.recorded", "reference.updated", "reference.deleted"));
    }

    @Test
    void anOpenReviewTaskCountsTheReferencesSinceTheLastAdoptionAndLinksToThem() {
        String org = newOrganization("refs-review");
        draft(org, "vision", statement("Everyone belongs."));
        adopt(org, "vision", 1, "2024-01-01T00:00:00Z");
        draft(org, "values", values(value("respect", "Respect", "We knock.")));
        adopt(org, "values", 1, "2024-01-01T00:00:00Z");
        record(org, reference("POLICY_DECISION", "Before", "2024-03-01", cite("vision", null))).then().statusCode(201);
        draft(org, "vision", statement("Everyone belongs, and takes part."));
        adopt(org, "vision", 2, "2025-01-01T00:00:00Z");
        record(org, reference("POLICY_DECISION", "After", "2025-02-01", cite("vision", null), cite("values", "respect"))).then().statusCode(201);
        record(org, reference("COMPLAINT", "Values only", "2025-02-02", cite("values", "respect"))).then().statusCode(201);
        record(org, reference("TEAM_MEETING", "Adoption day", "2025-01-01", cite("vision", null))).then().statusCode(201);

        String tasks = "/api/v1/organizations/" + org + "/review-tasks";
        long vision = asAdmin().contentType(ContentType.JSON).body(Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2027-01-01"))
                .post(tasks).then().statusCode(201)
                .body("references.since", equalTo("2025-01-01")).body("references.count", equalTo(2))
                .extract().jsonPath().getLong("id");
        String link = asAdmin().get(tasks + "/" + vision).then().statusCode(200)
                .body("references.count", equalTo(2))
                .body("references.link", equalTo("/api/v1/organizations/" + org + "/references?element=vision&from=2025-01-01"))
                .extract().path("references.link");
        asAdmin().get(link).then().statusCode(200).body("items.title", contains("After", "Adoption day"));
        // The list of tasks shows the same; a mission never adopted has nothing to show.
        asAdmin().contentType(ContentType.JSON).body(Map.of("element", "mission", "reason", "MANUAL", "dueDate", "2027-01-01"))
                .post(tasks).then().statusCode(201).body("references.since", nullValue()).body("references.count", equalTo(0));
        asAdmin().queryParam("element", "vision").get(tasks).then().body("items[0].references.count", equalTo(2));
        // Once the review is done it no longer collects.
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED")).post(tasks + "/" + vision + "/complete")
                .then().statusCode(200).body("references", nullValue());
    }

    // --- helpers ---

    private static Response record(String org, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/organizations/" + org + "/references");
    }

    private static void expectInvalid(String org, Map<String, Object> body, String field) {
        Response response = record(org, body);
        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).as(String.valueOf(body.get("title"))).containsExactly(field);
    }

    @SafeVarargs
    private static Map<String, Object> reference(String kind, String title, String date, Map<String, Object>... cites) {
        return Map.of("kind", kind, "title", title, "date", date, "rationale", "This is how it fits our vision.", "cites", List.of(cites));
    }

    private static Map<String, Object> cite(String element, String item) {
        Map<String, Object> cite = new HashMap<>();
        cite.put("element", element);
        if (item != null) {
            cite.put("item", item);
        }
        return cite;
    }
}
