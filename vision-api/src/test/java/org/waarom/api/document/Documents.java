package org.waarom.api.document;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.versions;

/** Builds what a vision document shows through the public API, as the platform operator. */
final class Documents {

    private Documents() {
    }

    static String document(String org) {
        return "/api/v1/organizations/" + org + "/document";
    }

    /** Drafts and adopts {@code content} as the next version of the element; returns the adopted version's number. */
    static int adopted(String org, String type, Map<String, Object> content) {
        int number = draft(org, type, Map.of("content", content, "changeReason", "test")).path("version");
        adopt(org, type, number, null);
        return number;
    }

    static Map<String, Object> statement(String statement) {
        return Map.of("statement", statement);
    }

    static Map<String, Object> items(String statement, Map<String, Object>... items) {
        Map<String, Object> content = new HashMap<>();
        if (statement != null) {
            content.put("statement", statement);
        }
        content.put("items", List.of(items));
        return content;
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

    /** Writes (creates or replaces) the translation of version {@code n} in {@code language}. */
    static void translate(String org, String type, int n, String language, String status, Map<String, Object> content) {
        String path = versions(org, type) + "/" + n + "/translations/" + language;
        Response existing = asAdmin().get(path);
        var request = asAdmin().contentType(ContentType.JSON).body(Map.of("status", status, "content", content));
        if (existing.statusCode() == 200) {
            request = request.header("If-Match", existing.header("ETag"));
        }
        request.put(path).then().statusCode(existing.statusCode() == 200 ? 200 : 201);
    }

    static long strategicGoal(String org, String title, String... serves) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", title, "serves", List.of(serves),
                        "targetDate", "2027-12-31", "owner", "An Peeters"))
                .post("/api/v1/organizations/" + org + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long operationalGoal(String org, long parent, String title) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "OPERATIONAL", "parentId", parent, "title", title))
                .post("/api/v1/organizations/" + org + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long indicator(String org, long goal, String name, String unit, double baseline, double target) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "unit", unit, "baseline", baseline, "target", target, "direction", "INCREASE"))
                .post("/api/v1/organizations/" + org + "/goals/" + goal + "/indicators").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static void measure(String org, long indicator, double value, String measuredAt) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", value, "measuredAt", measuredAt))
                .post("/api/v1/organizations/" + org + "/indicators/" + indicator + "/measurements").then().statusCode(201);
    }

    static void goalAction(String org, long goal, String action) {
        asAdmin().post("/api/v1/organizations/" + org + "/goals/" + goal + "/" + action).then().statusCode(200);
    }
}
