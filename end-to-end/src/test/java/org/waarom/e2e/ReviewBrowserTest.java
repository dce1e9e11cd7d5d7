package org.waarom.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.waarom.e2e.MailServer.ReceivedMail;
import org.waarom.embedded.EmbeddedDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * From the reminder in the mailbox to a recorded decision (docs/review-page.md), in a real browser: the packaged
 * vision-api and review-scheduler, the scheduler sending its reminders to a real SMTP server (GreenMail), and Debian's
 * Chromium opening the link taken out of the e-mail, on a phone-sized window. axe-core checks every page (no serious or
 * critical violation); screenshots at 360 and 1280 pixels are kept under docs/screenshots/. Both tests share one set of
 * services: the scheduler's first reminder pass (30 seconds after it starts) sends both reminders.
 */
class ReviewBrowserTest {

    private static final String ADMIN_KEY = "wrm_e2e-review-pages-platform-admin-key-01234";
    private static final String ORG = "zorg-lindeboom";
    private static final String ORG_NAME = "Zorg De Lindeboom";
    private static final Map<String, String> AN = Map.of("name", "An Peeters", "email", "an@lindeboom.test");
    private static final Map<String, String> BOARD = Map.of("name", "Directie De Lindeboom", "email", "directie@lindeboom.test");
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** The first reminder pass comes 30 seconds after the scheduler stored its job; on a busy machine a start takes a while. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** A review link as a reminder carries it: the page of one task, with the recipient's own token. */
    private static final Pattern REVIEW_LINK = Pattern.compile("href=\"(https?://[^\"]+/pages/" + ORG + "/review-tasks/(\\d+)\\?token=wrev_[A-Za-z0-9_-]+)\"");
    private static final Pattern OVERVIEW_LINK = Pattern.compile("href=\"(https?://[^\"]+/pages/" + ORG + "/reviews\\?token=wrev_[A-Za-z0-9_-]+)\"");

