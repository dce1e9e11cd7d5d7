package org.waarom.api.element;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.versions;

/** Writes translations through the public API, as the platform operator. */
final class Translations {

    private Translations() {
    }

    static String translations(String org, String type, int version) {
        return versions(org, type) + "/" + version + "/translations";
    }

    static String translation(String org, String type, int version, String language) {
        return translations(org, type, version) + "/" + language;
    }

    static Map<String, Object> body(String status, Map<String, Object> content) {
        return Map.of("status", status, "content", content);
    }

    static Map<String, Object> statementContent(String statement) {
        return Map.of("statement", statement);
    }

    static Map<String, Object> itemsContent(Map<String, Object>... items) {
        return Map.of("items", List.of(items));
    }

    static Map<String, Object> item(String key, String title, String description, String... behaviours) {
        Map<String, Object> item = new HashMap<>();
        item.put("key", key);
        item.put("title", title);
        if (description != null) {
            item.put("description", description);
        }
        item.put("behaviours", List.of(behaviours));
        return item;
    }

    /** Creates the translation (201 expected) and returns the answer. */
    static Response create(String org, String type, int version, String language, String status, Map<String, Object> content) {
        return asAdmin().contentType(ContentType.JSON).body(body(status, content))
                .put(translation(org, type, version, language)).then().statusCode(201).extract().response();
    }

    /** Replaces the translation with the ETag read first (200 expected) and returns the answer. */
    static Response replace(String org, String type, int version, String language, String status, Map<String, Object> content) {
        String etag = asAdmin().get(translation(org, type, version, language)).then().statusCode(200).extract().header("ETag");
        return asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(body(status, content))
                .put(translation(org, type, version, language)).then().statusCode(200).extract().response();
    }
}
