package org.waarom.scheduler.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;
import org.waarom.scheduler.api.NewReviewTask;
import org.waarom.scheduler.api.VisionApi;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** The figures an operator graphs at /q/metrics: tasks created, feed lag, last policy sync. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class MetricsTest {

    @Inject
    TestScheduler scheduler;

    @Inject
    VisionApi api;

    @BeforeEach
    void start() {
        scheduler.quiesce();
        scheduler.resume();
    }

    @Test
    void tasksCreatedAreCountedByReason() {
        api.createReviewTask("zorg-a", NewReviewTask.cycle("mission", LocalDate.parse("2030-01-01")));

        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*waarom_scheduler_tasks_created_total\\{[^}]*reason=\"CYCLE\"[^}]*} [1-9].*"))
                .body(containsString("# HELP waarom_scheduler_tasks_created Review tasks the scheduler created, by reason"));
    }

    @Test
    void feedLagAndLastPolicySyncAreReported() {
        // Once the feed was read to its end and the policies synced, both gauges hold numbers.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/metrics").then().statusCode(200)
                        .body(matchesPattern("(?s).*\\nwaarom_scheduler_feed_lag_seconds [0-9.E-]+\\n.*"))
                        .body(matchesPattern("(?s).*\\nwaarom_scheduler_policies_last_sync_seconds [0-9.E]+\\n.*"))
                        .body(containsString("# HELP waarom_scheduler_feed_lag_seconds")));
    }
}