    /** Kept when a test fails: the services' logs are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    static RunningService api;
    static EmbeddedDatabase schedulerDatabase;
    static MailServer mail;
    static RunningService scheduler;
    static long goal;
    static long valuesTask;

    @BeforeAll
    static void startTheServicesAndPrepareTwoReviews() throws Exception {
        // The API boots while the scheduler's database and the mail server start.
        api = new RunningService("vision-api", work.resolve("api"), Map.of("WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY)).launch();
        schedulerDatabase = EmbeddedDatabase.start(work.resolve("scheduler-database"), EmbeddedDatabase.Mode.TEST);
        mail = MailServer.start();
        api.awaitReady();
        String serviceKey = admin().contentType(ContentType.JSON).body(Map.of("name", "review-scheduler", "roles", List.of("service")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        scheduler = new RunningService("review-scheduler", work.resolve("scheduler"), Map.of(
                "WAAROM_API_URL", api.url(),
                "WAAROM_API_KEY", serviceKey,
                // Its own database, reachable from the test: the Quartz tables tell when a reminder pass ran.
                "QUARKUS_DATASOURCE_JDBC_URL", schedulerDatabase.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "WAAROM_EVENTS_POLL_INTERVAL", "PT1S",
                "WAAROM_REMINDERS_INTERVAL", INTERVAL.toString(),
                "QUARKUS_MAILER_HOST", mail.host(),
                "QUARKUS_MAILER_PORT", Integer.toString(mail.port()),
                "QUARKUS_MAILER_START_TLS", "DISABLED",
                "QUARKUS_MAILER_MOCK", "false")).launch();

        // While it starts: an organisation whose vision and values are in effect since last year, a reference to the vision
        // recorded since, and two reviews for An: one the scheduler makes when a goal that serves the vision is reached, one
        // of the values that someone asked for.
        admin().contentType(ContentType.JSON).body(Map.of("slug", ORG, "name", ORG_NAME, "defaultLanguage", "nl", "languages", List.of("nl", "fr")))
                .post("/api/v1/organizations").then().statusCode(201);
        String lastYear = today().minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        adopt("vision", Map.of("statement", "Wij streven naar een samenleving waarin iedereen meetelt.", "items", List.of()), lastYear);
        adopt("values", Map.of("items", List.of(Map.of("key", "respect", "title", "Respect", "description", "We vertrekken van wat de persoon wil.",
                "behaviours", List.of("We vragen toestemming voor we iets doen.")))), lastYear);
        admin().contentType(ContentType.JSON).body(Map.of("kind", "COMPLAINT", "title", "Nachtronde zonder kloppen", "date", today().minusMonths(2).toString(),
                        "rationale", "Iedereen telt mee, ook 's nachts: we kloppen en wachten.", "cites", List.of(Map.of("element", "vision"))))
                .post(path("/references")).then().statusCode(201);
        for (String element : List.of("vision", "values")) {
            // The vision's cycle is anchored last year (next due in two years); its reviews follow reached goals. The values
            // have no review policy of their own: reminders of their tasks still go.
            admin().contentType(ContentType.JSON).body(Map.of("enabled", element.equals("vision"), "cycle", "P3Y", "anchorDate", today().minusYears(1).toString(),
                            "onGoalReached", true, "remindBefore", "P30D", "escalateAfter", "P14D", "assignees", List.of(AN), "escalateTo", List.of(BOARD)))
                    .put(path("/review-policies/" + element)).then().statusCode(200);
        }
        goal = admin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", "Inclusief wonen", "serves", List.of("vision")))
                .post(path("/goals")).then().statusCode(201).extract().jsonPath().getLong("id");
        long indicator = admin().contentType(ContentType.JSON).body(Map.of("name", "Cliënten die in een gewone straat wonen", "unit", "%",
                        "baseline", 40, "target", 60, "direction", "INCREASE"))
                .post(path("/goals/" + goal + "/indicators")).then().statusCode(201).extract().jsonPath().getLong("id");
        admin().contentType(ContentType.JSON).body(Map.of("value", 62, "measuredAt", today().minusDays(3).toString()))
                .post(path("/indicators/" + indicator + "/measurements")).then().statusCode(201);
        admin().post(path("/goals/" + goal + "/reach")).then().statusCode(200);
        valuesTask = admin().contentType(ContentType.JSON).body(Map.of("element", "values", "reason", "MANUAL", "dueDate", today().plusDays(10).toString(),
                "note", "Past ‘respect’ nog bij de nachtzorg?")).post(path("/review-tasks")).then().statusCode(201).extract().jsonPath().getLong("id");
        scheduler.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {scheduler, api, schedulerDatabase, mail}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void aQualityManagerGoesFromTheReminderInTheirMailboxToAConfirmedReviewInTwoClicks() throws Exception {
        // The scheduler made the review when it read that the goal was reached, and sent An its reminder with her own link.
        long task = patiently("the review of the reached goal").until(() -> admin().queryParam("element", "vision").get(path("/review-tasks"))
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.goalId == " + goal + " }.id", Long.class), ids -> ids.size() == 1)
                .get(0);
        ReceivedMail reminder = reminderOf(task);
        String link = link(REVIEW_LINK, reminder.html());
        assertThat(reminder.text()).as("the plain-text part carries the same link").contains(link);
        String overview = link(OVERVIEW_LINK, reminder.html());

        try (Browser browser = Browser.start(work.resolve("chromium-confirm"), "nl")) {
            WebDriver page = browser.driver();
            page.manage().window().setSize(new Dimension(360, 800));
            // Click one: the link in the e-mail.
            page.get(link);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Herziening: visie");
            String why = page.findElement(By.cssSelector("section[aria-labelledby=why-title]")).getText();
            assertThat(why).contains("Het doel “Inclusief wonen” is bereikt", "Cliënten die in een gewone straat wonen", "62", "doel gehaald");
            assertThat(page.findElement(By.cssSelector("section[aria-labelledby=text-title]")).getText())
                    .contains("Wij streven naar een samenleving waarin iedereen meetelt.");
            assertThat(page.findElement(By.cssSelector("section[aria-labelledby=since-title]")).getText())
                    .contains("Nachtronde zonder kloppen", "we kloppen en wachten");
            assertThat(browser.fitsWidth()).as("the page fits a phone").isTrue();
            browser.assertAccessible();
            browser.screenshot("review", 360, 1280);

            // Click two: confirm, with a note typed on the way.
            page.manage().window().setSize(new Dimension(360, 800));
            page.findElement(By.id("confirm-note")).sendKeys("Het doel is gehaald zoals de visie het vraagt; de tekst klopt nog.");
            browser.submit(page.findElement(By.cssSelector("form[action*='/confirmation'] button[type=submit]")));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Dank je");
            assertThat(page.getPageSource()).contains("Je beslissing is bewaard");
            browser.assertAccessible();
            browser.screenshot("review-confirmed", 360);

            // Recorded as the API records it, by An through her link.
            admin().get(path("/review-tasks/" + task)).then().statusCode(200)
                    .body("status", equalTo("DONE")).body("outcome", equalTo("CONFIRMED"))
                    .body("note", equalTo("Het doel is gehaald zoals de visie het vraagt; de tekst klopt nog.")).body("closedBy", equalTo("An Peeters"));
            admin().queryParam("action", "reviewPage.confirm").get(path("/audit-log")).then().statusCode(200)
                    .body("items[0].actor", equalTo("An Peeters")).body("items[0].credential", startsWith("review-link:"));

            // The link has done its work: neither it nor the overview in the same e-mail opens anything any more.
            for (String spent : List.of(link, overview)) {
                page.get(spent);
                assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Deze link werkt niet");
                assertThat(page.getPageSource()).doesNotContain(ORG_NAME, "Inclusief wonen");
                browser.assertAccessible();
            }
        }

        // Further reminder passes send nothing more for the task: one e-mail, one reminder record.
        awaitFurtherPasses();
        assertThat(mail.received()).filteredOn(received -> received.text().contains("/review-tasks/" + task + "?token=")).hasSize(1);
        assertThat(admin().get(path("/review-tasks/" + task)).then().extract().jsonPath().getList("reminders")).hasSize(1);
    }

    @Test
    void aRevisionStartedFromThePageCompletesTheReviewAsRevisedWhenItsDraftIsAdopted() throws Exception {
        ReceivedMail reminder = reminderOf(valuesTask);
        String link = link(REVIEW_LINK, reminder.html());

        try (Browser browser = Browser.start(work.resolve("chromium-revise"), "nl")) {
            WebDriver page = browser.driver();
            page.manage().window().setSize(new Dimension(360, 800));
            page.get(link);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Herziening: waarden");
            assertThat(page.findElement(By.cssSelector("section[aria-labelledby=why-title]")).getText())
                    .contains("Iemand heeft om deze herziening gevraagd.", "Past ‘respect’ nog bij de nachtzorg?");
            assertThat(page.findElement(By.cssSelector("section[aria-labelledby=text-title]")).getText())
                    .contains("Respect", "We vragen toestemming voor we iets doen.");
            browser.assertAccessible();

            page.findElement(By.id("revise-note")).sendKeys("Nachtzorg apart beschrijven.");
            browser.submit(page.findElement(By.cssSelector("form[action*='/revision'] button[type=submit]")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText()).isEqualTo("De herziening is gestart: hieronder zie je waar het ontwerp staat.");
            assertThat(page.findElement(By.id("draft")).getText()).startsWith("Ontwerpversie 2 is in de maak").contains("An Peeters");
            assertThat(page.findElements(By.cssSelector("form[action*='/revision']"))).as("one revision at a time").isEmpty();
            browser.assertAccessible();
            browser.screenshot("review-revision", 360, 1280);

            // The overview in the same e-mail lists the open reviews, to read: this one among them, with its page.
            page.get(link(OVERVIEW_LINK, reminder.html()));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Jouw herzieningen");
            assertThat(page.findElement(By.tagName("main")).getText()).containsIgnoringCase("waarden");
            assertThat(page.findElements(By.cssSelector("main a[href*='/review-tasks/" + valuesTask + "?token=']"))).hasSize(1);
            assertThat(page.findElements(By.tagName("form"))).isEmpty();
            browser.assertAccessible();
            browser.screenshot("review-overview", 360, 1280);

            // The task stays open until the draft is adopted (through the API, by an approver); then it is REVISED.
            String versions = path("/elements/values/versions");
            JsonPath draft = admin().get(versions + "/2").then().statusCode(200).body("status", equalTo("DRAFT")).extract().jsonPath();
            assertThat(draft.getString("changeReason")).contains("Nachtzorg apart beschrijven.");
            admin().get(path("/review-tasks/" + valuesTask)).then().body("status", equalTo("OPEN"));
            String tag = admin().get(versions + "/2").header("ETag");
            admin().header("If-Match", tag).contentType(ContentType.JSON).body("{}").post(versions + "/2/adopt").then().statusCode(200);
            admin().get(path("/review-tasks/" + valuesTask)).then().statusCode(200)
                    .body("status", equalTo("DONE")).body("outcome", equalTo("REVISED")).body("outcomeVersion", equalTo(2));

            page.get(link);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Deze link werkt niet");
            browser.assertAccessible();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** The one reminder e-mail An got for {@code task}, once the scheduler has sent it. */
    private static ReceivedMail reminderOf(long task) {
        List<ReceivedMail> mails = patiently("the reminder of task " + task).until(() -> mail.received().stream()
                .filter(received -> received.html().contains("/review-tasks/" + task + "?token=")).toList(), found -> !found.isEmpty());
        assertThat(mails).hasSize(1);
        ReceivedMail reminder = mails.get(0);
        assertThat(reminder.to()).containsExactly(AN.get("email"));
        assertThat(reminder.subject()).contains(ORG_NAME);
        return reminder;
    }

