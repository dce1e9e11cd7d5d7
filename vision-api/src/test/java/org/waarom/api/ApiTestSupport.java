package org.waarom.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Creates organisations and versions through the public API, each test with its own organisation. */
public final class ApiTestSupport {

    /** The platform-admin key the test profile ensures (application.properties, %test). */
    public static final String PLATFORM_ADMIN_KEY = "wrm_test-platform-admin-key-0123456789";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ApiTestSupport() {
    }

    /** A request as the platform operator. */
    public static RequestSpecification asAdmin() {
        return as(PLATFORM_ADMIN_KEY);
    }

    /** A request with this bearer credential (an API key or a token). */
    public static RequestSpecification as(String credential) {
        return given().config(utf8Bodies()).header("Authorization", "Bearer " + credential);
    }

    /**
     * REST Assured's configuration with bodies of every JSON media type sent in UTF-8. For a type it does not know
     * ({@code application/merge-patch+json}) it would otherwise encode the body in ISO-8859-1 and say so in the
     * Content-Type, which the API refuses (415: a body is UTF-8 JSON).
     */
    public static RestAssuredConfig utf8Bodies() {
        RestAssuredConfig config = RestAssured.config();
        return config.encoderConfig(config.getEncoderConfig().defaultCharsetForContentType("UTF-8", "application/merge-patch+json"));
    }

    /** A new organisation with a unique slug starting with {@code prefix}. */
    public static String newOrganization(String prefix) {
        String slug = prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Test " + slug, "defaultLanguage", "nl", "languages", List.of("nl", "fr", "en")))
                .post("/api/v1/organizations")
                .then().statusCode(201);
        return slug;
    }

    public static String versions(String org, String type) {
        return "/api/v1/organizations/" + org + "/elements/" + type + "/versions";
    }

    public static Map<String, Object> statement(String statement) {
        return Map.of("content", Map.of("statement", statement), "changeReason", "test");
    }

    public static Map<String, Object> values(Map<String, Object>... items) {
        return Map.of("content", Map.of("items", List.of(items)), "changeReason", "test");
    }

    public static Map<String, Object> value(String key, String title, String... behaviours) {
        return Map.of("key", key, "title", title, "behaviours", List.of(behaviours));
    }

    /** POSTs a new draft and returns the response (201 expected). */
    public static Response draft(String org, String type, Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(versions(org, type)).then().statusCode(201).extract().response();
    }

    /** Adopts version {@code n}, reading its ETag first; returns the adopt response. */
    public static Response adopt(String org, String type, int n, String effectiveFrom) {
        String etag = asAdmin().get(versions(org, type) + "/" + n).then().statusCode(200).extract().header("ETag");
        var request = asAdmin().header("If-Match", etag).contentType(ContentType.JSON);
        if (effectiveFrom != null) {
            request = request.body(Map.of("effectiveFrom", effectiveFrom));
        }
        return request.post(versions(org, type) + "/" + n + "/adopt").then().statusCode(200).extract().response();
    }

    // --- Added for the contract tests (problem bodies, links, unique slugs) ----------------------

    /** Media type of every error body (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Base of every problem {@code type} URI. */
    public static final String PROBLEM_TYPE_BASE = "https://waarom.org/problems/";

    private static final ObjectMapper PROBLEM_READER = new ObjectMapper();

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\"");

    /** A slug no other test uses, starting with {@code prefix} (2 to 63 characters in all). */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    /**
     * Asserts that {@code response} is an RFC 9457 problem with this status: {@code application/problem+json}
     * with {@code type}, {@code title}, {@code status} and {@code detail}, and no Java internals in the body
     * (no exception or class names, no stack trace). Returns it for further checks.
     */
    public static ValidatableResponse assertProblem(Response response, int status) {
        ValidatableResponse then = response.then()
                .statusCode(status)
                .header("Content-Type", startsWith(PROBLEM_JSON));
        // The body is read once, with Jackson: REST Assured's body(path, matcher) evaluates every path with Groovy, tens of
        // milliseconds apiece, which ApiSweepTest would pay on every one of its thousands of error answers.
        String body = response.asString();
        JsonNode problem;
        try {
            problem = PROBLEM_READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The problem is not JSON: " + body, e);
        }
        assertThat(problem.path("type").asText(null)).as("type of %s", body).startsWith(PROBLEM_TYPE_BASE);
        assertThat(problem.path("title").asText(null)).as("title of %s", body).isNotBlank();
        assertThat(problem.path("status").isInt() ? problem.path("status").intValue() : null).as("status of %s", body).isEqualTo(status);
        assertThat(problem.path("detail").asText(null)).as("detail of %s", body).isNotBlank();
        assertThat(body).doesNotContain("Exception", "java.", "org.waarom", "com.fasterxml", "\tat ", "jakarta.", "io.quarkus", "org.jboss");
        return then;
    }

    /** Like {@link #assertProblem(Response, int)}, and the problem's {@code type} ends with {@code /slug}. */
    public static ValidatableResponse assertProblem(Response response, int status, String typeSlug) {
        return assertProblem(response, status).body("type", equalTo(PROBLEM_TYPE_BASE + typeSlug));
    }

    /** The {@code field} of every entry of a problem's {@code errors[]}, in order. */
    public static List<String> errorFields(Response response) {
        List<String> fields = response.jsonPath().getList("errors.field", String.class);
        return fields == null ? List.of() : fields;
    }

    /** An RFC 8288 {@code Link} header as relation → URI. */
    public static Map<String, String> links(String header) {
        Map<String, String> links = new LinkedHashMap<>();
        if (header == null) {
            return links;
        }
        Matcher matcher = LINK.matcher(header);
        while (matcher.find()) {
            links.put(matcher.group(2), matcher.group(1));
        }
        return links;
    }
}
