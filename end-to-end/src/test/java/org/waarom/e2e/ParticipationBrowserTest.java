package org.waarom.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a person with only a link sees, in a real browser (docs/participation.md): the packaged vision-api, Debian's
 * Chromium through Selenium WebDriver, axe-core on every page (no serious or critical violation), every page fitting a
 * 360-pixel-wide window, and screenshots at 360 and 1280 pixels kept under docs/screenshots/.
 */
class ParticipationBrowserTest {

    private static final String ADMIN_KEY = "wrm_e2e-pages-platform-admin-key-0123456789ab";

    @TempDir
    static Path work;

    static RunningService api;

    @BeforeAll
    static void startTheApi() throws Exception {
        api = new RunningService("vision-api", work.resolve("api"), Map.of("WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY)).start();
    }

    @AfterAll
    static void stopTheApi() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anInvitedPersonGivesFeedbackOnAnItemChangesItAndTheRoundCountsIt() throws Exception {
        Round round = round("zorg-lindeboom", "Zorg De Lindeboom");
        try (Browser browser = Browser.start(work.resolve("chromium-feedback"), "nl")) {
            WebDriver page = browser.driver();
            page.get(round.link);
            assertThat(page.getTitle()).isEqualTo("Geef je mening – Zorg De Lindeboom");
            assertThat(page.findElement(By.cssSelector(".organization")).getText()).isEqualTo("Zorg De Lindeboom");
            assertThat(page.findElement(By.id("part-netwerk")).getText()).contains("Sterk netwerk", "Nieuw");
            assertThat(page.findElements(By.cssSelector("#part-statement ins"))).isNotEmpty();
            browser.assertAccessible();
            browser.screenshot("consultation", 360, 1280);

            // Keyboard only: the first Tab reaches the skip link, which leads to the text.
            page.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(page.switchTo().activeElement().getAttribute("class")).isEqualTo("skip");

            // Sent without a stance: the page again, the error beside the field, what was typed kept.
            WebElement form = page.findElement(By.id("part-netwerk")).findElement(By.tagName("form"));
            form.findElement(By.name("text")).sendKeys("Wie helpt als familie wegvalt?");
            browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
            assertThat(page.findElement(By.id("new-netwerk-stance-error")).getText()).contains("Kies of je dit steunt");
            assertThat(page.findElement(By.id("new-netwerk-text")).getAttribute("value")).isEqualTo("Wie helpt als familie wegvalt?");
            browser.assertAccessible();
            browser.screenshot("consultation-error", 360);

            page.findElement(By.cssSelector("label[for=new-netwerk-concern]")).click();
            browser.submit(page.findElement(By.id("new-netwerk-text")).findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Dank je. Je reactie is bewaard.");
            assertThat(page.findElement(By.id("part-netwerk")).getText()).contains("Ik heb een bezwaar", "Wie helpt als familie wegvalt?");
            browser.assertAccessible();
            admin().get(consultation(round)).then().statusCode(200)
                    .body("summary.total", equalTo(1)).body("summary.byStance.CONCERN", equalTo(1))
                    .body("feedback[0].anchor.item", equalTo("netwerk")).body("feedback[0].audience", equalTo("CLIENTS"));

            // Changed: the form behind "Je reactie wijzigen".
            WebElement own = page.findElement(By.cssSelector("#part-netwerk .own"));
            own.findElement(By.tagName("summary")).click();
            own.findElement(By.cssSelector("label[for$=-suggestion]")).click();
            WebElement text = own.findElement(By.name("text"));
            text.clear();
            text.sendKeys("Een vaste buddy voor wie geen familie heeft.");
            browser.submit(own.findElement(By.cssSelector("details button[type=submit]")));
            assertThat(page.findElement(By.cssSelector("#part-netwerk .own")).getText()).contains("Ik heb een voorstel", "Een vaste buddy");
            browser.assertAccessible();
            browser.screenshot("consultation-feedback", 360, 1280);
            admin().get(consultation(round)).then()
                    .body("summary.total", equalTo(1)).body("summary.byStance.SUGGESTION", equalTo(1)).body("summary.byStance.CONCERN", equalTo(0))
                    .body("feedback[0].text", equalTo("Een vaste buddy voor wie geen familie heeft."));

            // The same page in French: the words change, the organisation's text stays in its own language.
            page.get(round.link + "&lang=fr");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Donnez votre avis");
            browser.assertAccessible();
        }
    }

    @Test
    void aClosedRoundIsReadOnlyAndARevokedLinkNoLongerWorks() throws Exception {
        Round closed = round("zorg-closed", "Zorg De Horizon");
        Round revoked = round("zorg-revoked", "Zorg Het Anker");
        given().baseUri(api.url()).queryParam("token", closed.token).contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("statement", true), "stance", "SUPPORT", "text", "Helder en warm."))
                .post(consultation(closed) + "/feedback").then().statusCode(201);
        admin().post(consultation(closed) + "/close").then().statusCode(200);
        long invitation = admin().get(consultation(revoked) + "/invitations").jsonPath().getLong("items[0].id");
        admin().delete(consultation(revoked) + "/invitations/" + invitation).then().statusCode(204);

        try (Browser browser = Browser.start(work.resolve("chromium-closed"), "nl")) {
            WebDriver page = browser.driver();
            page.get(closed.link);
            assertThat(page.findElement(By.cssSelector(".closed")).getText()).startsWith("Deze ronde is gesloten op");
            assertThat(page.findElement(By.id("part-statement")).getText()).contains("Ik steun dit", "Helder en warm.");
            assertThat(page.findElements(By.tagName("form"))).isEmpty();
            browser.assertAccessible();
            browser.screenshot("consultation-closed", 360, 1280);

            page.get(revoked.link);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Deze link werkt niet");
            assertThat(page.getPageSource()).doesNotContain("Het Anker", "zorg-revoked");
            browser.assertAccessible();
            browser.screenshot("link-not-valid", 360);
        }
    }

    @Test
    void anEmployeeAcknowledgesTheValuesThroughTheirLinkOnceAndARevokedLinkStops() throws Exception {
        String org = "zorg-waarden";
        admin().contentType(ContentType.JSON).body(Map.of("slug", org, "name", "Zorg De Waarden", "defaultLanguage", "nl", "languages", List.of("nl", "fr")))
                .post("/api/v1/organizations").then().statusCode(201);
        String versions = "/api/v1/organizations/" + org + "/elements/values/versions";
        admin().contentType(ContentType.JSON).body(Map.of("changeReason", "Onze waarden", "content", Map.of("items", List.of(
                Map.of("key", "respect", "title", "Respect", "description", "We vertrekken van wat de persoon wil.",
                        "behaviours", List.of("We vragen toestemming voor we iets doen.", "We kloppen aan voor we binnengaan."))))))
                .post(versions).then().statusCode(201);
        String tag = admin().get(versions + "/1").header("ETag");
        admin().header("If-Match", tag).contentType(ContentType.JSON).body("{}").post(versions + "/1/adopt").then().statusCode(200);
        Response links = admin().contentType(ContentType.JSON).body(Map.of("people", List.of(
                        Map.of("person", "hr-1001", "name", "An Peeters", "language", "nl"), Map.of("person", "hr-1002", "name", "Jonas Maes"))))
                .post(versions + "/1/acknowledgement-links").then().statusCode(201).extract().response();
        String link = links.jsonPath().getString("items[0].link");
        String revoked = links.jsonPath().getString("items[1].link");
        admin().delete(versions + "/1/acknowledgement-links/" + links.jsonPath().getLong("items[1].id")).then().statusCode(204);

        try (Browser browser = Browser.start(work.resolve("chromium-acknowledgement"), "nl")) {
            WebDriver page = browser.driver();
            page.get(link);
            assertThat(page.getTitle()).isEqualTo("Lezen en bevestigen – Zorg De Waarden");
            assertThat(page.findElement(By.id("part-respect")).getText()).contains("Respect", "We kloppen aan voor we binnengaan.");
            browser.assertAccessible();
            browser.screenshot("acknowledgement", 360, 1280);

            browser.submit(page.findElement(By.cssSelector("form button[type=submit]")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Dank je. We hebben genoteerd dat je deze tekst gelezen hebt.");
            browser.assertAccessible();
            admin().contentType(ContentType.JSON).body(Map.of("expected", List.of("hr-1001", "hr-1002"))).post(versions + "/1/acknowledgements/status")
                    .then().statusCode(200).body("acknowledged[0].person", equalTo("hr-1001")).body("missing[0]", equalTo("hr-1002"));

            // Pressed again: recorded already, and when; still once.
            browser.submit(page.findElement(By.cssSelector("form button[type=submit]")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText()).startsWith("Je bevestigde op");
            browser.assertAccessible();
            browser.screenshot("acknowledgement-done", 360, 1280);
            admin().get(versions + "/1/acknowledgements").then().body("total", equalTo(1));

            page.get(revoked);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Deze link werkt niet");
            assertThat(page.getPageSource()).doesNotContain("De Waarden", org);
            browser.assertAccessible();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    record Round(String org, long id, String token, String link) {
    }

    /** An organisation whose vision 1 is adopted and vision 2 is in a round for clients, with an invitation of the clients' council. */
    private static Round round(String org, String name) {
        admin().contentType(ContentType.JSON).body(Map.of("slug", org, "name", name, "defaultLanguage", "nl", "languages", List.of("nl", "fr")))
                .post("/api/v1/organizations").then().statusCode(201);
        String versions = "/api/v1/organizations/" + org + "/elements/vision/versions";
        admin().contentType(ContentType.JSON).body(Map.of("changeReason", "Eerste visie", "content", Map.of(
                "statement", "Wij streven naar een samenleving waarin iedereen meetelt.",
                "items", List.of(Map.of("key", "inclusie", "title", "Inclusie", "description", "Iedereen hoort erbij.")))))
                .post(versions).then().statusCode(201);
        String adoptTag = admin().get(versions + "/1").header("ETag");
        admin().header("If-Match", adoptTag).contentType(ContentType.JSON).body("{}").post(versions + "/1/adopt").then().statusCode(200);
        String draftTag = admin().contentType(ContentType.JSON).body(Map.of("changeReason", "Nieuwe visie", "content", Map.of(
                "statement", "Wij streven naar een samenleving waarin iedereen echt meetelt en meedoet.",
                "items", List.of(Map.of("key", "inclusie", "title", "Inclusie", "description", "Iedereen hoort erbij, ook wie het moeilijk heeft."),
                        Map.of("key", "netwerk", "title", "Sterk netwerk", "description", "Niemand staat er alleen voor.")))))
                .post(versions).then().statusCode(201).extract().header("ETag");
        long id = admin().header("If-Match", draftTag).contentType(ContentType.JSON)
                .body(Map.of("question", "Herken je je in deze visie? Wat mist er nog?",
                        "deadline", Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).toString(), "audience", List.of("EMPLOYEES", "CLIENTS")))
                .post(versions + "/2/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
        Response invitation = admin().contentType(ContentType.JSON).body(Map.of("audience", "CLIENTS", "label", "Cliëntenraad"))
                .post("/api/v1/organizations/" + org + "/consultations/" + id + "/invitations").then().statusCode(201).extract().response();
        return new Round(org, id, invitation.jsonPath().getString("token"), invitation.jsonPath().getString("link"));
    }

    private static String consultation(Round round) {
        return "/api/v1/organizations/" + round.org + "/consultations/" + round.id;
    }

    private static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }
}
