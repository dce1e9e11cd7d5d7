package org.waarom.api.common.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * Every error a client can cause is an RFC 9457 problem ({@code application/problem+json} with type,
 * title, status and detail) that names what was wrong and never leaks Java internals (docs/api-guide.md#conventions).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ErrorHandlingTest {

    // ---------------------------------------------------------------------------------------------
    // Bodies that cannot be read (400)

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"content\": ", "{content: 1}", "not json at all", "{\"content\": {\"statement\": \"x\"}}}", "{\"a\": 'b'}"})
    void malformedJsonIs400(String body) {
        String org = newOrganization("err-json");

        Response response = asAdmin().contentType(ContentType.JSON).body(body).post(versions(org, "vision"));

        assertProblem(response, 400, "malformed-body");
        assertNoVersions(org, "vision");
    }

    @Test
    void anEmptyBodyIs400() {
        String org = newOrganization("err-empty");

        assertProblem(asAdmin().contentType(ContentType.JSON).body("").post(versions(org, "vision")), 400);
        assertProblem(asAdmin().contentType(ContentType.JSON).post("/api/v1/organizations"), 400);
        assertNoVersions(org, "vision");
    }

    @Test
    void jsonOfTheWrongTypeIs400NamingTheField() {
        String org = newOrganization("err-type");

        Response text = asAdmin().contentType(ContentType.JSON).body("{\"content\": \"text\"}").post(versions(org, "vision"));
        assertProblem(text, 400);
        assertThat(errorFields(text)).containsExactly("content");
        assertThat(text.jsonPath().getString("errors[0].message")).isNotBlank();

        Response items = asAdmin().contentType(ContentType.JSON).body("{\"content\": {\"statement\": \"x\", \"items\": \"many\"}}")
                .post(versions(org, "vision"));
        assertProblem(items, 400);
        assertThat(errorFields(items)).containsExactly("content.items");

        Response itemTitle = asAdmin().contentType(ContentType.JSON)
                .body("{\"content\": {\"statement\": \"x\", \"items\": [{\"key\": \"a\", \"title\": {\"nl\": \"A\"}}]}}")
                .post(versions(org, "vision"));
        assertProblem(itemTitle, 400);
        assertThat(errorFields(itemTitle)).containsExactly("content.items[0].title");

        Response basedOn = asAdmin().contentType(ContentType.JSON).body("{\"content\": {\"statement\": \"x\"}, \"basedOn\": \"one\"}")
                .post(versions(org, "vision"));
        assertProblem(basedOn, 400);
        assertThat(errorFields(basedOn)).containsExactly("basedOn");

        Response languages = asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"err-type-x\", \"name\": \"X\", \"languages\": \"nl\"}")
                .post("/api/v1/organizations");
        assertProblem(languages, 400);
        assertThat(errorFields(languages)).containsExactly("languages");

        assertNoVersions(org, "vision");
    }

    @Test
    void aBadInstantIs400NamingTheField() {
        String org = newOrganization("err-instant");
        String etag = draft(org, "vision", statement("Visie.")).header("ETag");

        Response response = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body("{\"effectiveFrom\": \"yesterday\"}")
                .post(versions(org, "vision") + "/1/adopt");

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("effectiveFrom");
        asAdmin().get(versions(org, "vision") + "/1").then().body("status", equalTo("DRAFT"));
    }

    @Test
    void anEffectiveFromOutOfRangeIs400NamingIt() {
        String org = newOrganization("err-range");
        String etag = draft(org, "vision", statement("Visie.")).header("ETag");

        for (String instant : List.of("+999999999-12-31T23:59:59Z", "-5000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            Response response = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("effectiveFrom", instant))
                    .post(versions(org, "vision") + "/1/adopt");
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).as("effectiveFrom %s", instant).containsExactly("effectiveFrom");
        }
        asAdmin().get(versions(org, "vision") + "/1").then().header("ETag", etag).body("status", equalTo("DRAFT"));
        // The edges of the range are fine.
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("effectiveFrom", "9999-12-31T00:00:00Z"))
                .post(versions(org, "vision") + "/1/adopt").then().statusCode(200).body("effectiveFrom", equalTo("9999-12-31T00:00:00Z"));
    }

    @Test
    void aNumberOutOfRangeIs400NamingIt() {
        String org = newOrganization("err-int");

        Response response = asAdmin().contentType(ContentType.JSON).body("{\"content\": {\"statement\": \"x\"}, \"basedOn\": 99999999999}")
                .post(versions(org, "vision"));

        assertProblem(response, 400, "malformed-body");
        assertThat(errorFields(response)).containsExactly("basedOn");
        assertNoVersions(org, "vision");
    }

    @Test
    void aNulCharacterIsRefusedNotA500() {
        String org = newOrganization("err-nul");

        assertProblem(asAdmin().contentType(ContentType.JSON).body("{\"content\": {\"statement\": \"a\\u0000b\"}}")
                .post(versions(org, "mission")), 400, "invalid-request");
        assertProblem(asAdmin().contentType(ContentType.JSON)
                .body("{\"content\": {\"items\": [{\"key\": \"a\", \"title\": \"A\", \"behaviours\": [\"\\u0000\"]}]}}")
                .post(versions(org, "values")), 400, "invalid-request");
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{\"content\": {\"statement\": \"x\"}, \"changeReason\": \"\\u0000\"}")
                .post(versions(org, "vision")), 400, "invalid-request");
        String slug = org + "-nul";
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"" + slug + "\", \"name\": \"Zorg\\u0000\"}")
                .post("/api/v1/organizations"), 400, "invalid-request");

        assertNoVersions(org, "mission");
        assertNoVersions(org, "values");
        assertNoVersions(org, "vision");
        asAdmin().get("/api/v1/organizations/" + slug).then().statusCode(404);
        // The element is not left locked or half-written: a valid draft still works.
        draft(org, "mission", statement("Zonder NUL.")).then().body("version", equalTo(1));
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        String org = newOrganization("err-unknown");

        Response topLevel = asAdmin().contentType(ContentType.JSON)
                .body("{\"content\": {\"statement\": \"Visie.\"}, \"changeReason\": \"x\", \"colour\": \"red\"}").post(versions(org, "vision"));
        assertProblem(topLevel, 400, "malformed-body");
        assertThat(errorFields(topLevel)).containsExactly("colour");
        assertThat(topLevel.jsonPath().getString("detail")).contains("colour");

        Response nested = asAdmin().contentType(ContentType.JSON)
                .body("{\"content\": {\"statement\": \"Visie.\", \"items\": [{\"key\": \"a\", \"title\": \"A\", \"titel\": \"A\"}]}}")
                .post(versions(org, "vision"));
        assertProblem(nested, 400, "malformed-body");
        assertThat(errorFields(nested)).containsExactly("content.items[0].titel");

        assertNoVersions(org, "vision");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"[]", "[{\"content\": {\"statement\": \"x\"}}]", "null", "\"a string\"", "42", "true"})
    void aBodyThatIsNotAnObjectIs400(String body) {
        String org = newOrganization("err-shape");

        assertProblem(asAdmin().contentType(ContentType.JSON).body(body).post(versions(org, "vision")), 400);
        assertProblem(asAdmin().contentType(ContentType.JSON).body(body).post("/api/v1/organizations"), 400);
        String etag = asAdmin().get("/api/v1/organizations/" + org).header("ETag");
        assertProblem(asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body(body)
                .patch("/api/v1/organizations/" + org), 400);
        assertNoVersions(org, "vision");
    }

    @Test
    void aNullBodyNamesNoJavaParameter() {
        Response response = asAdmin().contentType(ContentType.JSON).body("null").post("/api/v1/organizations");

        assertProblem(response, 400, "invalid-request");
        // The missing thing is the body, not a Java parameter ("request", "arg0").
        assertThat(errorFields(response)).containsExactly("body");
        assertThat(response.asString()).doesNotContain("\"request\"", "arg0");
    }

    // ---------------------------------------------------------------------------------------------
    // Media types and size

    @Test
    void aBodyOfTheWrongMediaTypeIs415() {
        String org = newOrganization("err-415");

        assertProblem(asAdmin().contentType(ContentType.TEXT).body("{\"content\": {\"statement\": \"x\"}}").post(versions(org, "vision")),
                415, "unsupported-media-type");
        assertProblem(asAdmin().contentType("application/xml").body("<content/>").post("/api/v1/organizations"),
                415, "unsupported-media-type");
        assertProblem(asAdmin().header("If-Match", "*").contentType(ContentType.TEXT).body("{\"name\": \"x\"}")
                .patch("/api/v1/organizations/" + org), 415, "unsupported-media-type");
        assertNoVersions(org, "vision");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String org = newOrganization("err-413");
        String big = "{\"content\": {\"statement\": \"" + "x".repeat(262_144) + "\"}}";
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(262_144);

        Response response = asAdmin().contentType(ContentType.JSON).body(bytes).post(versions(org, "vision"));

        assertProblem(response, 413, "payload-too-large");
        assertNoVersions(org, "vision");
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndJudgedOnItsContent() {
        String org = newOrganization("err-limit");
        // 200 kB is within the byte limit, so the answer is about the content (statement too long), not the size.
        String body = "{\"content\": {\"statement\": \"" + "x".repeat(200_000) + "\"}}";

        Response response = asAdmin().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post(versions(org, "vision"));

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("content.statement");
    }

    @Test
    void anUnacceptableAcceptIs406() {
        String org = newOrganization("err-406");

        Response types = asAdmin().accept("application/xml").get("/api/v1/element-types");
        assertProblem(types, 406, "not-acceptable");

        Response organization = asAdmin().accept("text/csv").get("/api/v1/organizations/" + org);
        assertProblem(organization, 406, "not-acceptable");
    }

    @Test
    void anAcceptThatIncludesJsonIsServed() {
        asAdmin().accept("application/xml, application/json;q=0.5").get("/api/v1/element-types").then().statusCode(200);
        asAdmin().accept("*/*").get("/api/v1/element-types").then().statusCode(200).contentType(ContentType.JSON);
    }

    // ---------------------------------------------------------------------------------------------
    // Unknown resources (404) and methods (405)

    @Test
    void anUnknownOrganisationIs404() {
        String missing = "/api/v1/organizations/no-such-org-" + System.nanoTime();

        assertProblem(asAdmin().get(missing), 404, "not-found").body("instance", equalTo(missing));
        assertProblem(asAdmin().get(missing + "/elements"), 404, "not-found");
        assertProblem(asAdmin().get(missing + "/elements/vision"), 404, "not-found");
        assertProblem(asAdmin().get(missing + "/elements/vision/versions"), 404, "not-found");
        assertProblem(asAdmin().contentType(ContentType.JSON).body(statement("x")).post(missing + "/elements/vision/versions"), 404, "not-found");
    }

    @Test
    void anUnknownElementTypeIs404() {
        String org = newOrganization("err-type404");

        Response visie = asAdmin().get("/api/v1/organizations/" + org + "/elements/visie");
        assertProblem(visie, 404, "not-found");
        assertThat(visie.jsonPath().getString("detail")).contains("visie").contains("vision");
        assertProblem(asAdmin().get("/api/v1/organizations/" + org + "/elements/Vision"), 404, "not-found");
        assertProblem(asAdmin().get(versions(org, "visie")), 404, "not-found");
        assertProblem(asAdmin().contentType(ContentType.JSON).body(statement("x")).post(versions(org, "visie")), 404, "not-found");
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"99", "abc", "0", "-1", "1.0", "99999999999"})
    void anUnknownVersionIs404(String version) {
        String org = newOrganization("err-ver");
        draft(org, "vision", statement("Visie."));

        assertProblem(asAdmin().get(versions(org, "vision") + "/" + version), 404, "not-found");
        assertProblem(asAdmin().header("If-Match", "*").contentType(ContentType.JSON).body(statement("x"))
                .put(versions(org, "vision") + "/" + version), 404, "not-found");
        assertProblem(asAdmin().header("If-Match", "*").delete(versions(org, "vision") + "/" + version), 404, "not-found");
        assertProblem(asAdmin().header("If-Match", "*").contentType(ContentType.JSON).body("{}")
                .post(versions(org, "vision") + "/" + version + "/adopt"), 404, "not-found");
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{}")
                .post(versions(org, "vision") + "/" + version + "/restore"), 404, "not-found");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/nothing-here", "/api/v1/organizations/x/nothing", "/api/v1/element-types/vision/more",
            "/api/v2/organizations", "/api/v1/organizations/x/elements/vision/versions/1/nothing"})
    void anUnknownPathIs404(String path) {
        assertProblem(asAdmin().get(path), 404, "not-found");
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        String org = newOrganization("err-405");
        draft(org, "vision", statement("Visie."));

        Response patchVersion = asAdmin().contentType(ContentType.JSON).body("{}").patch(versions(org, "vision") + "/1");
        assertProblem(patchVersion, 405, "method-not-allowed");
        assertThat(patchVersion.header("Allow")).contains("GET").contains("PUT").contains("DELETE").doesNotContain("PATCH");

        Response deleteTypes = asAdmin().delete("/api/v1/element-types");
        assertProblem(deleteTypes, 405, "method-not-allowed");
        assertThat(deleteTypes.header("Allow")).contains("GET").doesNotContain("DELETE");

        assertProblem(asAdmin().delete("/api/v1/organizations/" + org), 405, "method-not-allowed");
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{}").put("/api/v1/organizations"), 405, "method-not-allowed");
        assertProblem(asAdmin().get(versions(org, "vision") + "/1/adopt"), 405, "method-not-allowed");

        // Nothing changed.
        asAdmin().get(versions(org, "vision") + "/1").then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    // ---------------------------------------------------------------------------------------------
    // Query parameters and conditional requests

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"garbage", "2024-13-01", "2024-05-01T25:00:00Z", "01-05-2024", "2024-05-01T12:00:00", "1714564800",
            "+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z"})
    void aBadAsOfIs400NamingAsOf(String asOf) {
        String org = newOrganization("err-asof");
        draft(org, "vision", statement("Visie."));
        adopt(org, "vision", 1, null);

        Response response = asAdmin().queryParam("asOf", asOf).get("/api/v1/organizations/" + org + "/elements/vision");

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("asOf");
    }

    @Test
    void validAsOfFormsAreAccepted() {
        String org = newOrganization("err-asof-ok");
        draft(org, "vision", statement("Visie."));
        adopt(org, "vision", 1, "2024-01-01T00:00:00Z");

        for (String asOf : List.of("2024-05-01", "2024-05-01T12:00:00Z", "2024-05-01T14:00:00+02:00")) {
            asAdmin().queryParam("asOf", asOf).get("/api/v1/organizations/" + org + "/elements/vision").then()
                    .statusCode(200).body("version", equalTo(1));
        }
        assertProblem(asAdmin().queryParam("asOf", "2023-12-31").get("/api/v1/organizations/" + org + "/elements/vision"), 404, "not-found");
    }

    @Test
    void conditionalAndStateErrorsAreProblemsToo() {
        String org = newOrganization("err-cond");
        String etag = draft(org, "vision", statement("Visie.")).header("ETag");

        assertProblem(asAdmin().contentType(ContentType.JSON).body(statement("Nieuw.")).put(versions(org, "vision") + "/1"),
                428, "precondition-required");
        assertProblem(asAdmin().header("If-Match", "\"stale\"").contentType(ContentType.JSON).body(statement("Nieuw."))
                .put(versions(org, "vision") + "/1"), 412, "precondition-failed");
        assertProblem(asAdmin().contentType(ContentType.JSON).body(statement("Tweede.")).post(versions(org, "vision")),
                409, "conflict");
        assertProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("slug", org, "name", "Dubbel")).post("/api/v1/organizations"),
                409, "conflict");
        asAdmin().get(versions(org, "vision") + "/1").then().header("ETag", etag).body("content.statement", equalTo("Visie."));
    }

    @Test
    void aProblemNamesTheRequestPathAsInstance() {
        String org = newOrganization("err-inst");
        String path = versions(org, "vision") + "/7";

        assertProblem(asAdmin().get(path), 404, "not-found").body("instance", equalTo(path));
    }

    @Test
    void validationProblemsListTheirErrorsAndOtherProblemsDoNot() {
        Response invalid = asAdmin().contentType(ContentType.JSON).body(Map.of("slug", "X", "name", "")).post("/api/v1/organizations");
        assertProblem(invalid, 400).body("errors", hasSize(2)).body("errors.message", everyItem(not(blankOrNullString())));

        Response notFound = asAdmin().get("/api/v1/organizations/no-such-" + System.nanoTime());
        assertProblem(notFound, 404);
        assertThat(notFound.jsonPath().getMap("$")).doesNotContainKey("errors");
    }

    // ---------------------------------------------------------------------------------------------
    // Element types

    @Test
    void theFourElementTypesWithQuestionsChangeabilityAndDefaultCycles() {
        asAdmin().get("/api/v1/element-types").then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("type", contains("mission", "vision", "values", "strategy"))
                .body("changeable", contains(false, true, false, true))
                .body("defaultReviewPolicy.cycle", contains("P5Y", "P3Y", "P5Y", "P1Y"))
                .body("defaultReviewPolicy.onGoalReached", contains(false, true, false, true))
                .body("defaultReviewPolicy.onVisionAdopted", contains(false, false, false, true))
                .body("questions.nl", contains(
                        containsString("Waarom bestaan we?"),
                        containsString("Waar streven we naar?"),
                        containsString("Welke waarden wijzen ons de weg"),
                        containsString("Waar blinken we in uit?")))
                .body("questions.en", contains(
                        containsString("Why do we exist?"),
                        containsString("What do we strive for?"),
                        containsString("Which values guide us"),
                        containsString("What do we excel at?")))
                .body("itemLabel.nl", contains(notNullValue(), notNullValue(), notNullValue(), notNullValue()))
                .body("itemLabel.en", contains(notNullValue(), notNullValue(), notNullValue(), notNullValue()))
                .body("requires", contains(notNullValue(), notNullValue(), notNullValue(), notNullValue()));
    }

    @Test
    void everyElementTypeHasQuestionsInExactlyDutchAndEnglish() {
        List<Map<String, Object>> types = asAdmin().get("/api/v1/element-types").then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(types).hasSize(4).allSatisfy(type -> {
            @SuppressWarnings("unchecked")
            Map<String, String> questions = (Map<String, String>) type.get("questions");
            assertThat(questions).containsOnlyKeys("nl", "en");
            assertThat(questions.values()).allSatisfy(question -> assertThat(question).isNotBlank().endsWith("?"));
        });
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertNoVersions(String org, String type) {
        asAdmin().get(versions(org, type)).then().statusCode(200).body("total", equalTo(0));
    }
}
