package org.waarom.api.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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
 * Walks every operation of the OpenAPI document under {@code /api} and checks the security contract
 * (docs/api-guide.md#credentials-and-roles, issue 3): no or bad credentials → 401, an admin of another organisation → 404
 * exactly as for an organisation that does not exist, a reader → 403 on every change. An endpoint
 * added later is covered without anyone remembering to; one with a new path parameter makes this
 * test fail until it learns a value for it. An organisation that opened every public read answers
 * exactly those reads without credentials, and still 401 for everything else.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class EveryEndpointIsProtectedTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String GHOST = "no-such-organisation";

    /** The operations an organisation can open to everyone (publicReads); {type} is the vision in this walk. */
    private static final Set<String> PUBLIC_READS = Set.of(
            "GET /api/v1/organizations/{org}/elements/{type}",
            "GET /api/v1/organizations/{org}/values/current",
            "GET /api/v1/organizations/{org}/document");

    /**
     * Non-GET operations a reader may use ("POST /api/v1/…"): everyone manages their own calendar feeds, and
     * every employee acknowledges the versions they read.
     */
    private static final Set<String> READER_MAY_CHANGE = Set.of(
            "POST /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements",
            "POST /api/v1/organizations/{org}/calendar-feeds",
            "DELETE /api/v1/organizations/{org}/calendar-feeds/{id}");

    /** One operation of the OpenAPI document. */
    record Operation(String method, String path) {
        boolean organizational() {
            return path.contains("{org}");
        }

        boolean changing() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Operation> operations;
    private static String org;
    private static String otherOrg;
    private static TestKeys.IssuedKey orgAdmin;
    private static TestKeys.IssuedKey reader;
    private static TestKeys.IssuedKey otherAdmin;
    private static TestKeys.IssuedKey platformService;
    private static String draftTag;

    @BeforeEach
    void fixture() {
        if (operations != null) {
            return;
        }
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> found = new ArrayList<>();
        new TreeMap<>(paths).forEach((path, item) -> item.keySet().stream().filter(METHODS::contains).sorted()
                .forEach(method -> {
                    if (path.startsWith("/api/")) {
                        found.add(new Operation(method.toUpperCase(), path));
                    }
                }));
        org = newOrganization("guarded");
        otherOrg = newOrganization("elsewhere");
        draftTag = draft(org, "vision", statement("Een visie die niemand zonder rechten mag zien.")).header("ETag");
        orgAdmin = TestKeys.organizationKey(org, "admin");
        reader = TestKeys.organizationKey(org, "reader");
        otherAdmin = TestKeys.organizationKey(otherOrg, "admin");
        platformService = TestKeys.platformKey("service");
        operations = found;
    }

    @Test
    void theWalkCoversTheWholeApi() {
        // A walk over nothing would prove nothing: the document must list the known endpoints.
        assertThat(operations).extracting(Operation::toString).contains(
                "GET /api/v1/element-types",
                "GET /api/v1/me",
                "GET /api/v1/organizations", "POST /api/v1/organizations",
                "GET /api/v1/organizations/{org}", "PATCH /api/v1/organizations/{org}",
                "POST /api/v1/organizations/{org}/elements/{type}/versions",
                "PUT /api/v1/organizations/{org}/elements/{type}/versions/{n}",
                "DELETE /api/v1/organizations/{org}/elements/{type}/versions/{n}",
                "POST /api/v1/organizations/{org}/elements/{type}/versions/{n}/adopt",
                "POST /api/v1/organizations/{org}/elements/{type}/versions/{n}/restore",
                "GET /api/v1/organizations/{org}/api-keys", "POST /api/v1/organizations/{org}/api-keys",
                "DELETE /api/v1/organizations/{org}/api-keys/{id}",
                "GET /api/v1/api-keys", "POST /api/v1/api-keys", "DELETE /api/v1/api-keys/{id}",
                "GET /api/v1/organizations/{org}/audit-log",
                "POST /api/v1/organizations/{org}/review-tasks/{id}/reminders",
                "PATCH /api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}",
                "POST /api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}/links",
                "POST /api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}/links/{linkId}/delivery",
                "GET /api/v1/organizations/{org}/review-tasks/{id}/links",
                "DELETE /api/v1/organizations/{org}/review-tasks/{id}/links/{linkId}",
                "GET /api/v1/review-tasks",
                "GET /api/v1/organizations/{org}/values/current",
                "GET /api/v1/organizations/{org}/document",
                "GET /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations",
                "GET /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations/{lang}",
                "PUT /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations/{lang}",
                "DELETE /api/v1/organizations/{org}/elements/{type}/versions/{n}/translations/{lang}",
                "GET /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read",
                "GET /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read/{lang}",
                "PUT /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read/{lang}",
                "DELETE /api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read/{lang}",

                "GET /api/v1/organizations/{org}/review-tasks.ics",
                "GET /api/v1/organizations/{org}/calendar-feeds", "POST /api/v1/organizations/{org}/calendar-feeds",
                "DELETE /api/v1/organizations/{org}/calendar-feeds/{id}",

                "POST /api/v1/organizations/{org}/elements/{type}/versions/{n}/consultations",
                "GET /api/v1/organizations/{org}/elements/{type}/versions/{n}/consultations",
                "GET /api/v1/organizations/{org}/consultations", "GET /api/v1/organizations/{org}/consultations/{id}",
                "POST /api/v1/organizations/{org}/consultations/{id}/close",
                "GET /api/v1/organizations/{org}/consultations/{id}/participation",
                "POST /api/v1/organizations/{org}/consultations/{id}/feedback",
                "PUT /api/v1/organizations/{org}/consultations/{id}/feedback/{feedbackId}",
                "DELETE /api/v1/organizations/{org}/consultations/{id}/feedback/{feedbackId}",
                "POST /api/v1/organizations/{org}/consultations/{id}/invitations",
                "GET /api/v1/organizations/{org}/consultations/{id}/invitations",
                "DELETE /api/v1/organizations/{org}/consultations/{id}/invitations/{invitationId}",
                "GET /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements",
                "POST /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements",
                "POST /api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements/status",
                "GET /api/v1/organizations/{org}/references", "POST /api/v1/organizations/{org}/references",
                "GET /api/v1/organizations/{org}/references/{id}", "PUT /api/v1/organizations/{org}/references/{id}",
                "DELETE /api/v1/organizations/{org}/references/{id}",
                "POST /api/v1/organizations/{org}/webhooks", "POST /api/v1/organizations/{org}/webhooks/{id}/enable");
    }

    @Test
    void withoutCredentialsEveryOperationAnswers401WithABearerChallenge() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations) {
            Response response = call(given(), operation, org, orgAdmin.id());
            expectUnauthorized(softly, operation + " without credentials", response);
        }
        softly.assertAll();
        nothingChanged();
    }

    @Test
    void withEveryReadMadePublicOnlyThePublicReadsAnswerWithoutCredentials() {
        // Its own organisation: the walks above run against one that opened nothing.
        String opened = newOrganization("opened");
        for (String type : List.of("vision", "values")) {
            draft(opened, type, type.equals("values") ? values(value("respect", "Respect", "We kloppen aan.")) : statement("Open voor iedereen."));
            adopt(opened, type, 1, null);
        }
        asAdmin().header("If-Match", asAdmin().get("/api/v1/organizations/" + opened).header("ETag"))
                .contentType("application/merge-patch+json").body(Map.of("publicReads", List.of("mission", "vision", "values", "document")))
                .patch("/api/v1/organizations/" + opened).then().statusCode(200);
        SoftAssertions softly = new SoftAssertions();
        Set<String> answered = new java.util.TreeSet<>();
        for (Operation operation : operations) {
            Response response = call(given(), operation, opened, orgAdmin.id());
            if (response.statusCode() == 200) {
                answered.add(operation.toString());
                softly.assertThat(response.header("Access-Control-Allow-Origin")).as(operation + " public answer").isEqualTo("*");
            } else {
                expectUnauthorized(softly, operation + " without credentials, every read public", response);
            }
        }
        softly.assertAll();
        assertThat(answered).containsExactlyInAnyOrderElementsOf(PUBLIC_READS);
        asAdmin().get(versions(opened, "vision")).then().body("total", equalTo(1));
        nothingChanged();
    }

    @Test
    void aBadCredentialAnswers401OnEveryOperation() {
        String unsignedToken = TestTokens.token("mallory").groups("waarom:platform-admin").unsigned();
        Map<String, String> badAuthorizations = Map.of(
                "an unknown key", "Bearer wrm_thisKeyWasNeverIssuedToAnyone0123456789",
                "a garbage token", "Bearer eyJhbGciOiJSUzI1NiJ9.bm9uc2Vuc2U.c2lnbmF0dXJl",
                "an unsigned token", "Bearer " + unsignedToken,
                "the right key in another scheme", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("admin:" + orgAdmin.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "an empty bearer", "Bearer ");
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations) {
            badAuthorizations.forEach((what, authorization) -> {
                Response response = call(given().header("Authorization", authorization), operation, org, orgAdmin.id());
                expectUnauthorized(softly, operation + " with " + what, response);
            });
        }
        softly.assertAll();
        nothingChanged();
    }

    @Test
    void anAdminOfAnotherOrganisationGets404ExactlyAsForAnOrganisationThatDoesNotExist() {
        List<Operation> organizational = operations.stream().filter(Operation::organizational).toList();
        assertThat(organizational).hasSizeGreaterThan(10);
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : organizational) {
            Response response = call(as(otherAdmin.key()), operation, org, orgAdmin.id());
            softly.assertThat(response.statusCode()).as(operation + " by another organisation's admin").isEqualTo(404);
            softly.assertThat(response.contentType()).as(operation + " content type").startsWith(PROBLEM_JSON);
            // What the outsider sees for a real organisation must be indistinguishable from what it sees for none.
            Response ghost = call(as(otherAdmin.key()), operation, GHOST, orgAdmin.id());
            softly.assertThat(response.asString().replace(org, GHOST)).as(operation + " body, compared with an unknown organisation")
                    .isEqualTo(ghost.asString());
            if (!operation.changing()) {
                // … and from what the operator gets for an organisation that does not exist.
                Response operatorOnGhost = call(asAdmin(), operation, GHOST, orgAdmin.id());
                softly.assertThat(operatorOnGhost.statusCode()).as(operation + " by the operator on an unknown organisation").isEqualTo(404);
                softly.assertThat(response.asString().replace(org, GHOST)).as(operation + " body, compared with the operator's on an unknown organisation")
                        .isEqualTo(operatorOnGhost.asString());
            }
        }
        softly.assertAll();
        nothingChanged();
    }

    @Test
    void aReaderGets403OnEveryChangeItIsNotAllowed() {
        List<Operation> changing = operations.stream().filter(Operation::changing)
                .filter(operation -> !READER_MAY_CHANGE.contains(operation.toString())).toList();
        assertThat(changing).hasSizeGreaterThan(8);
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : changing) {
            Response response = call(as(reader.key()).header("If-Match", draftTag), operation, org, orgAdmin.id());
            softly.assertThat(response.statusCode()).as(operation + " by a reader").isEqualTo(403);
            softly.assertThat(response.contentType()).as(operation + " content type").startsWith(PROBLEM_JSON);
            softly.assertThat(response.jsonPath().getString("type")).as(operation + " problem type").isEqualTo("https://waarom.org/problems/forbidden");
            softly.assertThat(response.jsonPath().getInt("status")).as(operation + " problem status").isEqualTo(403);
        }
        softly.assertAll();
        nothingChanged();
    }

    @Test
    void theOperatorPassesTheCheckOnEveryOperation() {
        // The converse of the tests above: the 401/403/404 answers come from the credentials, not from a broken endpoint.
        TestKeys.IssuedKey throwAway = TestKeys.organizationKey(org, "reader");
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations) {
            Response response = call(asAdmin(), operation, org, operation.organizational() ? throwAway.id() : platformService.id());
            softly.assertThat(response.statusCode()).as(operation + " by the operator: " + response.asString()).isNotIn(401, 403, 405, 500);
            if (response.statusCode() == 404) {
                softly.assertThat(response.jsonPath().getString("detail")).as(operation + " 404 detail")
                        .doesNotContain("organisation '" + org + "'");
            }
        }
        softly.assertAll();
    }

    /** Calls the operation with its path parameters filled in: {org}, {type}, {n}, {lang}, {id} and the other ids; a body {} where it takes one. */
    private static Response call(RequestSpecification request, Operation operation, String organization, long keyId) {
        Matcher matcher = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "org" -> organization;
                case "type" -> "vision";
                case "n", "reminderId", "linkId", "feedbackId", "invitationId" -> "1";
                case "lang" -> "fr";
                case "id" -> String.valueOf(operation.organizational() ? keyId : platformService.id());
                default -> throw new AssertionError("Path parameter {" + matcher.group(1) + "} of " + operation
                        + " is new: teach EveryEndpointIsProtectedTest a real value for it");
            };
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        if (Set.of("POST", "PUT", "PATCH").contains(operation.method())) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.redirects().follow(false).request(operation.method(), path.toString());
    }

    private static void expectUnauthorized(SoftAssertions softly, String what, Response response) {
        softly.assertThat(response.statusCode()).as(what).isEqualTo(401);
        softly.assertThat(response.contentType()).as(what + ": content type").startsWith(PROBLEM_JSON);
        softly.assertThat(response.header("WWW-Authenticate")).as(what + ": WWW-Authenticate").startsWith("Bearer ");
        if (response.contentType().startsWith(PROBLEM_JSON)) {
            softly.assertThat(response.jsonPath().getString("type")).as(what + ": problem type").isEqualTo("https://waarom.org/problems/unauthorized");
            softly.assertThat(response.jsonPath().getInt("status")).as(what + ": problem status").isEqualTo(401);
            softly.assertThat(response.jsonPath().getString("detail")).as(what + ": detail").isNotBlank();
        }
    }

    /** None of the refused requests changed anything: the draft, the keys and the organisation are as they were. */
    private static void nothingChanged() {
        asAdmin().get(versions(org, "vision") + "/1").then().statusCode(200)
                .header("ETag", draftTag).body("status", equalTo("DRAFT"));
        asAdmin().get(versions(org, "vision")).then().body("total", equalTo(1));
        as(orgAdmin.key()).get("/api/v1/me").then().statusCode(200).body("credential", equalTo(orgAdmin.credential()));
        as(reader.key()).get("/api/v1/me").then().statusCode(200);
        asAdmin().get("/api/v1/organizations/" + GHOST).then().statusCode(404);
    }
}
