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

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** What a load balancer and an operator see at /q/health. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class HealthTest {

    private static final String QUARTZ_CHECK = "checks.find { it.name == '" + QuartzSchedulerReadiness.NAME + "' }";

    @Inject
    TestScheduler scheduler;

    @BeforeEach
    void apiAnswers() {
        // A quiet but reachable API, and the jobs that talk to it running.
        scheduler.quiesce();
        scheduler.resume();
    }

    @Test
    void healthIsUpWithTheDatabaseTheQuartzSchedulerAndTheApi() {
        // The API check turns UP with the first answer of the feed (a circuit opened by an
        // earlier test closes within a second).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(QuartzSchedulerReadiness.NAME, VisionApiReadiness.NAME,
                        "Database connections health check"))
                .body("checks.status", not(hasItem("DOWN"))));
    }

    @Test
    void readinessReportsTheClusteredQuartzInstance() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(QUARTZ_CHECK + ".status", equalTo("UP"))
                .body(QUARTZ_CHECK + ".data.clustered", equalTo(true))
                .body(QUARTZ_CHECK + ".data.instanceName", equalTo("review-scheduler"))
                .body(QUARTZ_CHECK + ".data.instanceId", not(emptyOrNullString()))
                .body(QUARTZ_CHECK + ".data.state", equalTo("started"));
    }
}
