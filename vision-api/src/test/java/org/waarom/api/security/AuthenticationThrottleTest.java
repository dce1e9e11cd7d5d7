package org.waarom.api.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waarom.api.common.config.SteppableClock;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.newOrganization;

/**
 * A client cannot guess keys or exhaust the service with failed authentications (issue 3): after
 * the limit of failures within the window, its address gets 429 with Retry-After — even with a
 * valid key — until the window has passed. The rest of the suite raises the limit (it sends bad
 * credentials on purpose); this class runs with a strict one of its own.
 */
@QuarkusTest
@TestProfile(AuthenticationThrottleTest.StrictThrottle.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AuthenticationThrottleTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    /**
     * Three failures per ten seconds: a window long enough that a slow build machine still makes the
     * requests of one test within it (three seconds was not, under load). The service's clock is moved
     * past the window instead of waiting for it.
     */
    public static class StrictThrottle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("waarom.security.failed-authentication-limit", "3",
                    "waarom.security.failed-authentication-window", "PT10S");
        }

        /** Time passes when the test says so: a window is over without waiting for it. */
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SteppableClock.Producer.class);
        }
    }

    /** Each test starts in a new window, whatever the one before it left behind. */
    @BeforeEach
    void startANewWindow() {
        SteppableClock.advance(WINDOW);
    }

    @Test
    void tooManyFailedAuthenticationsFromOneAddressAre429UntilTheWindowHasPassed() {
        // Neither missing nor valid credentials count as failures.
        for (int i = 0; i < 5; i++) {
            given().get("/api/v1/me").then().statusCode(401);
            asAdmin().get("/api/v1/me").then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            as("wrm_guess-" + i + "-0123456789abcdefghijklmnop").get("/api/v1/me").then().statusCode(401);
        }

        Response throttled = asAdmin().get("/api/v1/me");
        throttled.then().statusCode(429).contentType("application/problem+json")
                .body("type", endsWith("/too-many-requests"))
                .body("status", equalTo(429));
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 10L);
        as("wrm_guess-again-0123456789abcdefghijklmnop").get("/api/v1/me").then().statusCode(429);
        // A client-supplied forwarding header does not buy a new address.
        asAdmin().header("X-Forwarded-For", "203.0.113.9").header("Forwarded", "for=203.0.113.9")
                .get("/api/v1/me").then().statusCode(429);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/organizations").then().statusCode(429);

        SteppableClock.advance(WINDOW);
        asAdmin().get("/api/v1/me").then().statusCode(200);
        as("wrm_guess-after-0123456789abcdefghijklmnop").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void guessedCalendarFeedTokensCountAsFailedAuthentications() {
        // With feed tokens not counted, the limit would never be reached.
        String org = newOrganization("throttled");
        String feed = "/api/v1/organizations/" + org + "/review-tasks.ics";
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Outlook")).post("/api/v1/organizations/" + org + "/calendar-feeds")
                .then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            assertThat(given().queryParam("token", "wcal_guess-" + i + "-0123456789abcdefghijklmnopqrstuvw").get(feed).statusCode())
                    .isIn(401, 429);
        }

        asAdmin().get(feed).then().statusCode(429).header("Retry-After", notNullValue());

        SteppableClock.advance(WINDOW);
        asAdmin().get(feed).then().statusCode(200);
    }

    @Test
    void guessedInvitationTokensCountAsFailedAuthentications() {
        String org = newOrganization("throttled");
        String etag = asAdmin().contentType(ContentType.JSON).body(Map.of("content", Map.of("statement", "Samen."), "changeReason", "t"))
                .post("/api/v1/organizations/" + org + "/elements/vision/versions").then().statusCode(201).extract().header("ETag");
        long id = asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("question", "?", "deadline", java.time.Instant.now().plus(Duration.ofDays(1)).toString(), "audience", List.of("CLIENTS")))
                .post("/api/v1/organizations/" + org + "/elements/vision/versions/1/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
        String participation = "/api/v1/organizations/" + org + "/consultations/" + id + "/participation";
        for (int i = 0; i < 3; i++) {
            assertThat(given().queryParam("token", "winv_guess-" + i + "-0123456789abcdefghijklmnopqrstuvw").get(participation).statusCode())
                    .isIn(401, 429);
        }

        asAdmin().get(participation).then().statusCode(429).header("Retry-After", notNullValue());

        SteppableClock.advance(WINDOW);
        asAdmin().get(participation).then().statusCode(200);
    }
}
