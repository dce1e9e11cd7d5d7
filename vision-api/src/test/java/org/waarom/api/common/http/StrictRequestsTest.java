package org.waarom.api.common.http;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.PLATFORM_ADMIN_KEY;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.uniqueSlug;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * What a fuzzing sweep found the API too lenient about: JSON with a key twice, text that is not Unicode, a path segment
 * no organisation can have, {@code If-None-Match} on a change, a body in another charset or without a media type, and an
 * {@code Accept} that excludes JSON. Each is refused with a problem that says what was wrong, and changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StrictRequestsTest {

    private static final String ORGANIZATIONS = "/api/v1/organizations";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    // ---------------------------------------------------------------------------------------------
    // A key twice in one object (400 naming it, never a 500 nor "the last one wins")

    @Test
    void aDuplicateKeyInAOneFieldBodyIs400NamingIt() {
        String org = newOrganization("dup-one");
        draft(org, "mission", statement("Missie."));
        adopt(org, "mission", 1, null);

        Response feed = asAdmin().contentType(ContentType.JSON).body("{\"name\": \"x\", \"name\": \"x\"}")
                .post(ORGANIZATIONS + "/" + org + "/calendar-feeds");
        assertDuplicate(feed, "name");
        asAdmin().get(ORGANIZATIONS + "/" + org + "/calendar-feeds").then().statusCode(200).body("items.size()", equalTo(0));

        assertDuplicate(asAdmin().contentType(ContentType.JSON).body("{\"person\": \"hr-1\", \"person\": \"hr-1\"}")
                .post(versions(org, "mission") + "/1/acknowledgements"), "person");
        assertDuplicate(asAdmin().contentType(ContentType.JSON).body("{\"changeReason\": \"a\", \"changeReason\": \"a\"}")
                .post(versions(org, "mission") + "/1/restore"), "changeReason");
        asAdmin().get(versions(org, "mission")).then().statusCode(200).body("total", equalTo(1));

        String task = asAdmin().contentType(ContentType.JSON).body(Map.of("element", "mission", "reason", "MANUAL", "dueDate", "2030-01-01"))
                .post(ORGANIZATIONS + "/" + org + "/review-tasks").then().statusCode(201).extract().path("id").toString();
        assertDuplicate(asAdmin().contentType(ContentType.JSON).body("{\"note\": \"a\", \"note\": \"b\"}")
                .post(ORGANIZATIONS + "/" + org + "/review-tasks/" + task + "/cancel"), "note");
        asAdmin().get(ORGANIZATIONS + "/" + org + "/review-tasks/" + task).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void aDuplicateKeyIsNeverSilentlyResolved() {
        String org = newOrganization("dup-many");
        String slug = uniqueSlug("dup-new");

        assertDuplicate(asAdmin().contentType(ContentType.JSON)
                .body("{\"slug\": \"" + slug + "\", \"name\": \"Eerste\", \"name\": \"Tweede\"}").post(ORGANIZATIONS), "name");
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(404);

        assertDuplicate(asAdmin().contentType(ContentType.JSON)
                .body("{\"content\": {\"statement\": \"Eerste\", \"statement\": \"Tweede\"}}").post(versions(org, "vision")), "content.statement");
        assertDuplicate(asAdmin().contentType(ContentType.JSON)
                .body("{\"content\": {\"items\": [{\"key\": \"a\", \"title\": \"A\", \"behaviours\": [\"b\"], \"key\": \"c\"}]}}")
                .post(versions(org, "values")), "content.items[0].key");
        asAdmin().get(versions(org, "vision")).then().statusCode(200).body("total", equalTo(0));

        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");
        assertDuplicate(asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"name\": \"Eerste\", \"name\": \"Tweede\"}")
                .patch(ORGANIZATIONS + "/" + org), "name");
        asAdmin().get(ORGANIZATIONS + "/" + org).then().header("ETag", etag).body("name", equalTo("Test " + org));
    }

    private static void assertDuplicate(Response response, String field) {
        assertProblem(response, 400, "malformed-body");
        assertThat(errorFields(response)).containsExactly(field);
        assertThat(response.jsonPath().getString("detail")).contains(field);
    }

    // ---------------------------------------------------------------------------------------------
    // A path segment that no organisation can have (404, without a query)

    @ParameterizedTest(name = "organisation segment {0}")
    // (A NUL, %00, is refused before any lookup with 400: HttpLayerProblemsTest.)
    @ValueSource(strings = {"x", "Zorg-A", "-zorg", "zorg%20a", "%C3%A9t%C3%A9"})
    void anOrganisationThatCannotExistIs404(String segment) {
        String org = newOrganization("seg");
        String key = TestKeys.organizationKey(org, "admin").key();

        assertProblem(asAdmin().urlEncodingEnabled(false).get(ORGANIZATIONS + "/" + segment), 404, "not-found");
        assertProblem(asAdmin().urlEncodingEnabled(false).get(ORGANIZATIONS + "/" + segment + "/elements/vision"), 404, "not-found");
        assertProblem(as(key).urlEncodingEnabled(false).get(ORGANIZATIONS + "/" + segment), 404, "not-found");
        assertProblem(asAdmin().urlEncodingEnabled(false).header("If-Match", "*").contentType(MERGE_PATCH).body("{\"name\": \"X\"}")
                .patch(ORGANIZATIONS + "/" + segment), 404, "not-found");
        // Without credentials it is what any organisation's private read is: 401.
        assertProblem(io.restassured.RestAssured.given().urlEncodingEnabled(false).get(ORGANIZATIONS + "/" + segment + "/elements/mission"),
                401, "unauthorized");
    }

    // ---------------------------------------------------------------------------------------------
    // Text that is not Unicode (400 naming the field; what is answered is what is stored)

    @ParameterizedTest(name = "name {0}")
    @ValueSource(strings = {"x\\ud800y", "x\\udc00y", "x\\udc00\\ud800y", "x\\ud800", "\\u0000", "a\\u0000b"})
    void textThatIsNotUnicodeIs400NamingTheField(String escaped) {
        String slug = uniqueSlug("utf");
        Response created = asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"" + slug + "\", \"name\": \"" + escaped + "\"}")
                .post(ORGANIZATIONS);
        assertProblem(created, 400, "invalid-request");
        assertThat(errorFields(created)).containsExactly("name");
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(404);

        String org = newOrganization("utf-v");
        Response nested = asAdmin().contentType(ContentType.JSON)
                .body("{\"content\": {\"items\": [{\"key\": \"a\", \"title\": \"A\", \"behaviours\": [\"ok\", \"" + escaped + "\"]}]}}")
                .post(versions(org, "values"));
        assertProblem(nested, 400, "invalid-request");
        assertThat(errorFields(nested)).containsExactly("content.items[0].behaviours[1]");

        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");
        Response patched = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"name\": \"" + escaped + "\"}")
                .patch(ORGANIZATIONS + "/" + org);
        assertProblem(patched, 400, "invalid-request");
        assertThat(errorFields(patched)).containsExactly("name");
        asAdmin().get(ORGANIZATIONS + "/" + org).then().header("ETag", etag);
        asAdmin().get(versions(org, "values")).then().body("total", equalTo(0));
    }

    @Test
    void aSurrogateEncodedInUtf8BytesIsRefusedToo() {
        String slug = uniqueSlug("cesu");
        byte[] prefix = ("{\"slug\": \"" + slug + "\", \"name\": \"x").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "y\"}".getBytes(StandardCharsets.UTF_8);
        // ED A0 80: U+D800 written as if it were a character (CESU-8), which UTF-8 forbids.
        byte[] body = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xED;
        body[prefix.length + 1] = (byte) 0xA0;
        body[prefix.length + 2] = (byte) 0x80;
        System.arraycopy(suffix, 0, body, prefix.length + 3, suffix.length);

        Response response = asAdmin().contentType(ContentType.JSON).body(body).post(ORGANIZATIONS);

        assertProblem(response, 400);
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(404);
    }

    @Test
    void aSurrogatePairIsOneCharacterAndArrivesIntact() {
        String slug = uniqueSlug("emoji");
        asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"" + slug + "\", \"name\": \"Zon \\ud83c\\udf3b\"}").post(ORGANIZATIONS)
                .then().statusCode(201).body("name", equalTo("Zon \uD83C\uDF3B"));
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(200).body("name", equalTo("Zon \uD83C\uDF3B"));
    }

    // ---------------------------------------------------------------------------------------------
    // If-None-Match on a change (RFC 9110 section 13.1.2): the resource exists, so "*" is false (412)

    @Test
    void ifNoneMatchStarOnAChangeIs412() {
        String org = newOrganization("inm");
        String orgTag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        assertProblem(asAdmin().header("If-Match", orgTag).header("If-None-Match", "*").contentType(MERGE_PATCH)
                .body("{\"name\": \"Nieuw\"}").patch(ORGANIZATIONS + "/" + org), 412, "precondition-failed");
        assertProblem(asAdmin().header("If-None-Match", "*").contentType(MERGE_PATCH)
                .body("{\"name\": \"Nieuw\"}").patch(ORGANIZATIONS + "/" + org), 412, "precondition-failed");
        asAdmin().get(ORGANIZATIONS + "/" + org).then().header("ETag", orgTag).body("name", equalTo("Test " + org));

        String versionTag = draft(org, "vision", statement("Visie.")).header("ETag");
        assertProblem(asAdmin().header("If-Match", versionTag).header("If-None-Match", "*").contentType(ContentType.JSON)
                .body(statement("Nieuw.")).put(versions(org, "vision") + "/1"), 412, "precondition-failed");
        assertProblem(asAdmin().header("If-Match", versionTag).header("If-None-Match", versionTag).contentType(ContentType.JSON)
                .body("{}").post(versions(org, "vision") + "/1/adopt"), 412, "precondition-failed");
        asAdmin().get(versions(org, "vision") + "/1").then().header("ETag", versionTag).body("status", equalTo("DRAFT"));

        // An If-None-Match that names another state is true: the change goes ahead.
        asAdmin().header("If-Match", versionTag).header("If-None-Match", "\"vision-0-r0\"").contentType(ContentType.JSON)
                .body(statement("Nieuw.")).put(versions(org, "vision") + "/1").then().statusCode(200);
    }

    @Test
    void ifNoneMatchStarOnAChangeWithoutETagsIs412AndNothingChanges() {
        String org = newOrganization("inm-key");
        String id = asAdmin().contentType(ContentType.JSON).body("{\"name\": \"hr\", \"roles\": [\"reader\"]}")
                .post(ORGANIZATIONS + "/" + org + "/api-keys").then().statusCode(201).extract().path("id").toString();

        assertProblem(asAdmin().header("If-None-Match", "*").delete(ORGANIZATIONS + "/" + org + "/api-keys/" + id), 412, "precondition-failed");
        asAdmin().get(ORGANIZATIONS + "/" + org + "/api-keys/" + id).then().statusCode(200).body("revokedAt", equalTo(null));

        // A tag can never name a state of a resource without tags: the condition holds and the key is revoked.
        asAdmin().header("If-None-Match", "\"k-1\"").delete(ORGANIZATIONS + "/" + org + "/api-keys/" + id).then().statusCode(204);
    }

    // ---------------------------------------------------------------------------------------------
    // Types: a value is read as the type its field has, never converted

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"name\": 42}", "{\"name\": 1e400}", "{\"name\": -0.0}", "{\"name\": true}"})
    void aNumberOrBooleanForTextIs400AndNothingChanges(String body) {
        String org = newOrganization("coerce");
        String tag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        Response response = asAdmin().header("If-Match", tag).contentType(MERGE_PATCH).body(body).patch(ORGANIZATIONS + "/" + org);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("name");
        asAdmin().get(ORGANIZATIONS + "/" + org).then().header("ETag", tag).body("name", equalTo("Test " + org));
    }

    @ParameterizedTest(name = "name {0}")
    @ValueSource(strings = {"\uFEFF", "\u00A0", "\u2003 \u3000", "\u2028"})
    void textOfUnicodeWhitespaceOnlyIsBlank(String blank) {
        String org = newOrganization("blank");
        Response response = asAdmin().contentType(ContentType.JSON).body(Map.of("name", blank, "roles", List.of("reader")))
                .post(ORGANIZATIONS + "/" + org + "/api-keys");

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("name");
        asAdmin().get(ORGANIZATIONS + "/" + org + "/api-keys").then().body("total", equalTo(0));
    }

    @Test
    void aMergePatchTitleOfUnicodeWhitespaceOnlyIsBlank() {
        String org = newOrganization("blank-goal");
        Response created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("kind", "STRATEGIC", "title", "Inclusief wonen", "serves", List.of("vision")))
                .post(ORGANIZATIONS + "/" + org + "/goals");
        String goal = ORGANIZATIONS + "/" + org + "/goals/" + created.then().statusCode(201).extract().path("id");

        Response response = asAdmin().header("If-Match", created.header("ETag")).contentType(MERGE_PATCH).body("{\"title\": \"\\ufeff\"}")
                .patch(goal);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("title");
        asAdmin().get(goal).then().body("title", equalTo("Inclusief wonen"));
    }

    @Test
    void aBodyThatIsNotJsonOnAnOperationWithAnOptionalBodyIs415() {
        String org = newOrganization("cancel-type");
        String task = ORGANIZATIONS + "/" + org + "/review-tasks/" + asAdmin().contentType(ContentType.JSON)
                .body(Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2027-01-01"))
                .post(ORGANIZATIONS + "/" + org + "/review-tasks").then().statusCode(201).extract().path("id");

        assertProblem(asAdmin().contentType("text/plain").body("{}".getBytes(StandardCharsets.UTF_8)).post(task + "/cancel"), 415);
        asAdmin().get(task).then().body("status", equalTo("OPEN"));
    }

    @Test
    void textForAListOrAFractionForAWholeNumberIs400() {
        String org = newOrganization("coerce-n");
        assertProblem(asAdmin().contentType(ContentType.JSON).body("{\"name\": \"hr\", \"roles\": \"reader\"}")
                .post(ORGANIZATIONS + "/" + org + "/api-keys"), 400);
        asAdmin().get(ORGANIZATIONS + "/" + org + "/api-keys").then().body("total", equalTo(0));
    }

    @Test
    void anOverlongUtf8SequenceIsRefusedNotDecoded() {
        String slug = uniqueSlug("overlong");
        byte[] prefix = ("{\"slug\": \"" + slug + "\", \"name\": \"a").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "b\"}".getBytes(StandardCharsets.UTF_8);
        // C0 AF: "/" in two bytes, which UTF-8 forbids (the shortest form is the only one); a lenient decoder reads "a/b".
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC0;
        body[prefix.length + 1] = (byte) 0xAF;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);

        Response response = asAdmin().contentType(ContentType.JSON).body(body).post(ORGANIZATIONS);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("body");
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(404);
    }

    // ---------------------------------------------------------------------------------------------
    // Media types: a body is UTF-8 JSON and says so; an Accept that excludes JSON gets no JSON

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"*/*", "application/*"})
    void aMediaRangeIsNotTheTypeOfABody(String contentType) {
        String slug = uniqueSlug("range");
        byte[] body = ("{\"slug\": \"" + slug + "\", \"name\": \"x\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(asAdmin().contentType(contentType).body(body).post(ORGANIZATIONS), 400);
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(404);
    }

    @Test
    void anAcceptThatIsNotAListOfMediaRangesIs400WhateverTheMethod() {
        String org = newOrganization("accept");
        assertProblem(asAdmin().accept("garbage").get(ORGANIZATIONS + "/" + org), 400);
        assertProblem(asAdmin().accept("garbage").delete(ORGANIZATIONS + "/" + org + "/api-keys/1"), 400);
    }

    @Test
    void aDeleteIsNotRefusedForAnAcceptItHasNoRepresentationFor() {
        String org = newOrganization("accept-del");
        String id = asAdmin().contentType(ContentType.JSON).body("{\"name\": \"hr\", \"roles\": [\"reader\"]}")
                .post(ORGANIZATIONS + "/" + org + "/api-keys").then().statusCode(201).extract().path("id").toString();

        asAdmin().accept("text/csv").delete(ORGANIZATIONS + "/" + org + "/api-keys/" + id).then().statusCode(204);
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"application/json; charset=utf-16", "application/json; charset=UTF-16BE", "application/json;charset=iso-8859-1",
            "application/merge-patch+json; charset=windows-1252"})
    void aBodyInAnotherCharsetIs415(String contentType) {
        String slug = uniqueSlug("cs");
        byte[] body = ("{\"slug\": \"" + slug + "\", \"name\": \"Zorg\"}").getBytes(StandardCharsets.UTF_8);

        Response response = asAdmin().contentType(contentType).body(body).post(ORGANIZATIONS);

        assertProblem(response, 415, "unsupported-media-type");
        assertThat(response.jsonPath().getString("detail")).contains("UTF-8");
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(404);
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json; charset=\"UTF-8\"", "application/json"})
    void aBodyInUtf8IsRead(String contentType) {
        String slug = uniqueSlug("cs-ok");
        asAdmin().contentType(contentType).body(("{\"slug\": \"" + slug + "\", \"name\": \"Zorg Één\"}").getBytes(StandardCharsets.UTF_8))
                .post(ORGANIZATIONS).then().statusCode(201).body("name", equalTo("Zorg Één"));
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        String slug = uniqueSlug("no-ct");
        byte[] body = ("{\"slug\": \"" + slug + "\", \"name\": \"Zorg\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = postWithoutContentType(ORGANIZATIONS, body);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://waarom.org/problems/unsupported-media-type").contains("Content-Type");
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(404);
        // An action whose body is optional may still be called without one (and so without a Content-Type).
        String org = newOrganization("no-ct");
        draft(org, "mission", statement("Missie."));
        adopt(org, "mission", 1, null);
        assertThat(postWithoutContentType(versions(org, "mission") + "/1/restore", new byte[0]).statusCode()).isEqualTo(201);
    }

    /** REST Assured always names a media type for a request; this client sends none. */
    private static HttpResponse<String> postWithoutContentType(String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + PLATFORM_ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {"application/json;q=0", "application/json; q=0.000", "*/*, application/json;q=0", "application/*;q=0, text/csv"})
    void anAcceptThatExcludesJsonIs406(String accept) {
        String org = newOrganization("q0");

        assertProblem(asAdmin().accept(accept).get(ORGANIZATIONS + "/" + org), 406, "not-acceptable");
        assertProblem(asAdmin().accept(accept).get("/api/v1/element-types"), 406, "not-acceptable");
    }

    @Test
    void aZeroQualityChoosesAmongTheFormsOfANegotiatedRead() {
        String org = newOrganization("q0-csv");
        draft(org, "values", values(value("respect", "Respect", "We vragen eerst.")));
        adopt(org, "values", 1, null);
        String current = "/api/v1/organizations/" + org + "/values/current";

        asAdmin().accept("text/csv;q=0, application/json").get(current).then().statusCode(200).contentType(ContentType.JSON);
        asAdmin().accept("application/json;q=0, text/csv").get(current).then().statusCode(200).contentType(startsWith("text/csv"));
        assertProblem(asAdmin().accept("application/json;q=0, text/csv;q=0").get(current), 406, "not-acceptable");
    }

    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {"application/json;q=0.1", "text/csv;q=0, application/json", "*/*;q=0.5, text/html;q=0", "application/*"})
    void anAcceptThatAllowsJsonIsServedJson(String accept) {
        String org = newOrganization("q1");

        asAdmin().accept(accept).get(ORGANIZATIONS + "/" + org).then().statusCode(200).contentType(ContentType.JSON);
    }
}