    private static String link(Pattern pattern, String html) {
        Matcher found = pattern.matcher(html);
        assertThat(found.find()).as("a link matching %s in %s", pattern, html).isTrue();
        return found.group(1);
    }

    private static void adopt(String element, Map<String, Object> content, String effectiveFrom) {
        String versions = path("/elements/" + element + "/versions");
        String tag = admin().contentType(ContentType.JSON).body(Map.of("changeReason", "Eerste versie", "content", content))
                .post(versions).then().statusCode(201).extract().header("ETag");
        admin().header("If-Match", tag).contentType(ContentType.JSON).body(Map.of("effectiveFrom", effectiveFrom))
                .post(versions + "/1/adopt").then().statusCode(200);
    }

    /**
     * Waits until the scheduler's reminder trigger has fired three intervals from now: the passes before that firing have
     * run to their end, so whatever they would send has been sent.
     */
    private static void awaitFurtherPasses() {
        long from = System.currentTimeMillis();
        patiently("further reminder passes").until(() -> lastReminderPass() >= from + 3 * INTERVAL.toMillis());
    }

    private static long lastReminderPass() throws SQLException {
        try (Connection connection = DriverManager.getConnection(schedulerDatabase.jdbcUrl(), EmbeddedDatabase.USER, "");
             PreparedStatement query = connection.prepareStatement(
                     "select prev_fire_time from qrtz_triggers where trigger_name = 'reminders' and trigger_group = 'waarom'");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static ConditionFactory patiently(String what) {
        return await(what + " (service logs in " + work + ")").atMost(PATIENCE).pollInterval(Duration.ofMillis(500));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String path(String path) {
        return "/api/v1/organizations/" + ORG + path;
    }

    private static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }
}
