package org.waarom.api.webhook;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.waarom.api.ApiTestSupport.asAdmin;

/** Registers webhooks through the API and removes them after each test, so that no test's receiver outlives it. */
final class WebhookTestSupport {

    private final List<String> created = new ArrayList<>();

    static String webhooks(String org) {
        return "/api/v1/organizations/" + org + "/webhooks";
    }

    /** Registers a webhook (201 expected) and returns the answer. */
    JsonPath create(String org, String url, List<String> events, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        if (secret != null) {
            body.put("secret", secret);
        }
        JsonPath answer = asAdmin().contentType(ContentType.JSON).body(body).post(webhooks(org))
                .then().statusCode(201).extract().jsonPath();
        created.add(webhooks(org) + "/" + answer.getLong("id"));
        return answer;
    }

    /** Deletes this webhook after the test too (one a test registered some other way). */
    void track(String org, long id) {
        created.add(webhooks(org) + "/" + id);
    }

    JsonPath get(String org, long id) {
        return asAdmin().get(webhooks(org) + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The delivery log, newest first. */
    JsonPath deliveries(String org, long id) {
        return asAdmin().get(webhooks(org) + "/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** The organisation's event feed, up to 500 events. */
    static JsonPath feed(String org) {
        return asAdmin().get("/api/v1/organizations/" + org + "/events?limit=500").then().statusCode(200).extract().jsonPath();
    }

    /** The ids of the organisation's events of this type (all when null), in feed order. */
    static List<Long> eventIds(String org, String type) {
        JsonPath feed = feed(org);
        List<Long> ids = feed.getList("items.id", Long.class);
        List<String> types = feed.getList("items.type", String.class);
        List<Long> matching = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (type == null || type.equals(types.get(i))) {
                matching.add(ids.get(i));
            }
        }
        return matching;
    }

    /** Deletes what {@link #create} registered (those a test deleted itself answer 404). */
    void deleteAll() {
        created.forEach(path -> asAdmin().delete(path));
        created.clear();
    }
}
