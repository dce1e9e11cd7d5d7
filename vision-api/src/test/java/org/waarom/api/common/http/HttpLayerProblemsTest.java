package org.waarom.api.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.PLATFORM_ADMIN_KEY;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * What the HTTP layer refuses before the API's code runs ({@link HttpLayerProblems}) is a problem like every other error:
 * never a 500, never an empty body where Quarkus lets the answer be shaped, and never an ERROR in the log.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class HttpLayerProblemsTest {

    private static final int LIMIT = 262_144;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler errorLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listenForErrors() {
        Logger.getLogger("").addHandler(errorLog);
    }

    @AfterEach
    void nothingWasLoggedAsAnError() {
        Logger.getLogger("").removeHandler(errorLog);
        assertThat(errors).as("ERROR log records").extracting(record -> record.getLoggerName() + ": " + record.getMessage()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // A Content-Type that is not a media type: 400, for every method, with credentials or without

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"garbage", "text", "application/", "/json", "a/b/c"})
    void aContentTypeThatIsNotAMediaTypeIs400EvenWithoutCredentials(String contentType) {
        Response anonymous = verbatim(given()).header("Content-Type", contentType).get("/api/v1/element-types");

        assertProblem(anonymous, 400, "invalid-request");
        assertThat(errorFields(anonymous)).containsExactly("Content-Type");
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"garbage", "text", "a/b/c"})
    void aContentTypeThatIsNotAMediaTypeIs400OnEveryMethod(String contentType) {
        String org = newOrganization("http-ct");

        assertProblem(verbatim(asAdmin()).header("Content-Type", contentType).get("/api/v1/organizations/" + org), 400, "invalid-request");
        assertProblem(verbatim(asAdmin()).header("Content-Type", contentType).body(bytes("{\"content\": {\"statement\": \"Visie.\"}}"))
                .post(versions(org, "vision")), 400, "invalid-request");
        assertProblem(verbatim(asAdmin()).header("Content-Type", contentType).header("If-Match", "*").body(bytes("{\"name\": \"Anders\"}"))
                .patch("/api/v1/organizations/" + org), 400, "invalid-request");
        assertProblem(verbatim(asAdmin()).header("Content-Type", contentType).header("If-Match", "*")
                .delete(versions(org, "vision") + "/1"), 400, "invalid-request");

        asAdmin().get(versions(org, "vision")).then().statusCode(200).body("total", equalTo(0));
        asAdmin().get("/api/v1/organizations/" + org).then().statusCode(200).body("name", equalTo("Test " + org));
    }

    /**
     * Java's own HttpClient asks to upgrade a plain-HTTP connection to HTTP/2 (h2c) with its first request, body and all:
     * such a POST was a 500 ("Request has already been read") once this layer read bodies. Found by the generated Java
     * client of the end-to-end tests.
     */
    @Test
    void aBodySentOverAnUpgradedHttp2ConnectionIsRead() throws Exception {
        String slug = org.waarom.api.ApiTestSupport.uniqueSlug("h2c");
        java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/api/v1/organizations"))
                        .header("Authorization", "Bearer " + PLATFORM_ADMIN_KEY).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"slug\": \"" + slug + "\", \"name\": \"Zorg H2\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        asAdmin().get("/api/v1/organizations/" + slug).then().statusCode(200).body("name", equalTo("Zorg H2"));
    }

    @Test
    void anEmptyContentTypeIs400() throws Exception {
        RawHttp.Answer answer = raw().send("""
                GET /api/v1/element-types HTTP/1.1
                Host: localhost
                Content-Type:\s
                Connection: close
                """);

        assertRawProblem(answer, 400, "invalid-request");
    }

    // ---------------------------------------------------------------------------------------------
    // Bodies over the limit: 413, with Content-Length or chunked, and nothing stored

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {300_000, 1_000_000, 3_000_000})
    void aChunkedBodyOverTheLimitIs413AndNothingIsStored(int size) throws Exception {
        String org = newOrganization("http-chunked");

        RawHttp.Answer answer = raw().send(post(versions(org, "vision")), validDraftOf(size));

        assertRawProblem(answer, 413, "payload-too-large");
        assertThat(answer.header("Connection")).isEqualTo("close");
        asAdmin().get(versions(org, "vision")).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        String org = newOrganization("http-chunked-ok");

        RawHttp.Answer answer = raw().send(post(versions(org, "vision")), validDraftOf(LIMIT - 1_000));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        asAdmin().get(versions(org, "vision") + "/1").then().statusCode(200).body("content.statement", equalTo("Visie."));
    }

    @Test
    void aBodyOverTheLimitIs413WhateverTheOperation() {
        byte[] big = ("{\"x\": \"" + "x".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertProblem(asAdmin().contentType(ContentType.JSON).body(big).post("/api/v1/organizations"), 413, "payload-too-large");
        // A GET takes no body, but one sent is read up to the limit all the same (the operation is not known yet).
        assertProblem(asAdmin().contentType(ContentType.JSON).body(big).get("/api/v1/element-types"), 413, "payload-too-large");
    }

    // ---------------------------------------------------------------------------------------------
    // Requests that cannot be looked up or read

    @ParameterizedTest(name = "path {0}")
    @ValueSource(strings = {"/api/v1/organizations/%00", "/api/v1/organizations/%00/elements/vision",
            "/api/v1/element-types;jsessionid=x", "/api/v1/organizations/x/../../element-types", "/api/v1/api-keys/%EF%BC%91",
            "/api/v1/api-keys/%D9%A1"})
    void aPathNoResourceCanHaveIs404BeforeAnyLookup(String path) {
        assertProblem(asAdmin().urlEncodingEnabled(false).get(path), 404, "not-found");
    }

    /** By socket: REST Assured's HTTP client collapses "//" before sending. */
    @Test
    void anEmptyPathSegmentIs404() throws Exception {
        assertRawProblem(raw().send("GET /api/v1//organizations HTTP/1.1\nHost: localhost\nAuthorization: Bearer " + PLATFORM_ADMIN_KEY
                + "\nConnection: close\n"), 404, "not-found");
    }

    @Test
    void aQueryParameterTwiceEmptyWithSpacesOrANulIs400NamingIt() {
        String org = newOrganization("http-query");
        for (String query : List.of("size=5&size=6", "size=", "size", "size=%205", "size=%00", "size=%D9%A5")) {
            Response response = asAdmin().urlEncodingEnabled(false).get(versions(org, "vision") + "?" + query);
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).as(query).containsExactly("size");
        }
        asAdmin().urlEncodingEnabled(false).get(versions(org, "vision") + "?size=5").then().statusCode(200);
    }

    @Test
    void aRequestWithoutHostIs400() throws Exception {
        RawHttp.Answer answer = raw().send("""
                GET /api/v1/element-types HTTP/1.1
                Authorization: Bearer %s
                Connection: close
                """.formatted(PLATFORM_ADMIN_KEY));

        assertRawProblem(answer, 400, "invalid-request");
    }

    @Test
    void aRequestUriOver4096CharactersIs414() throws Exception {
        assertRawProblem(raw().send("GET /api/v1/element-types?q=" + "a".repeat(5_000) + " HTTP/1.1\nHost: localhost\nConnection: close\n"),
                414, "uri-too-long");
    }

    @Test
    void headersOver20KiBAre431() throws Exception {
        assertRawProblem(raw().send("GET /api/v1/element-types HTTP/1.1\nHost: localhost\nX-Big: " + "a".repeat(30_000) + "\nConnection: close\n"),
                431, "headers-too-large");
    }

    /*
     * What follows is refused before Quarkus routes the request, and so before any code of the API: Vert.x's parser
     * (a request line or headers over 64 KiB, a control character in a header) and Quarkus's root handler (a URI
     * java.net.URI refuses) answer with the status and an empty body, and Quarkus offers no hook to shape those answers
     * (see HttpLayerProblems). What is held here: the status is the right one, never a 500, nothing is logged.
     */

    @Test
    void aRequestLineOver64KiBIsABare414() throws Exception {
        assertThat(raw().send("GET /api/v1/element-types?q=" + "a".repeat(70_000) + " HTTP/1.1\nHost: localhost\nConnection: close\n").status())
                .isEqualTo(414);
    }

    @Test
    void headersOver64KiBAreABare431() throws Exception {
        assertThat(raw().send("GET /api/v1/element-types HTTP/1.1\nHost: localhost\nX-Big: " + "a".repeat(70_000) + "\nConnection: close\n")
                .status()).isEqualTo(431);
    }

    @Test
    void aControlCharacterInAHeaderIs400() throws Exception {
        assertThat(raw().send("GET /api/v1/element-types HTTP/1.1\nHost: localhost\nX-Bad: a\u0001b\nConnection: close\n").status())
                .isEqualTo(400);
    }

    @Test
    void anInvalidPercentEncodingIs400() throws Exception {
        assertThat(raw().send("GET /api/v1/organizations/%zz HTTP/1.1\nHost: localhost\nAuthorization: Bearer " + PLATFORM_ADMIN_KEY
                + "\nConnection: close\n").status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------------------------------------

    /** Sends the Content-Type as given: REST Assured would otherwise add a charset to it. */
    private static RequestSpecification verbatim(RequestSpecification request) {
        return request.config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private RawHttp raw() {
        return new RawHttp(base);
    }

    private static String post(String path) {
        return """
                POST %s HTTP/1.1
                Host: localhost
                Authorization: Bearer %s
                Content-Type: application/json
                Transfer-Encoding: chunked
                Connection: close
                """.formatted(path, PLATFORM_ADMIN_KEY);
    }

    /** A valid draft of {@code size} bytes: whitespace is all that makes it large, so only its size can refuse it. */
    private static byte[] validDraftOf(int size) {
        String start = "{\"content\": {\"statement\": \"Visie.\"},";
        String end = "\"changeReason\": \"test\"}";
        return (start + " ".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code assertProblem} for an answer read from a socket. */
    private static void assertRawProblem(RawHttp.Answer answer, int status, String typeSlug) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://waarom.org/problems/" + typeSlug);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "java.", "org.waarom", "io.quarkus", "io.vertx", "\tat ");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }
}
