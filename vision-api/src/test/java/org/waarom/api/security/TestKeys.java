package org.waarom.api.security;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.waarom.api.ApiTestSupport.asAdmin;

/** Issues API keys through the public API, as the platform operator. */
public final class TestKeys {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestKeys() {
    }

    /** A key as its creation answered it: the id and the key itself (shown that once). */
    public record IssuedKey(long id, String name, String key) {
        public String credential() {
            return "key:" + id;
        }
    }

    /** A new key of the organisation with these roles. */
    public static IssuedKey organizationKey(String org, String... roles) {
        return issue("/api/v1/organizations/" + org + "/api-keys", String.join("-", roles), roles);
    }

    /** A new platform key ({@code platform-admin} or {@code service}). */
    public static IssuedKey platformKey(String... roles) {
        return issue("/api/v1/api-keys", "platform-" + String.join("-", roles), roles);
    }

    private static IssuedKey issue(String path, String purpose, String... roles) {
        String name = purpose + "-" + SEQUENCE.incrementAndGet();
        Response created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", List.of(roles)))
                .post(path)
                .then().statusCode(201).extract().response();
        return new IssuedKey(created.jsonPath().getLong("id"), name, created.path("key"));
    }
}
