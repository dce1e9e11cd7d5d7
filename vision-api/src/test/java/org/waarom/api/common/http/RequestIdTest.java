package org.waarom.api.common.http;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.waarom.api.ApiTestSupport.asAdmin;

/** Every API answer carries an X-Request-Id: the caller's when it is sane, a new one otherwise. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSaneIncomingIdIsEchoed() {
        String answered = asAdmin().header("X-Request-Id", "gw-1a2b3c.42:7").get("/api/v1/element-types")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(answered).isEqualTo("gw-1a2b3c.42:7");
    }

    @Test
    void withoutOneEachRequestGetsItsOwn() {
        String first = asAdmin().get("/api/v1/element-types").then().statusCode(200).extract().header("X-Request-Id");
        String second = asAdmin().get("/api/v1/element-types").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);
    }

    @Test
    void anInsaneIncomingIdIsReplaced() {
        for (String insane : new String[] {"x".repeat(129), "two words", "id\"injected", "<script>"}) {
            String answered = asAdmin().header("X-Request-Id", insane).get("/api/v1/element-types")
                    .then().statusCode(200).extract().header("X-Request-Id");
            assertThat(answered).as(insane).matches(UUID);
        }
    }

    @Test
    void errorsCarryOneToo() {
        String unauthenticated = given().header("X-Request-Id", "client-401").get("/api/v1/me")
                .then().statusCode(401).extract().header("X-Request-Id");
        assertThat(unauthenticated).isEqualTo("client-401");
        String missing = asAdmin().get("/api/v1/organizations/no-such-org-here").then().statusCode(404).extract().header("X-Request-Id");
        assertThat(missing).matches(UUID);
    }
}
