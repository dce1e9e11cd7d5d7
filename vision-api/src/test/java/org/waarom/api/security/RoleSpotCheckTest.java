package org.waarom.api.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * The roles over HTTP (docs/api-guide.md#credentials-and-roles): per role a read it may do, a change it may make (its
 * success status) and a change it may not (403 problem+json, and nothing changed), all in one organisation with one
 * API key per role. Which role may call which endpoint is checked for every endpoint by {@link PermissionTableTest};
 * these cases show that the access filter applies that table to real requests.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RoleSpotCheckTest {

    private static String org;
    private static Map<String, TestKeys.IssuedKey> keys;
    /** The values draft (version 1) that the approver adopts, and its ETag. */
    private static String valuesDraftTag;
    /** An open review task of the organisation, for the scheduler's reminders. */
    private static long openTask;

    @BeforeEach
    void organisationWithAKeyPerRole() {
        if (org != null) {
            return;
        }
        org = newOrganization("roles");
        // The mission is adopted, so that references can cite it; the values are a draft waiting for adoption.
        draft(org, "mission", statement("Wij ondersteunen mensen."));
        adopt(org, "mission", 1, null);
        valuesDraftTag = draft(org, "values", values(value("respect", "Respect", "We vragen eerst."))).header("ETag");
        openTask = asAdmin().contentType(ContentType.JSON).body(Map.of("element", "mission", "reason", "MANUAL", "dueDate", "2027-01-01"))
                .post(path("/review-tasks")).then().statusCode(201).extract().jsonPath().getLong("id");
        keys = Map.of(
                "admin", TestKeys.organizationKey(org, "admin"),
                "editor", TestKeys.organizationKey(org, "editor"),
                "approver", TestKeys.organizationKey(org, "approver"),
                "quality-manager", TestKeys.organizationKey(org, "quality-manager"),
                "contributor", TestKeys.organizationKey(org, "contributor"),
                "reader", TestKeys.organizationKey(org, "reader"),
                "platform-admin", TestKeys.platformKey("platform-admin"),
                "service", TestKeys.platformKey("service"));
    }

    @Test
    void anAdminManagesItsOrganisationButNotThePlatform() {
        TestKeys.IssuedKey admin = keys.get("admin");
        as(admin.key()).get(path("/audit-log")).then().statusCode(200);
        as(admin.key()).contentType(ContentType.JSON).body(Map.of("name", "intranet", "roles", List.of("reader")))
                .post(path("/api-keys")).then().statusCode(201);

        String slug = org + "-by-admin";
        expectForbidden(as(admin.key()).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Eigen initiatief"))
                .post("/api/v1/organizations"));
        asAdmin().get("/api/v1/organizations/" + slug).then().statusCode(404);
        expectForbidden(as(admin.key()).contentType(ContentType.JSON).body(Map.of("name", slug, "roles", List.of("service")))
                .post("/api/v1/api-keys"));
        asAdmin().queryParam("size", 200).get("/api/v1/api-keys").then().statusCode(200).body("items.name", not(hasItem(slug)));
    }

    @Test
    void anEditorDraftsButDoesNotAdopt() {
        TestKeys.IssuedKey editor = keys.get("editor");
        as(editor.key()).get(versions(org, "mission")).then().statusCode(200);
        String etag = as(editor.key()).contentType(ContentType.JSON).body(statement("Een samenleving waarin iedereen telt."))
                .post(versions(org, "vision")).then().statusCode(201).extract().header("ETag");

        expectForbidden(as(editor.key()).header("If-Match", etag).contentType(ContentType.JSON).post(versions(org, "vision") + "/1/adopt"));
        asAdmin().get(versions(org, "vision") + "/1").then().header("ETag", etag).body("status", equalTo("DRAFT"));
    }

    @Test
    void anApproverAdoptsButDoesNotDraft() {
        TestKeys.IssuedKey approver = keys.get("approver");
        as(approver.key()).get("/api/v1/organizations/" + org + "/elements").then().statusCode(200);
        as(approver.key()).header("If-Match", valuesDraftTag).contentType(ContentType.JSON).post(versions(org, "values") + "/1/adopt")
                .then().statusCode(200).body("adoptedBy", equalTo(approver.name()));

        expectUnchanged(() -> asAdmin().get(versions(org, "strategy")).asString(),
                () -> as(approver.key()).contentType(ContentType.JSON).body(statement("Kleinschalig.")).post(versions(org, "strategy")));
    }

    @Test
    void aQualityManagerManagesReviewsButNotTheText() {
        TestKeys.IssuedKey qualityManager = keys.get("quality-manager");
        as(qualityManager.key()).get(path("/review-tasks")).then().statusCode(200);
        as(qualityManager.key()).contentType(ContentType.JSON).body(Map.of("element", "values", "reason", "MANUAL", "dueDate", "2027-02-01"))
                .post(path("/review-tasks")).then().statusCode(201);

        expectUnchanged(() -> asAdmin().get(versions(org, "strategy")).asString(),
                () -> as(qualityManager.key()).contentType(ContentType.JSON).body(statement("Kleinschalig.")).post(versions(org, "strategy")));
    }

    @Test
    void aContributorRecordsReferencesButManagesNothing() {
        TestKeys.IssuedKey contributor = keys.get("contributor");
        as(contributor.key()).get(path("/references")).then().statusCode(200);
        as(contributor.key()).contentType(ContentType.JSON).body(reference("Teamoverleg")).post(path("/references")).then().statusCode(201);

        expectUnchanged(() -> asAdmin().queryParam("size", 200).get(path("/review-tasks")).asString(),
                () -> as(contributor.key()).contentType(ContentType.JSON)
                        .body(Map.of("element", "values", "reason", "MANUAL", "dueDate", "2027-03-01")).post(path("/review-tasks")));
    }

    @Test
    void aReaderReadsAndKeepsItsOwnCalendarFeedButRecordsNoReference() {
        TestKeys.IssuedKey reader = keys.get("reader");
        as(reader.key()).get("/api/v1/organizations/" + org + "/elements/mission").then().statusCode(200);
        as(reader.key()).contentType(ContentType.JSON).body(Map.of("name", "Outlook")).post(path("/calendar-feeds")).then().statusCode(201);

        expectUnchanged(() -> asAdmin().queryParam("size", 200).get(path("/references")).asString(),
                () -> as(reader.key()).contentType(ContentType.JSON).body(reference("Van het intranet")).post(path("/references")));
    }

    @Test
    void thePlatformAdminMayDoEverythingInEveryOrganisation() {
        TestKeys.IssuedKey platformAdmin = keys.get("platform-admin");
        as(platformAdmin.key()).get(path("/audit-log")).then().statusCode(200);
        as(platformAdmin.key()).contentType(ContentType.JSON).body(Map.of("slug", org + "-platform", "name", "Nieuw"))
                .post("/api/v1/organizations").then().statusCode(201);
        // What only an organisation's admin does there: change it, and change a reference someone else recorded.
        as(platformAdmin.key()).header("If-Match", asAdmin().get("/api/v1/organizations/" + org).header("ETag"))
                .contentType("application/merge-patch+json").body(Map.of("name", "Zorg A")).patch("/api/v1/organizations/" + org)
                .then().statusCode(200).body("name", equalTo("Zorg A"));
        String reference = path("/references/") + as(keys.get("contributor").key()).contentType(ContentType.JSON)
                .body(reference("Verslag van een ander")).post(path("/references")).then().statusCode(201).extract().jsonPath().getLong("id");
        as(platformAdmin.key()).header("If-Match", asAdmin().get(reference).header("ETag")).contentType(ContentType.JSON)
                .body(reference("Herwerkt")).put(reference).then().statusCode(200).body("title", equalTo("Herwerkt"));
    }

    @Test
    void theServiceDoesWhatTheSchedulerNeedsAndNothingElse() {
        TestKeys.IssuedKey service = keys.get("service");
        as(service.key()).get("/api/v1/organizations/" + org).then().statusCode(200);
        as(service.key()).queryParam("status", "OPEN").get("/api/v1/review-tasks").then().statusCode(200);
        as(service.key()).contentType(ContentType.JSON)
                .body(Map.of("kind", "UPCOMING", "channel", "EMAIL", "recipients", List.of(Map.of("email", "an@zorg-a.be"))))
                .post(path("/review-tasks/" + openTask + "/reminders")).then().statusCode(201);

        // It sees every organisation, so what it may not do is 403, not 404.
        expectUnchanged(() -> asAdmin().get(versions(org, "strategy")).asString(),
                () -> as(service.key()).contentType(ContentType.JSON).body(statement("Kleinschalig.")).post(versions(org, "strategy")));
        // No calendar feed for the scheduler: it has no calendar.
        expectUnchanged(() -> asAdmin().get(path("/calendar-feeds")).asString(),
                () -> as(service.key()).contentType(ContentType.JSON).body(Map.of("name", "Quartz")).post(path("/calendar-feeds")));
    }

    @Test
    void rolesOfOneKeyAddUp() {
        String own = newOrganization("roles-sum");
        TestKeys.IssuedKey editorAndApprover = TestKeys.organizationKey(own, "editor", "approver");
        String etag = as(editorAndApprover.key()).contentType(ContentType.JSON).body(statement("Samen."))
                .post(versions(own, "mission")).then().statusCode(201).extract().header("ETag");
        as(editorAndApprover.key()).header("If-Match", etag).contentType(ContentType.JSON).post(versions(own, "mission") + "/1/adopt")
                .then().statusCode(200).body("adoptedBy", equalTo(editorAndApprover.name()));
        // Still no admin: keys and the audit log stay closed.
        expectForbidden(as(editorAndApprover.key()).get("/api/v1/organizations/" + own + "/api-keys"));
        expectForbidden(as(editorAndApprover.key()).get("/api/v1/organizations/" + own + "/audit-log"));
    }

    /** Refused with 403 problem+json, and what {@code state} reads is the same after the attempt as before. */
    private static void expectUnchanged(Supplier<String> state, Supplier<Response> attempt) {
        String before = state.get();
        expectForbidden(attempt.get());
        assertThat(state.get()).isEqualTo(before);
    }

    private static void expectForbidden(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://waarom.org/problems/forbidden");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(403);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }

    private static String path(String rest) {
        return "/api/v1/organizations/" + org + rest;
    }

    /** A reference that cites the (adopted) mission today. */
    private static Map<String, Object> reference(String title) {
        return Map.of("kind", "TEAM_MEETING", "title", title, "date", LocalDate.now(ZoneOffset.UTC).toString(),
                "rationale", "Past in onze missie.", "cites", List.of(Map.of("element", "mission")));
    }
}
