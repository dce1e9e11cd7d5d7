package org.waarom.scheduler.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;
import org.waarom.scheduler.api.ReviewPolicy;
import org.waarom.scheduler.policy.CycleTriggers;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** What an operator sees at GET /scheduler/triggers, and that it asks for the service key. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class TriggersResourceTest {

    private static final LocalDate ANCHOR = LocalDate.now(ZoneOffset.UTC).plusYears(1).withDayOfMonth(1);

    @Inject
    TestScheduler scheduler;

    @Inject
    CycleTriggers triggers;

    @BeforeEach
    void start() {
        // Jobs paused: the triggers below stay exactly as stored.
        scheduler.quiesce();
        triggers.apply(new ReviewPolicy("zorg-b", "vision", true, "P3Y", ANCHOR, true, "P30D", "P14D"));
        triggers.apply(new ReviewPolicy("zorg-a", "strategy", true, "P1Y", ANCHOR, true, "P30D", "P14D"));
        triggers.apply(new ReviewPolicy("zorg-a", "values", true, "P5Y", ANCHOR, false, null, null));
    }

    @Test
    void listsEveryScheduledCycleWithItsNextFireTime() {
        given().header("Authorization", "Bearer " + VisionApiStub.SERVICE_KEY)
                .when().get("/scheduler/triggers")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.organization", contains("zorg-a", "zorg-a", "zorg-b"))
                .body("items.element", contains("strategy", "values", "vision"))
                .body("items[2].cycle", equalTo("P3Y"))
                .body("items[2].anchorDate", equalTo(ANCHOR.toString()))
                .body("items[2].nextFireTime", equalTo(triggers.fireInstant(ANCHOR.plusYears(3)).toString()))
                .body("items[2].previousFireTime", nullValue())
                .body("items[2].state", equalTo("NORMAL"));
    }

    @Test
    void filtersByOrganisationAndPages() {
        given().header("Authorization", "Bearer " + VisionApiStub.SERVICE_KEY)
                .queryParam("organization", "zorg-a").queryParam("size", 1).queryParam("page", 1)
                .when().get("/scheduler/triggers")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].element", equalTo("values"));
    }

    @Test
    void withoutTheServiceKeyItAnswers401AsProblemDetails() {
        given().when().get("/scheduler/triggers")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
        given().header("Authorization", "Bearer wk_some_other_key")
                .when().get("/scheduler/triggers")
                .then().statusCode(401);
    }

    @Test
    void refusesSizesBeyondTheLargestPage() {
        given().header("Authorization", "Bearer " + VisionApiStub.SERVICE_KEY).queryParam("size", 500)
                .when().get("/scheduler/triggers")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }
}
