package org.waarom.api.page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * The review page and the overview (docs/review-page.md): a reminder's link opens the review of its own task, shows why,
 * the text in effect and what happened since, and decides it as the link's recipient, with the API's rules; it opens no
 * other task, organisation or element, and nothing once its task is closed. Drawn in a real browser by the end-to-end
 * module's ReviewBrowserTest; here the HTTP of it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ReviewPageTest {

    static final Map<String, Object> AN = Map.of("name", "An Peeters", "email", "an@zorg-a.be");
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    @Test
    void theLinkShowsTheGoalThatTriggeredTheReviewTheTextInEffectAndTheReferencesSince() {
        Review review = goalReview("pagewhy");
        Response page = given().header("Accept-Language", "nl").get(review.path());
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("Referrer-Policy", equalTo("no-referrer")).header("Cache-Control", equalTo("no-store"));
        String html = page.asString();
        assertThat(html).contains("<html lang=\"nl\"", "Herziening: visie", "Waarom deze herziening", "Inclusief wonen",
                "Cliënten in een gewone straat", "61 % op", "doel gehaald", "De geldende tekst", "Iedereen telt mee.",
                "Nachtronde", "Kloppen en wachten.", "Tekst bevestigen", "Herziening starten")
                .doesNotContain("<script");
        assertThat(html.indexOf("Waarom deze herziening")).isLessThan(html.indexOf("De geldende tekst"));
        assertThat(html.indexOf("De geldende tekst")).isLessThan(html.indexOf("Nachtronde"));
        assertThat(given().header("Accept-Language", "fr").get(review.path()).asString()).contains("Pourquoi cette révision");
    }

    @Test
    void aReviewSomeoneAskedForShowsWhatTheyAskedWithAsText() {
        String org = newOrganization("pagemanual");
        draft(org, "values", Map.of("changeReason", "Eerste", "content", Map.of("items", List.of(Map.of("key", "respect", "title", "Respect",
                "behaviours", List.of("We kloppen aan."))))));
        adopt(org, "values", 1, "2025-01-01T00:00:00Z");
        String base = "/api/v1/organizations/" + org;
        long task = asAdmin().contentType(ContentType.JSON).body(Map.of("element", "values", "reason", "MANUAL", "dueDate", "2030-01-01",
                "note", "Past <b>respect</b> nog bij de nachtzorg?")).post(base + "/review-tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        String token = asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "UPCOMING", "channel", "EMAIL", "recipients", List.of(AN)))
                .post(base + "/review-tasks/" + task + "/reminders").then().statusCode(201).extract().jsonPath().getString("links[0].token");
        String html = given().header("Accept-Language", "nl").get(new Review(org, task, token).path()).then().statusCode(200).extract().asString();
        assertThat(html).contains("Iemand heeft om deze herziening gevraagd.", "Bij de vraag: “Past &lt;b&gt;respect&lt;/b&gt; nog bij de nachtzorg?”")
                .doesNotContain("<b>respect");
    }

    @Test
    void confirmingCompletesTheTaskAsConfirmedAsTheRecipientAndThenTheLinkIsSpent() {
        Review review = goalReview("pageconfirm");
        given().redirects().follow(false).contentType(FORM).formParam("note", "Past nog steeds.").post(review.action("/confirmation"))
                .then().statusCode(200).body(containsString("Thank you"));
        asAdmin().get("/api/v1/organizations/" + review.org + "/review-tasks/" + review.task).then().statusCode(200)
                .body("status", equalTo("DONE")).body("outcome", equalTo("CONFIRMED")).body("note", equalTo("Past nog steeds."))
                .body("closedBy", equalTo("An Peeters"));
        asAdmin().queryParam("action", "reviewPage.confirm").get("/api/v1/organizations/" + review.org + "/audit-log").then().statusCode(200)
                .body("items[0].credential", startsWith("review-link:")).body("items[0].actor", equalTo("An Peeters"))
                .body("items[0].target", not(containsString("token")));
        // Valid until the task is closed: afterwards the link says it does not work, and nothing more.
        Response spent = given().get(review.path());
        spent.then().statusCode(401).body(containsString("This link does not work")).body(not(containsString("Inclusief wonen")));
        given().redirects().follow(false).contentType(FORM).post(review.action("/confirmation")).then().statusCode(401);
    }

    @Test
    void startingARevisionMakesADraftFromTheTextInEffectAndAdoptingItCompletesTheTaskAsRevised() {
        Review review = goalReview("pagerevise");
        given().redirects().follow(false).contentType(FORM).formParam("note", "Wonen breder zien.").post(review.action("/revision"))
                .then().statusCode(303).header("Location", containsString("done=revision"));
        asAdmin().get(versions(review.org, "vision") + "/2").then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("basedOn", equalTo(1)).body("createdBy", equalTo("An Peeters"))
                .body("changeReason", equalTo("Review task " + review.task + ": Wonen breder zien."));
        String html = given().get(review.path() + "&done=revision").asString();
        assertThat(html).contains("A revision has started", "Draft version 2 is being written").doesNotContain("Start a revision");
        asAdmin().get("/api/v1/organizations/" + review.org + "/review-tasks/" + review.task).then().body("status", equalTo("OPEN"));

        adopt(review.org, "vision", 2, null);
        asAdmin().get("/api/v1/organizations/" + review.org + "/review-tasks/" + review.task).then()
                .body("status", equalTo("DONE")).body("outcome", equalTo("REVISED")).body("outcomeVersion", equalTo(2));
        given().get(review.path()).then().statusCode(401);
    }

    @Test
    void aLinkOpensNoOtherTaskOrganisationOrElement() {
        Review review = goalReview("pagescope");
        Review other = goalReview("pagescope2");
        long sameOrganization = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("element", "values", "reason", "MANUAL", "dueDate", "2030-01-01"))
                .post("/api/v1/organizations/" + review.org + "/review-tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        String token = "?token=" + review.token;
        given().get("/pages/" + review.org + "/review-tasks/" + sameOrganization + token).then().statusCode(401);
        given().redirects().follow(false).contentType(FORM).post("/pages/" + review.org + "/review-tasks/" + sameOrganization + "/confirmation" + token).then().statusCode(401);
        given().get("/pages/" + other.org + "/review-tasks/" + other.task + token).then().statusCode(401);
        given().get("/pages/" + other.org + "/review-tasks/" + review.task + token).then().statusCode(401);
        given().get("/api/v1/organizations/" + review.org + "/review-tasks/" + review.task + token).then().statusCode(401);
        given().get("/pages/" + review.org + "/review-tasks/" + review.task + "?token=wrev_nothing").then().statusCode(401)
                .body(containsString("This link does not work"));
        asAdmin().get("/api/v1/organizations/" + review.org + "/review-tasks/" + sameOrganization).then().body("status", equalTo("OPEN"));
        asAdmin().get("/api/v1/organizations/" + other.org + "/review-tasks/" + other.task).then().body("status", equalTo("OPEN"));
        // A revoked link is refused alike.
        long link = asAdmin().get("/api/v1/organizations/" + review.org + "/review-tasks/" + review.task + "/links").jsonPath().getLong("items[0].id");
        asAdmin().delete("/api/v1/organizations/" + review.org + "/review-tasks/" + review.task + "/links/" + link).then().statusCode(204);
        given().get(review.path()).then().statusCode(401);
    }

    @Test
    void theOverviewListsTheOpenReviewsReadOnlyFromAReminderAndFromTheCalendarFeed() {
        Review review = goalReview("pageoverview");
        String overview = "/pages/" + review.org + "/reviews?token=";
        String html = given().get(overview + review.token).then().statusCode(200).extract().asString();
        assertThat(html).contains("Your reviews", "Inclusief wonen", "Open the review of the vision", review.path());
        String feed = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Outlook An"))
                .post("/api/v1/organizations/" + review.org + "/calendar-feeds").then().statusCode(201).extract().jsonPath().getString("token");
        assertThat(given().get(overview + feed).then().statusCode(200).extract().asString())
                .contains("/pages/" + review.org + "/review-tasks/" + review.task + "?token=" + feed);
        // The calendar feed reads a review's page, and decides nothing.
        assertThat(given().get("/pages/" + review.org + "/review-tasks/" + review.task + "?token=" + feed).then().statusCode(200).extract().asString())
                .contains("to decide, open the link in the review’s reminder").doesNotContain("Confirm the text");
        given().redirects().follow(false).contentType(FORM).post("/pages/" + review.org + "/review-tasks/" + review.task + "/confirmation?token=" + feed).then().statusCode(403);
        asAdmin().get("/api/v1/organizations/" + review.org + "/review-tasks/" + review.task).then().body("status", equalTo("OPEN"));
    }

    /** An organisation with a vision in effect, a reached goal that serves it with a measured indicator, a reference, and the review's link. */
    static Review goalReview(String prefix) {
        String org = newOrganization(prefix);
        draft(org, "vision", Map.of("changeReason", "Eerste", "content", Map.of("statement", "Iedereen telt mee.", "items", List.of())));
        adopt(org, "vision", 1, "2025-01-01T00:00:00Z");
        String base = "/api/v1/organizations/" + org;
        long goal = asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", "Inclusief wonen", "serves", List.of("vision")))
                .post(base + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        long indicator = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Cliënten in een gewone straat", "unit", "%", "baseline", 40,
                        "target", 60, "direction", "INCREASE"))
                .post(base + "/goals/" + goal + "/indicators").then().statusCode(201).extract().jsonPath().getLong("id");
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 61, "measuredAt", "2026-06-30"))
                .post(base + "/indicators/" + indicator + "/measurements").then().statusCode(201);
        asAdmin().post(base + "/goals/" + goal + "/reach");
        asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "COMPLAINT", "title", "Nachtronde", "date", "2025-05-04",
                "rationale", "Kloppen en wachten.", "cites", List.of(Map.of("element", "vision")))).post(base + "/references").then().statusCode(201);
        long task = asAdmin().contentType(ContentType.JSON).body(Map.of("element", "vision", "reason", "GOAL_REACHED", "dueDate", "2030-01-01",
                "goalId", goal, "sourceKey", "goal:" + goal + ":vision")).post(base + "/review-tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        String token = asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "UPCOMING", "channel", "EMAIL", "recipients", List.of(AN)))
                .post(base + "/review-tasks/" + task + "/reminders").then().statusCode(201).extract().jsonPath().getString("links[0].token");
        return new Review(org, task, token);
    }

    record Review(String org, long task, String token) {
        String path() {
            return "/pages/" + org + "/review-tasks/" + task + "?token=" + token;
        }

        String action(String suffix) {
            return "/pages/" + org + "/review-tasks/" + task + suffix + "?token=" + token;
        }
    }
}
