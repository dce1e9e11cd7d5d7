package org.waarom.api.calendar;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.uniqueSlug;

/**
 * The review-task calendar (issue 6): an iCalendar feed of the open review tasks, read with normal
 * credentials or with a personal feed token in the URL, which grants that feed and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class CalendarFeedTest {

    @Inject
    AgroalDataSource dataSource;

    // --- the feed ----------------------------------------------------------------------------------

    @Test
    void theFeedHasOneAllDayEventPerOpenTaskWithAStableUid() throws Exception {
        String org = newOrganization("ics");
        long cycle = task(org, Map.of("element", "vision", "reason", "CYCLE", "dueDate", "2027-01-01", "sourceKey", "cycle:vision:2027-01-01"));
        long afterVision = task(org, Map.of("element", "strategy", "reason", "VISION_CHANGED", "dueDate", "2026-10-01",
                "sourceKey", "vision:3:strategy", "version", 3));
        long done = task(org, Map.of("element", "values", "reason", "MANUAL", "dueDate", "2026-09-01"));
        long cancelled = task(org, Map.of("element", "mission", "reason", "MANUAL", "dueDate", "2026-09-02"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED", "note", "Blijft."))
                .post(tasks(org) + "/" + done + "/complete").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body("{}").post(tasks(org) + "/" + cancelled + "/cancel").then().statusCode(200);

        Response first = asAdmin().get(ics(org)).then().statusCode(200)
                .header("Content-Type", equalTo("text/calendar; charset=utf-8"))
                .extract().response();
        Calendar calendar = parse(first);
        assertThat(calendar.validate().getEntries()).as("RFC 5545 validation").isEmpty();
        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Waarom//Review tasks//EN");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, "X-WR-CALNAME")).contains("Test " + org);
        assertThat(value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT1H");
        assertThat(value(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT1H");

        // Only the open tasks, one event each, by their own stable UID.
        Map<String, VEvent> events = eventsByUid(calendar);
        assertThat(events).containsOnlyKeys(uid(cycle, org), uid(afterVision, org));

        VEvent vision = events.get(uid(cycle, org));
        assertThat(value(vision, Property.DTSTART)).isEqualTo("20270101");
        assertThat(vision.<Property>getProperty(Property.DTSTART).flatMap(start -> start.<Parameter>getParameter(Parameter.VALUE))
                .map(Parameter::getValue)).contains("DATE");
        assertThat(value(vision, Property.DTEND)).isEqualTo("20270102");
        assertThat(value(vision, Property.DTSTAMP)).isNotBlank();
        assertThat(value(vision, Property.SUMMARY)).isEqualTo("Review: vision (Test " + org + ")");
        assertThat(value(vision, Property.DESCRIPTION))
                .contains("review cycle (every P3Y)")
                .contains("complete the review as CONFIRMED")
                .contains("draft a new version and adopt it")
                .contains("cycle:vision:2027-01-01");
        // The element type's default remindBefore (P30D) until the organisation sets its own.
        VAlarm alarm = vision.getAlarms().get(0);
        assertThat(value(alarm, Property.ACTION)).isEqualTo("DISPLAY");
        assertThat(value(alarm, Property.TRIGGER)).isEqualTo("-P30D");
        assertThat(value(alarm, Property.DESCRIPTION)).contains("2027-01-01");

        VEvent strategy = events.get(uid(afterVision, org));
        assertThat(value(strategy, Property.DTSTART)).isEqualTo("20261001");
        assertThat(value(strategy, Property.SUMMARY)).isEqualTo("Review: strategy (Test " + org + ")");
        assertThat(value(strategy, Property.DESCRIPTION)).contains("version 3 of the vision was adopted");

        // The same tasks give the same calendar; another task adds an event and changes no UID.
        assertThat(asAdmin().get(ics(org)).then().statusCode(200).extract().asString()).isEqualTo(first.asString());
        long goal = task(org, Map.of("element", "vision", "reason", "GOAL_REACHED", "dueDate", "2026-12-01",
                "sourceKey", "goal:42:vision", "goalId", 42));
        Map<String, VEvent> later = eventsByUid(parse(asAdmin().get(ics(org)).then().statusCode(200).extract().response()));
        assertThat(later).containsOnlyKeys(uid(cycle, org), uid(afterVision, org), uid(goal, org));
        assertThat(value(later.get(uid(cycle, org)), Property.DTSTART)).isEqualTo("20270101");
        assertThat(value(later.get(uid(goal, org)), Property.DESCRIPTION)).contains("goal 42, which the vision serves, was reached");

        // Completing a task takes it out of the feed.
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED"))
                .post(tasks(org) + "/" + cycle + "/complete").then().statusCode(200);
        assertThat(eventsByUid(parse(asAdmin().get(ics(org)).then().statusCode(200).extract().response())))
                .containsOnlyKeys(uid(afterVision, org), uid(goal, org));
    }

    @Test
    void withoutOpenTasksTheFeedIsStillValidICalendar() throws Exception {
        String org = newOrganization("ics-empty");

        Calendar calendar = parse(asAdmin().get(ics(org)).then().statusCode(200).extract().response());

        // RFC 5545 wants at least one component: the UTC zone stands in for the missing events.
        assertThat(calendar.validate().getEntries()).as("RFC 5545 validation").isEmpty();
        assertThat(calendar.<VEvent>getComponents(Component.VEVENT)).isEmpty();
        assertThat(calendar.<CalendarComponent>getComponents(Component.VTIMEZONE)).singleElement()
                .satisfies(zone -> assertThat(value(zone, Property.TZID)).isEqualTo("UTC"));
        assertThat(value(calendar, "X-WR-CALNAME")).contains("Test " + org);
    }

    @Test
    void theAlarmFollowsThePolicysRemindBeforeInWholeDays() throws Exception {
        String org = newOrganization("icsalarm");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "cycle", "P1Y", "onGoalReached", true, "remindBefore", "P2M", "escalateAfter", "P14D",
                        "assignees", List.of(), "escalateTo", List.of()))
                .put("/api/v1/organizations/" + org + "/review-policies/vision").then().statusCode(200);
        long id = task(org, Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2027-01-01"));

        VEvent event = eventsByUid(parse(asAdmin().get(ics(org)).then().statusCode(200).extract().response())).get(uid(id, org));
        // Two months before 2027-01-01 is 2026-11-01: 61 days (iCalendar durations have no months).
        assertThat(value(event.getAlarms().get(0), Property.TRIGGER)).isEqualTo("-P61D");
    }

    @Test
    void storedTextsWithCommasSemicolonsAndNewlinesRoundTrip() throws Exception {
        String org = uniqueSlug("icstext");
        String name = "Zorg, Welzijn; en \"meer\"";
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", org, "name", name))
                .post("/api/v1/organizations").then().statusCode(201);
        String note = "Eerste regel, met komma\nTweede; met puntkomma\\ en backslash\r\nDerde: BEGIN:VEVENT";
        long id = task(org, Map.of("element", "values", "reason", "MANUAL", "dueDate", "2026-11-15", "note", note));

        Response response = asAdmin().get(ics(org)).then().statusCode(200).extract().response();
        String raw = response.asString();
        // Escaped as RFC 5545 TEXT: nothing in a stored text can start a line or a component of its own.
        assertThat(raw).contains("Zorg\\, Welzijn\\; en").doesNotContain("\nDerde");
        assertThat(raw.split("\r\n")).filteredOn(line -> line.equals("BEGIN:VEVENT")).hasSize(1);

        Calendar calendar = parse(response);
        assertThat(value(calendar, "X-WR-CALNAME")).startsWith(name);
        VEvent event = eventsByUid(calendar).get(uid(id, org));
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Review: values (" + name + ")");
        assertThat(value(event, Property.DESCRIPTION)).contains("Note: " + note.replace("\r\n", "\n"));
    }

    @Test
    void theFeedAnswersIfNoneMatchWith304AndMayBeCachedPrivatelyForFiveMinutes() {
        String org = newOrganization("icsetag");
        task(org, Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2026-12-24"));
        Response first = asAdmin().get(ics(org)).then().statusCode(200).extract().response();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("private").contains("max-age=300").doesNotContain("no-cache");
        assertThat(asAdmin().get(ics(org)).header("ETag")).isEqualTo(etag);

        asAdmin().header("If-None-Match", etag).get(ics(org)).then().statusCode(304)
                .header("ETag", etag).body(emptyString());
        // Read with a feed token the events link to their pages with that token: that feed has its own ETag, just as stable.
        String token = createFeed(TestKeys.organizationKey(org, "quality-manager").key(), org, "Apple").path("token");
        String feedTag = given().queryParam("token", token).get(ics(org)).then().statusCode(200).extract().header("ETag");
        assertThat(feedTag).isNotEqualTo(etag);
        given().queryParam("token", token).header("If-None-Match", feedTag).get(ics(org)).then().statusCode(304);

        task(org, Map.of("element", "strategy", "reason", "MANUAL", "dueDate", "2026-12-31"));
        String changed = asAdmin().header("If-None-Match", etag).get(ics(org)).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        assertThat(changed).isNotEqualTo(etag);
    }

    @Test
    void withoutCredentialsTheFeedIs401() {
        String org = newOrganization("icsanon");
        assertProblem(given().get(ics(org)), 401, "unauthorized").header("WWW-Authenticate", startsWith("Bearer"));
        // An empty parameter is not an absent one: 400 naming it, before any credential is looked at.
        assertProblem(given().queryParam("token", "").get(ics(org)), 400, "invalid-request").body("errors[0].field", equalTo("token"));
        assertProblem(given().queryParam("token", "wcal_neverIssuedToAnyone0123456789012345678901").get(ics(org)), 401, "unauthorized");
        // An organisation that does not exist answers the same, so a token cannot probe for organisations.
        assertProblem(given().queryParam("token", "wcal_neverIssuedToAnyone0123456789012345678901").get(ics("no-such-organisation")), 401,
                "unauthorized");
    }

    @Test
    void readWithAFeedTokenEachEventLinksToItsReviewPageToReadAndReadWithAKeyNoneDoes() throws Exception {
        String org = newOrganization("icslink");
        long open = task(org, Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2026-11-15"));
        long other = task(org, Map.of("element", "strategy", "reason", "MANUAL", "dueDate", "2026-12-15"));
        Response created = createFeed(TestKeys.organizationKey(org, "quality-manager").key(), org, "Outlook An");
        String token = created.path("token");
        // The feed's settings: the overview, opened with the feed's token, shown once beside the subscription url.
        String overview = created.path("overview");
        assertThat(overview).startsWith("http").endsWith("/pages/" + org + "/reviews?token=" + token);
        assertThat(given().get(pathAndQuery(overview)).then().statusCode(200).extract().asString()).contains(page(org, open, token));

        Map<String, VEvent> events = eventsByUid(parse(given().queryParam("token", token).get(ics(org)).then().statusCode(200).extract().response()));
        VEvent vision = events.get(uid(open, org));
        String url = value(vision, Property.URL);
        assertThat(url).startsWith("http").endsWith(page(org, open, token));
        assertThat(value(events.get(uid(other, org)), Property.URL)).endsWith(page(org, other, token));
        // Clients that show no URL show the description: both addresses are there too.
        assertThat(value(vision, Property.DESCRIPTION)).contains("The review page (to read): " + url, "All open reviews: " + overview);

        // The event's link opens its review to read (the feed decides nothing), and no longer once the task is done.
        assertThat(given().header("Accept-Language", "en").get(pathAndQuery(url)).then().statusCode(200).extract().asString())
                .contains("to decide, open the link in the review’s reminder").doesNotContain("Confirm the text");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=utf-8")
                .post("/pages/" + org + "/review-tasks/" + open + "/confirmation?token=" + token).then().statusCode(403);
        asAdmin().get(tasks(org) + "/" + open).then().body("status", equalTo("OPEN"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED")).post(tasks(org) + "/" + open + "/complete").then().statusCode(200);
        given().get(pathAndQuery(url)).then().statusCode(401);

        // Read with an Authorization header there is no token to give: no event carries a link, no credential is in the feed.
        String key = TestKeys.organizationKey(org, "quality-manager").key();
        String withKey = as(key).get(ics(org)).then().statusCode(200).extract().asString();
        assertThat(eventsByUid(parse(as(key).get(ics(org)).then().extract().response())).values())
                .allSatisfy(event -> assertThat(value(event, Property.URL)).isNull());
        assertThat(withKey).doesNotContain("/pages/", "token=", key);
        // A token beside an Authorization header did not admit the request: it goes into no link either.
        assertThat(as(key).queryParam("token", token).get(ics(org)).then().statusCode(200).extract().asString()).doesNotContain("/pages/", token);
    }

    private static String page(String org, long task, String token) {
        return "/pages/" + org + "/review-tasks/" + task + "?token=" + token;
    }

    /** An absolute address as a path and query, for REST Assured's own base URI. */
    private static String pathAndQuery(String address) {
        java.net.URI uri = java.net.URI.create(address);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    // --- feed tokens -------------------------------------------------------------------------------

    @Test
    void aFeedTokenIsShownOnceAndReadsTheFeedOfItsOrganisation() {
        String org = newOrganization("icsfeed");
        long id = task(org, Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2026-10-10"));
        TestKeys.IssuedKey an = TestKeys.organizationKey(org, "quality-manager");
        Instant before = Instant.now().minusSeconds(1);

        Response created = createFeed(an.key(), org, "Outlook An");
        created.then().contentType(ContentType.JSON)
                .body("name", equalTo("Outlook An"))
                .body("owner", equalTo(an.name()))
                .body("$", hasKey("lastUsedAt")).body("lastUsedAt", nullValue())
                .body("createdAt", notNullValue());
        long feedId = created.jsonPath().getLong("id");
        String token = created.path("token");
        String url = created.path("url");
        assertThat(token).startsWith("wcal_").hasSize(5 + 43).matches("wcal_[A-Za-z0-9_-]{43}");
        assertThat(url).startsWith("http").endsWith(ics(org) + "?token=" + token);
        assertThat(created.header("Location")).endsWith(feeds(org) + "/" + feedId);
        assertThat(Instant.parse(created.path("createdAt"))).isAfter(before);
        assertThat(createFeed(an.key(), org, "Telefoon An").<String>path("token")).isNotEqualTo(token);

        // The url as given works as it is, without any header.
        Response read = given().get(url).then().statusCode(200).header("Content-Type", startsWith("text/calendar")).extract().response();
        assertThat(read.asString()).contains("UID:" + uid(id, org));
        String lastUsed = as(an.key()).get(created.header("Location")).then().statusCode(200)
                .body("lastUsedAt", notNullValue()).body("$", not(hasKey("token"))).body("$", not(hasKey("url")))
                .extract().path("lastUsedAt");
        assertThat(Instant.parse(lastUsed)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void aFeedTokenGrantsNothingButTheFeedOfItsOwnOrganisation() {
        String org = newOrganization("icsscope");
        String other = newOrganization("icsother");
        long id = task(org, Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2026-10-10"));
        String token = createFeed(TestKeys.organizationKey(org, "admin").key(), org, "Google").path("token");
        given().queryParam("token", token).get(ics(org)).then().statusCode(200);

        // Anywhere else it is no credential: 401 as without any.
        for (String path : List.of(tasks(org), tasks(org) + "/" + id, "/api/v1/organizations/" + org, feeds(org), "/api/v1/me",
                "/api/v1/organizations/" + org + "/elements")) {
            assertProblem(given().queryParam("token", token).get(path), 401, "unauthorized");
        }
        assertProblem(given().queryParam("token", token).contentType(ContentType.JSON).body(Map.of("name", "Nog een"))
                .post(feeds(org)), 401, "unauthorized");
        // Nor is it a bearer credential, not even on the feed.
        assertProblem(as(token).get(ics(org)), 401, "unauthorized");
        assertProblem(as(token).get(tasks(org)), 401, "unauthorized");
        // Another organisation's feed is 401, not 404: the token does not reveal which organisations exist.
        assertProblem(given().queryParam("token", token).get(ics(other)), 401, "unauthorized");
        // A token for a path's organisation does not open the path of another: still the right feed only.
        given().queryParam("token", token).get(ics(org)).then().statusCode(200);
    }

    @Test
    void everyoneSeesTheirOwnFeedsAndAnAdminSeesAndRevokesAll() {
        String org = newOrganization("icsown");
        TestKeys.IssuedKey an = TestKeys.organizationKey(org, "quality-manager");
        TestKeys.IssuedKey bart = TestKeys.organizationKey(org, "reader");
        TestKeys.IssuedKey admin = TestKeys.organizationKey(org, "admin");
        Response mine = createFeed(an.key(), org, "Outlook An");
        long anFeed = mine.jsonPath().getLong("id");
        String anToken = mine.path("token");
        long bartFeed = createFeed(bart.key(), org, "Telefoon Bart").jsonPath().getLong("id");

        Response list = as(an.key()).get(feeds(org)).then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of((int) anFeed)))
                .body("items[0].name", equalTo("Outlook An")).body("items[0].owner", equalTo(an.name()))
                .body("items[0]", not(hasKey("token"))).body("items[0]", not(hasKey("url")))
                .extract().response();
        assertThat(list.asString()).doesNotContain(anToken);
        as(bart.key()).get(feeds(org)).then().statusCode(200).body("items.id", equalTo(List.of((int) bartFeed)));
        as(admin.key()).get(feeds(org)).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) anFeed, (int) bartFeed))).body("items.token", everyItem(nullValue()));

        // Another member's feed is as unknown as one that never existed.
        assertProblem(as(bart.key()).get(feeds(org) + "/" + anFeed), 404, "not-found")
                .body("detail", equalTo("There is no calendar feed " + anFeed));
        assertProblem(as(bart.key()).delete(feeds(org) + "/" + anFeed), 404, "not-found")
                .body("detail", equalTo("There is no calendar feed " + anFeed));
        assertProblem(as(bart.key()).delete(feeds(org) + "/999999999"), 404, "not-found")
                .body("detail", equalTo("There is no calendar feed 999999999"));
        assertProblem(as(bart.key()).delete(feeds(org) + "/abc"), 404, "not-found");
        given().queryParam("token", anToken).get(ics(org)).then().statusCode(200);

        // The admin revokes it: the token answers 401 from then on, and the feed leaves the lists.
        as(admin.key()).delete(feeds(org) + "/" + anFeed).then().statusCode(204);
        assertProblem(given().queryParam("token", anToken).get(ics(org)), 401, "unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"));
        as(an.key()).get(feeds(org)).then().statusCode(200).body("total", equalTo(0));
        assertProblem(as(an.key()).get(feeds(org) + "/" + anFeed), 404, "not-found");
        assertProblem(as(admin.key()).delete(feeds(org) + "/" + anFeed), 404, "not-found");

        // The owner revokes their own.
        as(bart.key()).delete(feeds(org) + "/" + bartFeed).then().statusCode(204);
        as(admin.key()).get(feeds(org)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anotherOrganisationsAdminCannotSeeOrRevokeTheFeeds() {
        String org = newOrganization("icsmine");
        String other = newOrganization("icstheirs");
        long feed = createFeed(TestKeys.organizationKey(org, "reader").key(), org, "Outlook").jsonPath().getLong("id");
        TestKeys.IssuedKey outsider = TestKeys.organizationKey(other, "admin");
        assertProblem(as(outsider.key()).get(feeds(org)), 404, "not-found");
        assertProblem(as(outsider.key()).delete(feeds(org) + "/" + feed), 404, "not-found");
        assertProblem(as(outsider.key()).delete(feeds(other) + "/" + feed), 404, "not-found")
                .body("detail", equalTo("There is no calendar feed " + feed));
        asAdmin().get(feeds(org)).then().body("items.id", hasItem((int) feed));
    }

    @Test
    void aFeedNeedsANameOfAtMost100Characters() {
        String org = newOrganization("icsname");
        String key = TestKeys.organizationKey(org, "reader").key();
        for (Object body : List.of(Map.of(), Map.of("name", " "), Map.of("name", "x".repeat(101)))) {
            Response response = as(key).contentType(ContentType.JSON).body(body).post(feeds(org));
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).containsExactly("name");
        }
        assertProblem(as(key).contentType(ContentType.JSON).body(Map.of("name", "Outlook", "roles", List.of("admin"))).post(feeds(org)), 400);
        assertProblem(as(key).contentType(ContentType.JSON).body("").post(feeds(org)), 400);
        as(key).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(100))).post(feeds(org)).then().statusCode(201);
        as(key).get(feeds(org)).then().body("total", equalTo(1));
    }

    @Test
    void theTokenIsStoredOnlyAsItsSha256AndNeverRecorded() throws Exception {
        String org = newOrganization("icshash");
        TestKeys.IssuedKey admin = TestKeys.organizationKey(org, "admin");
        Response created = createFeed(admin.key(), org, "Outlook");
        long id = created.jsonPath().getLong("id");
        String token = created.path("token");
        given().queryParam("token", token).get(ics(org)).then().statusCode(200);
        // Changing requests are audited: one that carries the token in its query string must not record it.
        as(admin.key()).queryParam("token", token).contentType(ContentType.JSON).body(Map.of("name", "Tweede"))
                .post(feeds(org)).then().statusCode(201);
        as(admin.key()).queryParam("token", token).delete(feeds(org) + "/" + id).then().statusCode(204);

        assertThat(rows("select * from calendar_feed where id = " + id)).singleElement()
                .satisfies(row -> assertThat(row).contains(sha256(token)).doesNotContain(token));
        for (String table : List.of("calendar_feed", "audit_entry", "api_key")) {
            assertThat(rows("select * from " + table)).as(table)
                    .allSatisfy(values -> assertThat(values).noneMatch(value -> value != null && value.contains(token)));
        }
        Response audit = as(admin.key()).get("/api/v1/organizations/" + org + "/audit-log").then().statusCode(200)
                .body("items.target", hasItem(feeds(org) + "/" + id))
                .body("items.action", hasItem("calendarFeed.create"))
                .extract().response();
        assertThat(audit.asString()).doesNotContain(token).doesNotContain("token=");
    }

    // --- helpers -----------------------------------------------------------------------------------

    static String ics(String org) {
        return "/api/v1/organizations/" + org + "/review-tasks.ics";
    }

    static String feeds(String org) {
        return "/api/v1/organizations/" + org + "/calendar-feeds";
    }

    private static String tasks(String org) {
        return "/api/v1/organizations/" + org + "/review-tasks";
    }

    private static String uid(long taskId, String org) {
        return "review-task-" + taskId + "@" + org + ".waarom";
    }

    /** A new review task, as the operator; its id. */
    private static long task(String org, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(tasks(org))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Response createFeed(String key, String org, String name) {
        return as(key).contentType(ContentType.JSON).body(Map.of("name", name)).post(feeds(org))
                .then().statusCode(201).extract().response();
    }

    private static Calendar parse(Response response) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(response.asByteArray(), StandardCharsets.UTF_8)));
    }

    private static Map<String, VEvent> eventsByUid(Calendar calendar) {
        Map<String, VEvent> events = new LinkedHashMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            assertThat(events.put(value(event, Property.UID), event)).as("UIDs are unique").isNull();
        }
        return events;
    }

    private static String value(Calendar calendar, String property) {
        return calendar.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String value(Component component, String property) {
        return component.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every row of the query, column by column as strings. */
    private List<List<String>> rows(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
