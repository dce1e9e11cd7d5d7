package org.waarom.api;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

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
        return given().header("Authorization", "Bearer " + credential);
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
}
