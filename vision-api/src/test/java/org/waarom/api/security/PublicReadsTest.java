package org.waarom.api.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import static org.waarom.api.ApiTestSupport.versions;

/**
 * Public reads (issue 7): an organisation's admin may open its current mission, vision and values and its
 * vision document to everyone, for its website. Exactly those reads then answer without credentials, with
 * shared caching and CORS for any origin; everything else stays closed, and an unknown organisation looks
 * exactly like a private one.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class PublicReadsTest {

    private static final String WEBSITE = "https://www.zorg-a.be";
    private static final String INTRANET = "https://intranet.zorg-a.be";

    /** Every read tried without credentials, by what opens it ("" for reads nothing opens). */
    private static final Map<String, String> READS = new TreeMap<>(Map.ofEntries(
            Map.entry("/elements/mission", "mission"),
            Map.entry("/elements/vision", "vision"),
            Map.entry("/values/current", "values"),
            Map.entry("/values/current?lang=fr", "values"),
            Map.entry("/document", "document"),
            Map.entry("/document?lang=fr", "document"),
            Map.entry("", ""),
            Map.entry("/elements", ""),
            Map.entry("/elements/values", ""),
            Map.entry("/elements/strategy", ""),
            Map.entry("/elements/mission?asOf=2026-01-01", ""),
            Map.entry("/elements/mission/versions", ""),
            Map.entry("/elements/mission/versions/1", ""),
            Map.entry("/elements/mission/versions/1/translations", ""),
            Map.entry("/goals", ""),
            Map.entry("/review-tasks", ""),
            Map.entry("/review-policies", ""),
            Map.entry("/events", ""),
            Map.entry("/audit-log", ""),
            Map.entry("/api-keys", "")));

    @Test
    void anAdminOpensReadsAndTheOrganisationShowsWhich() {
        String org = newOrganization("pubpatch");
        organization(org).then().body("publicReads", equalTo(List.of()));

        // Any subset, in any order, repeats allowed: shown in one order.
        setPublicReads(org, List.of("document", "mission", "mission")).then().statusCode(200)
                .body("publicReads", equalTo(List.of("mission", "document")));
        organization(org).then().body("publicReads", equalTo(List.of("mission", "document")));
        // A change of something else leaves them as they are; [] closes them all.
        patch(org, Map.of("name", "Zorg met een website")).then().statusCode(200).body("publicReads", equalTo(List.of("mission", "document")));
        setPublicReads(org, List.of()).then().statusCode(200).body("publicReads", equalTo(List.of()));

        // Recorded like every change of an organisation: an event with the new state, an audit entry.
        JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> updates = feed.getList("items.findAll { it.type == 'organization.updated' }.data");
        assertThat(updates).extracting(data -> data.get("publicReads"))
                .containsExactly(List.of("mission", "document"), List.of("mission", "document"), List.of());
        assertThat(asAdmin().queryParam("action", "organization.update").get("/api/v1/organizations/" + org + "/audit-log")
                .then().statusCode(200).extract().jsonPath().getList("items.status", Integer.class)).containsExactly(200, 200, 200);
    }

    @Test
    void unknownOrInvalidPublicReadsAre400NamingEachOne() {
        String org = newOrganization("pubinvalid");
        Response unknown = setPublicReads(org, List.of("mission", "history", "Vision"));
        assertProblem(unknown, 400, "invalid-request");
        assertThat(errorFields(unknown)).containsExactlyInAnyOrder("publicReads[1]", "publicReads[2]");
        assertThat(unknown.asString()).contains("must be one of mission, vision, values, document");
        assertThat(errorFields(setPublicReads(org, List.of("mission", "vision", "values", "document", "strategy"))))
                .contains("publicReads");
        assertProblem(patch(org, Map.of("publicReads", "mission")), 400);
        assertProblem(patch(org, Map.of("publicReads", List.of(Map.of("read", "mission")))), 400);
        organization(org).then().body("publicReads", equalTo(List.of()));
    }

    @Test
    void onlyAnAdminOpensReads() {
        String org = newOrganization("pubroles");
        for (String role : List.of("editor", "approver", "quality-manager", "contributor", "reader")) {
            Response refused = as(TestKeys.organizationKey(org, role).key()).header("If-Match", organization(org).header("ETag"))
                    .contentType("application/merge-patch+json").body(Map.of("publicReads", List.of("mission"))).patch(organization(org, ""));
            assertProblem(refused, 403, "forbidden");
        }
        organization(org).then().body("publicReads", equalTo(List.of()));
    }

    @ParameterizedTest(name = "publicReads [{0}] opens exactly its own reads")
    @ValueSource(strings = {"mission", "vision", "values", "document"})
    void eachReadOpensExactlyItsOwnReadsAndNothingElse(String opened) {
        String org = everythingAdopted("pubeach");
        setPublicReads(org, List.of(opened)).then().statusCode(200);
        READS.forEach((read, openedBy) -> {
            Response answer = given().get(organization(org, read));
            if (openedBy.equals(opened)) {
                assertThat(answer.statusCode()).as(read + " with " + opened + " public").isEqualTo(200);
            } else {
                expectUnauthorized(answer, read + " with " + opened + " public");
            }
        });
    }

    @Test
    void withEveryReadOpenTheRestStaysClosed() {
        String org = everythingAdopted("puball");
        setPublicReads(org, List.of("mission", "vision", "values", "document")).then().statusCode(200);
        READS.forEach((read, openedBy) -> {
            Response answer = given().get(organization(org, read));
            if (openedBy.isEmpty()) {
                expectUnauthorized(answer, read + " with every read public");
            } else {
                assertThat(answer.statusCode()).as(read).isEqualTo(200);
            }
        });
        // All representations: CSV values, HTML and Markdown documents.
        given().accept("text/csv").get(organization(org, "/values/current")).then().statusCode(200).body(containsString("respect"));
        given().accept("text/html").get(organization(org, "/document")).then().statusCode(200).body(containsString("<html lang=\"nl\">"));
        given().accept("text/markdown").get(organization(org, "/document")).then().statusCode(200).body(containsString("## Missie"));
        given().head(organization(org, "/elements/mission")).then().statusCode(200);
        // Reading is all it opens.
        given().contentType(ContentType.JSON).body(statement("Door iedereen?")).post(versions(org, "mission")).then().statusCode(401);
        asAdmin().get(versions(org, "mission")).then().body("total", equalTo(1));
    }

    @Test
    void publicAnswersAreForAnyWebsiteAndAnyCacheAndPrivateAnswersNeverAre() {
        String org = everythingAdopted("pubheaders");
        setPublicReads(org, List.of("mission", "values", "document")).then().statusCode(200);
        for (String read : List.of("/elements/mission", "/values/current", "/document")) {
            Response open = given().header("Origin", WEBSITE).get(organization(org, read));
            open.then().statusCode(200)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Expose-Headers", containsString("ETag"))
                    .header("Cache-Control", "public, max-age=300");
            assertThat(open.headers().getValues("Vary")).containsExactly("Accept, Accept-Language");
            // Revalidation is public too, and answers 304.
            given().header("Origin", WEBSITE).header("If-None-Match", open.header("ETag")).get(organization(org, read)).then().statusCode(304)
                    .header("Access-Control-Allow-Origin", "*").header("Cache-Control", "public, max-age=300");

            // The same read with credentials is the private answer it always was: same content, never shared.
            Response withKey = asAdmin().get(organization(org, read));
            withKey.then().statusCode(200).header("Cache-Control", containsString("private")).header("Cache-Control", containsString("no-cache"));
            assertThat(withKey.header("Access-Control-Allow-Origin")).isNull();
            assertThat(withKey.header("ETag")).isEqualTo(open.header("ETag"));
            assertThat(withKey.asString()).isEqualTo(open.asString());
            // From the intranet (a configured origin) it is CORS for that origin only …
            asAdmin().header("Origin", INTRANET).get(organization(org, read)).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", INTRANET).header("Cache-Control", containsString("private"));
            // … and from any other origin, with credentials, refused as before.
            asAdmin().header("Origin", WEBSITE).get(organization(org, read)).then().statusCode(403);
        }
        // A closed read from the website: a 401 without CORS or shared caching.
        Response closed = given().header("Origin", WEBSITE).get(organization(org, "/elements/vision"));
        expectUnauthorized(closed, "the vision, not public");
        assertThat(closed.header("Access-Control-Allow-Origin")).isNull();
        assertThat(String.valueOf(closed.header("Cache-Control"))).doesNotContain("public");
    }

    @Test
    void aPublicElementWithoutAnAdoptedVersionIs404ButNeverCached() {
        String org = newOrganization("pubnothing");
        setPublicReads(org, List.of("mission", "document")).then().statusCode(200);
        Response none = given().get(organization(org, "/elements/mission"));
        assertProblem(none, 404, "not-found");
        none.then().header("Access-Control-Allow-Origin", "*");
        assertThat(none.header("Cache-Control")).isNull();
        given().get(organization(org, "/document")).then().statusCode(200).body("mission.adopted", equalTo(false));
    }

    @Test
    void anUnknownOrganisationAndAClosedReadAnswerExactlyLikeAPrivateOrganisation() {
        String open = everythingAdopted("pubopen");
        setPublicReads(open, List.of("mission")).then().statusCode(200);
        String closed = everythingAdopted("pubclosed");
        String ghost = "no-such-organisation-pub";
        for (String read : List.of("/elements/mission", "/elements/vision", "/values/current", "/document")) {
            Response unknown = given().get(organization(ghost, read));
            expectUnauthorized(unknown, read + " of an unknown organisation");
            Response ofClosed = given().get(organization(closed, read));
            assertThat(ofClosed.asString().replace(closed, ghost)).as(read).isEqualTo(unknown.asString());
            assertThat(ofClosed.headers().asList().stream().map(h -> h.getName().toLowerCase()).toList())
                    .as(read + " headers").containsExactlyInAnyOrderElementsOf(unknown.headers().asList().stream()
                            .map(h -> h.getName().toLowerCase()).toList());
            if (!read.equals("/elements/mission")) {
                assertThat(given().get(organization(open, read)).asString().replace(open, ghost)).as(read).isEqualTo(unknown.asString());
            }
        }
    }

    @Test
    void requestsWithCredentialsAreCheckedAsBeforeOnPublicReads() {
        String org = everythingAdopted("pubcreds");
        setPublicReads(org, List.of("mission", "vision", "values", "document")).then().statusCode(200);
        String other = newOrganization("pubother");
        TestKeys.IssuedKey outsider = TestKeys.organizationKey(other, "admin");
        for (String read : List.of("/elements/mission", "/values/current", "/document")) {
            expectUnauthorized(given().header("Authorization", "Bearer wrm_neverIssued0123456789abcdef").get(organization(org, read)), read + " bad key");
            expectUnauthorized(given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get(organization(org, read)), read + " basic");
            expectUnauthorized(given().header("Authorization", "").get(organization(org, read)), read + " empty");
            // Another organisation's admin: as if it did not exist, public or not.
            assertProblem(as(outsider.key()).get(organization(org, read)), 404, "not-found");
            as(TestKeys.organizationKey(org, "reader").key()).get(organization(org, read)).then().statusCode(200)
                    .header("Cache-Control", containsString("private"));
        }
    }

    @Test
    void theOpenApiDocumentSaysWhichOperationsMayBePublic() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> anonymous = new java.util.TreeSet<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !(operation.get("security") instanceof List<?> requirements)) {
                return;
            }
            if (requirements.stream().anyMatch(requirement -> ((Map<?, ?>) requirement).isEmpty())) {
                anonymous.add(method.toUpperCase() + " " + path);
                assertThat(requirements.stream().anyMatch(requirement -> ((Map<?, ?>) requirement).containsKey("bearer")))
                        .as(path + " also takes credentials").isTrue();
                assertThat((String) operation.get("description")).as(path).contains("**Public read**");
            }
        }));
        assertThat(anonymous).containsExactly(
                "GET /api/v1/organizations/{org}/document",
                "GET /api/v1/organizations/{org}/elements/{type}",
                "GET /api/v1/organizations/{org}/values/current");
        assertThat(openApi.getString("paths.'/api/v1/organizations/{org}/document'.get.x-public-read")).isEqualTo("document");
        assertThat(openApi.getString("components.schemas.Organization.properties.publicReads.type")).isEqualTo("array");
    }

    /** An organisation with all four elements adopted, the values translated into French. */
    private static String everythingAdopted(String prefix) {
        String org = newOrganization(prefix);
        for (String type : List.of("mission", "vision", "strategy")) {
            draft(org, type, statement("De " + type + " van " + org + "."));
            adopt(org, type, 1, null);
        }
        draft(org, "values", values(value("respect", "Respect", "We kloppen voor we binnengaan.")));
        adopt(org, "values", 1, null);
        return org;
    }

    private static Response setPublicReads(String org, List<String> reads) {
        return patch(org, Map.of("publicReads", reads));
    }

    private static Response patch(String org, Map<String, Object> body) {
        return asAdmin().header("If-Match", organization(org).header("ETag")).contentType("application/merge-patch+json").body(body)
                .patch(organization(org, ""));
    }

    private static Response organization(String org) {
        return asAdmin().get(organization(org, ""));
    }

    private static String organization(String org, String read) {
        return "/api/v1/organizations/" + org + read;
    }

    private static void expectUnauthorized(Response response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(401);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Bearer ");
        assertThat(response.header("Access-Control-Allow-Origin")).as(what).isNull();
    }
}
