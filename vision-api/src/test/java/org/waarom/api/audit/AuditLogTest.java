package org.waarom.api.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.api.security.TestTokens;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * The audit log (docs/api-guide.md#credentials-and-roles, issue 3): every state-changing request records actor,
 * credential, action, target, time and outcome; organisation admins read it, paginated and
 * filterable by action and time.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AuditLogTest {

    @Test
    void adoptingAVersionIsRecordedWithWhoWhatWhenAndHowItEnded() {
        String org = newOrganization("audit");
        TestKeys.IssuedKey admin = TestKeys.organizationKey(org, "admin");
        String etag = as(admin.key()).contentType(ContentType.JSON).body(statement("Vastgelegd."))
                .post(versions(org, "vision")).then().statusCode(201).extract().header("ETag");
        Instant before = Instant.now().minusSeconds(1);
        as(admin.key()).header("If-Match", etag).contentType(ContentType.JSON)
                .post(versions(org, "vision") + "/1/adopt").then().statusCode(200);
        Instant after = Instant.now().plusSeconds(1);

        Map<String, Object> entry = only(entries(org, "action=element.adopt"));
        assertThat(entry).containsEntry("actor", admin.name())
                .containsEntry("credential", "key:" + admin.id())
                .containsEntry("action", "element.adopt")
                .containsEntry("method", "POST")
                .containsEntry("target", "/api/v1/organizations/" + org + "/elements/vision/versions/1/adopt")
                .containsEntry("status", 200)
                .containsEntry("outcome", "SUCCEEDED");
        assertThat(Instant.parse((String) entry.get("occurredAt"))).isBetween(before, after);

        Map<String, Object> draft = only(entries(org, "action=element.create"));
        assertThat(draft).containsEntry("status", 201).containsEntry("outcome", "SUCCEEDED")
                .containsEntry("target", versions(org, "vision"));
    }

    @Test
    void aProbeOfAnotherOrganisationIsNotShownInThatOrganisationsLog() {
        String target = newOrganization("probed");
        String prober = newOrganization("prober");
        TestKeys.IssuedKey proberAdmin = TestKeys.organizationKey(prober, "admin");
        as(proberAdmin.key()).contentType(ContentType.JSON).body(statement("Niet van jou."))
                .post(versions(target, "vision")).then().statusCode(404);
        assertThat(entries(target, "action=element.create")).isEmpty();
        assertThat(entries(target, "")).allSatisfy(entry -> assertThat(entry).doesNotContainEntry("actor", proberAdmin.name()));
    }

    @Test
    void creatingAKeyIsRecordedAndATokenIsRecordedByItsSubject() {
        String org = newOrganization("auditkey");
        TestKeys.IssuedKey admin = TestKeys.organizationKey(org, "admin");
        long created = as(admin.key()).contentType(ContentType.JSON).body(Map.of("name", "hr-system", "roles", List.of("reader")))
                .post("/api/v1/organizations/" + org + "/api-keys").then().statusCode(201).extract().jsonPath().getLong("id");

        List<Map<String, Object>> creations = entries(org, "action=apiKey.create");
        // The operator created the admin key, the admin created hr-system: newest first.
        assertThat(creations).hasSize(2);
        assertThat(creations.get(0)).containsEntry("actor", admin.name())
                .containsEntry("credential", "key:" + admin.id())
                .containsEntry("method", "POST")
                .containsEntry("target", "/api/v1/organizations/" + org + "/api-keys")
                .containsEntry("status", 201)
                .containsEntry("outcome", "SUCCEEDED");
        assertThat(creations.get(1)).containsEntry("actor", "bootstrap-admin");
        assertThat(creations.toString()).doesNotContain("wrm_");

        String token = TestTokens.token("kc-7f3a").claim("preferred_username", "an.peeters").groups("waarom:" + org + ":admin").sign();
        as(token).delete("/api/v1/organizations/" + org + "/api-keys/" + created).then().statusCode(204);
        assertThat(only(entries(org, "action=apiKey.revoke"))).containsEntry("actor", "an.peeters")
                .containsEntry("credential", "token:kc-7f3a")
                .containsEntry("method", "DELETE")
                .containsEntry("target", "/api/v1/organizations/" + org + "/api-keys/" + created)
                .containsEntry("status", 204)
                .containsEntry("outcome", "SUCCEEDED");
    }

    @Test
    void refusedAndFailedAttemptsAreRecordedToo() {
        String org = newOrganization("auditdeny");
        TestKeys.IssuedKey reader = TestKeys.organizationKey(org, "reader");
        TestKeys.IssuedKey editor = TestKeys.organizationKey(org, "editor");
        as(reader.key()).contentType(ContentType.JSON).body(statement("Mag niet.")).post(versions(org, "mission")).then().statusCode(403);

        Map<String, Object> denied = only(entries(org, "action=element.create"));
        assertThat(denied).containsEntry("actor", reader.name()).containsEntry("credential", "key:" + reader.id())
                .containsEntry("status", 403).containsEntry("outcome", "DENIED")
                .containsEntry("target", versions(org, "mission"));

        // A request that reached the rules and broke one: 428 without If-Match.
        as(editor.key()).contentType(ContentType.JSON).body(statement("Eerste.")).post(versions(org, "mission")).then().statusCode(201);
        as(editor.key()).contentType(ContentType.JSON).body(statement("Zonder If-Match.")).put(versions(org, "mission") + "/1")
                .then().statusCode(428);
        assertThat(only(entries(org, "action=element.update"))).containsEntry("actor", editor.name())
                .containsEntry("method", "PUT").containsEntry("status", 428).containsEntry("outcome", "FAILED");
    }

    @Test
    void readsAreNotRecorded() {
        String org = newOrganization("auditread");
        TestKeys.IssuedKey admin = TestKeys.organizationKey(org, "admin");
        as(admin.key()).contentType(ContentType.JSON).body(statement("Gelezen.")).post(versions(org, "vision")).then().statusCode(201);
        int total = log(as(admin.key()), org, "").path("total");
        assertThat(total).isEqualTo(2); // the key's creation and the draft

        as(admin.key()).get("/api/v1/organizations/" + org).then().statusCode(200);
        as(admin.key()).get("/api/v1/organizations/" + org + "/elements").then().statusCode(200);
        as(admin.key()).get(versions(org, "vision")).then().statusCode(200);
        as(admin.key()).get(versions(org, "vision") + "/1").then().statusCode(200);
        as(admin.key()).get(versions(org, "vision") + "/9").then().statusCode(404);
        as(admin.key()).get("/api/v1/organizations/" + org + "/api-keys").then().statusCode(200);
        as(admin.key()).get("/api/v1/me").then().statusCode(200);

        log(as(admin.key()), org, "").then().body("total", equalTo(total));
    }

    @Test
    void theLogFiltersByActionAndTime() {
        String org = newOrganization("auditfilter");
        TestKeys.IssuedKey admin = TestKeys.organizationKey(org, "admin");
        for (String type : List.of("mission", "vision", "values", "strategy")) {
            Object body = type.equals("values")
                    ? Map.of("content", Map.of("items", List.of(Map.of("key", "respect", "title", "Respect", "behaviours", List.of("We luisteren.")))), "changeReason", "t")
                    : statement("Tekst voor " + type + ".");
            String etag = as(admin.key()).contentType(ContentType.JSON).body(body).post(versions(org, type))
                    .then().statusCode(201).extract().header("ETag");
            as(admin.key()).header("If-Match", etag).contentType(ContentType.JSON).post(versions(org, type) + "/1/adopt").then().statusCode(200);
        }
        List<Map<String, Object>> all = entries(org, "");
        assertThat(all).hasSize(9); // the key, four drafts, four adoptions
        assertThat(entries(org, "action=element.adopt")).hasSize(4)
                .allSatisfy(entry -> assertThat(entry).containsEntry("action", "element.adopt"));
        assertThat(entries(org, "action=element.withdraw")).isEmpty();

        // Newest first; from is inclusive, to exclusive.
        assertThat(all).isSortedAccordingTo(Comparator.comparing((Map<String, Object> entry) -> Instant.parse((String) entry.get("occurredAt"))).reversed());
        String middle = (String) all.get(4).get("occurredAt");
        Instant pivot = Instant.parse(middle);
        assertThat(ids(entries(org, "from=" + middle))).containsExactlyElementsOf(ids(all.stream()
                .filter(entry -> !Instant.parse((String) entry.get("occurredAt")).isBefore(pivot)).toList()));
        assertThat(ids(entries(org, "to=" + middle))).containsExactlyElementsOf(ids(all.stream()
                .filter(entry -> Instant.parse((String) entry.get("occurredAt")).isBefore(pivot)).toList()));
        assertThat(ids(entries(org, "action=element.adopt&to=" + middle))).containsExactlyElementsOf(ids(all.stream()
                .filter(entry -> entry.get("action").equals("element.adopt"))
                .filter(entry -> Instant.parse((String) entry.get("occurredAt")).isBefore(pivot)).toList()));
        assertThat(entries(org, "from=" + middle + "&to=" + middle)).isEmpty();
        assertThat(entries(org, "from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z")).isEmpty();

        log(asAdmin(), org, "from=yesterday").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("from"));
        log(asAdmin(), org, "to=2026-13-01").then().statusCode(400).body("errors.field", contains("to"));
    }

    @Test
    void theLogIsPaginatedWithLinks() {
        String org = newOrganization("auditpage");
        for (int i = 0; i < 4; i++) {
            TestKeys.organizationKey(org, "reader");
        }
        Response first = log(asAdmin(), org, "size=3");
        first.then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(3)).body("total", equalTo(4))
                .body("items.size()", equalTo(3));
        assertThat(first.header("Link")).contains("rel=\"next\"").contains("page=1");
        Response second = log(asAdmin(), org, "size=3&page=1");
        second.then().statusCode(200).body("items.size()", equalTo(1));
        assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        List<Integer> firstIds = first.path("items.id");
        List<Integer> secondIds = second.path("items.id");
        assertThat(firstIds).doesNotContainAnyElementsOf(secondIds);
        assertThat(Math.min(firstIds.get(0), firstIds.get(2))).isGreaterThan(secondIds.get(0));
        log(asAdmin(), org, "size=201").then().statusCode(400);
    }

    @Test
    void onlyTheOrganisationsAdminReadsItsLog() {
        String org = newOrganization("auditread2");
        String other = newOrganization("auditother");
        TestKeys.IssuedKey reader = TestKeys.organizationKey(org, "reader");
        TestKeys.IssuedKey editor = TestKeys.organizationKey(org, "editor");
        TestKeys.IssuedKey otherAdmin = TestKeys.organizationKey(other, "admin");

        log(as(reader.key()), org, "").then().statusCode(403).contentType("application/problem+json").body("type", endsWith("/forbidden"));
        log(as(editor.key()), org, "").then().statusCode(403);
        log(as(otherAdmin.key()), org, "").then().statusCode(404).body("detail", equalTo("There is no organisation '" + org + "'"));
        log(as(TestKeys.platformKey("service").key()), org, "").then().statusCode(403);
        log(as(TestKeys.organizationKey(org, "admin").key()), org, "").then().statusCode(200);
        // Each organisation's log holds only its own requests.
        assertThat(entries(org, "size=200")).allSatisfy(entry ->
                assertThat((String) entry.get("target")).startsWith("/api/v1/organizations/" + org + "/"));
        assertThat(entries(other, "size=200")).allSatisfy(entry ->
                assertThat((String) entry.get("target")).startsWith("/api/v1/organizations/" + other + "/"));
    }

    private static Response log(io.restassured.specification.RequestSpecification as, String org, String query) {
        return as.get("/api/v1/organizations/" + org + "/audit-log" + (query.isEmpty() ? "" : "?" + query));
    }

    /** The organisation's entries as the operator reads them (all on one page). */
    private static List<Map<String, Object>> entries(String org, String query) {
        String withSize = query.contains("size=") ? query : (query.isEmpty() ? "size=200" : query + "&size=200");
        return log(asAdmin(), org, withSize).then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static List<Object> ids(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> entry.get("id")).toList();
    }
}
