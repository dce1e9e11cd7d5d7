package org.waarom.api.demo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.asAdmin;

/** The demo organisation loads through the real services, once, with every element several versions deep and goals with measurements. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DemoOrganizationTest {

    @Inject
    DemoOrganization demo;

    @Test
    void loadsAFullPictureOnceAndIsIdempotent() {
        String slug = demo.load();
        assertThat(demo.load()).isEqualTo(slug);

        String base = "/api/v1/organizations/" + slug;
        asAdmin().get(base).then().statusCode(200).body("defaultLanguage", equalTo("nl"));
        asAdmin().get(base + "/elements").then().statusCode(200)
                .body("find { it.element == 'mission' }.currentVersion", equalTo(2))
                .body("find { it.element == 'vision' }.currentVersion", equalTo(3))
                .body("find { it.element == 'vision' }.openVersion", equalTo(4))
                .body("find { it.element == 'values' }.currentVersion", equalTo(2))
                .body("find { it.element == 'strategy' }.currentVersion", equalTo(3));
        asAdmin().get(base + "/elements/values").then().statusCode(200)
                .body("content.items", hasSize(4))
                .body("content.items[0].behaviours[0]", equalTo("We vragen voor we iets doen."));
        asAdmin().get(base + "/elements/vision/versions").then().body("total", equalTo(4));
        asAdmin().queryParam("asOf", "2020-01-01").get(base + "/elements/vision").then().body("version", equalTo(2))
                .body("content.statement", startsWith("Wij streven naar een samenleving"));
        // The statements in use: acknowledged values, and references citing them as they were then.
        asAdmin().get(base + "/elements/values/versions/2/acknowledgements").then().statusCode(200).body("total", equalTo(5));
        asAdmin().queryParam("element", "values").queryParam("item", "respect").get(base + "/references").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].cites[0].version", equalTo(1));
        asAdmin().get(base + "/references").then().body("total", equalTo(4));
    }

    @Test
    void showsAGoalReachedByItsMeasurementsAsTheCauseOfAVisionReview() {
        String slug = demo.load();
        String base = "/api/v1/organizations/" + slug;

        JsonPath strategic = asAdmin().get(base + "/goals?kind=STRATEGIC").then().statusCode(200).body("total", equalTo(1))
                .extract().jsonPath();
        assertThat(strategic.getString("items[0].title")).isEqualTo("Ondersteuning rond de persoon en zijn netwerk");
        assertThat(strategic.getList("items[0].serves", String.class)).containsExactly("vision");
        assertThat(strategic.getString("items[0].status")).isEqualTo("OPEN");
        assertThat(strategic.getList("items[0].operationalGoals")).hasSize(2);

        JsonPath operational = asAdmin().get(base + "/goals?kind=OPERATIONAL").then().statusCode(200).body("total", equalTo(2))
                .extract().jsonPath();
        assertThat(operational.getList("items.findAll { it.status == 'REACHED' }.title", String.class)).containsExactly("Iedereen een netwerk");
        assertThat(operational.getString("items.find { it.status == 'REACHED' }.reachedCause")).isEqualTo("INDICATORS");
        assertThat(operational.getInt("items.find { it.status == 'REACHED' }.indicators[0].latestValue")).isEqualTo(82);
        assertThat(operational.getList("items.find { it.status == 'OPEN' }.indicators.targetMet", Boolean.class)).containsOnly(false);

        // One goal.reached event, naming what the goal serves: the event from which the review-scheduler asks for the review
        // of the vision (both services together: DemoEndToEndTest); the open vision draft is that revision.
        JsonPath events = asAdmin().queryParam("limit", 500).get(base + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("items.findAll { it.type == 'goal.reached' }.data.title", String.class)).containsExactly("Iedereen een netwerk");
        assertThat(events.getList("items.find { it.type == 'goal.reached' }.data.serves", String.class)).containsExactly("vision");
    }
}
