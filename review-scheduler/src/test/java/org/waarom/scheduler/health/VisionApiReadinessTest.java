package org.waarom.scheduler.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * While the vision-api is down the scheduler reports itself not ready, and ready again once the
 * API answers; it stays live throughout, so the platform never restarts it for the API's sake.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class VisionApiReadinessTest {

    private static final String API_CHECK = "checks.find { it.name == '" + VisionApiReadiness.NAME + "' }";

    @Inject
    TestScheduler scheduler;

    @BeforeEach
    void start() {
        scheduler.quiesce();
        scheduler.resume();
    }

    @Test
    void readinessDegradesWhileTheApiAnswers503AndRecoversAfter() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body(API_CHECK + ".status", equalTo("UP")));

        VisionApiStub.server().stubFor(any(anyUrl()).atPriority(1).willReturn(VisionApiStub.problem(503, "Service Unavailable")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body(API_CHECK + ".status", equalTo("DOWN"))
                        .body(API_CHECK + ".data.url", startsWith("http://localhost:")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        VisionApiStub.quiet();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body(API_CHECK + ".status", equalTo("UP")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
