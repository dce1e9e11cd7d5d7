package org.waarom.scheduler.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/** What a load balancer and an operator see at /q/health. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class HealthTest {

    private static final String QUARTZ_CHECK = "checks.find { it.name == '" + QuartzSchedulerReadiness.NAME + "' }";

    @Test
    void healthIsUpWithTheDatabaseAndTheQuartzScheduler() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(QuartzSchedulerReadiness.NAME, "Database connections health check"))
                .body("checks.status", not(hasItem("DOWN")));
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
