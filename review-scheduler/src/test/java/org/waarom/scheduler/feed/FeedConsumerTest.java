package org.waarom.scheduler.feed;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;
import org.waarom.scheduler.policy.CycleTriggers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.scheduler.VisionApiStub.json;
import static org.waarom.scheduler.VisionApiStub.problem;

/**
 * The event consumer, running as it does in production (the feed job, every 0.2 s in tests),
 * against a stub feed: the tasks each event asks for, and a cursor that moves only after they
 * exist.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class FeedConsumerTest {

    private static final String TASKS = "/api/v1/organizations/zorg-a/review-tasks";
    private static final String GOAL_REACHED = "{\"id\":1042,\"type\":\"goal.reached\",\"organization\":\"zorg-a\","
            + "\"occurredAt\":\"2026-05-01T10:00:00Z\",\"data\":{\"goalId\":12,\"kind\":\"STRATEGIC\",\"title\":\"Wachttijd < 2 weken\","
            + "\"serves\":[\"vision\",\"strategy\"],\"parentId\":null,\"status\":\"REACHED\",\"reachedAt\":\"2026-05-01T10:00:00Z\","
            + "\"cause\":\"MEASUREMENT\"}}";
    private static final String VISION_ADOPTED = "{\"id\":1043,\"type\":\"element.version.adopted\",\"organization\":\"zorg-a\","
            + "\"occurredAt\":\"2026-05-02T09:00:00Z\",\"data\":{\"element\":\"vision\",\"version\":7,\"status\":\"ADOPTED\","
            + "\"effectiveFrom\":\"2026-05-02\",\"supersedes\":6,\"content\":{},\"by\":\"an@example.org\"}}";
    private static final String VALUES_ADOPTED = "{\"id\":1044,\"type\":\"element.version.adopted\",\"organization\":\"zorg-a\","
            + "\"occurredAt\":\"2026-05-02T09:30:00Z\",\"data\":{\"element\":\"values\",\"version\":3}}";

    @Inject
    TestScheduler scheduler;

    @Inject
    FeedConsumer consumer;

    @Inject
    Scheduler quartz;

    WireMockServer stub;

    @BeforeEach
    void start() {
        scheduler.quiesce();
        stub = VisionApiStub.server();
        stubPolicies(policy("vision", true, true, "P30D") + "," + policy("strategy", true, true, "P14D") + ","
                + policy("values", true, false, "P30D"));
    }

    @Test
    void aReachedGoalCreatesAReviewOfEachElementItServes() {
        stubFeed(GOAL_REACHED);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        assertThat(tasks()).extracting(LoggedRequest::getBodyAsString).satisfiesExactlyInAnyOrder(
                body -> assertThat(body).isEqualToIgnoringWhitespace("{\"element\":\"vision\",\"reason\":\"GOAL_REACHED\","
                        + "\"dueDate\":\"" + today.plusDays(30) + "\",\"sourceKey\":\"goal:12:vision\",\"goalId\":12}"),
                body -> assertThat(body).isEqualToIgnoringWhitespace("{\"element\":\"strategy\",\"reason\":\"GOAL_REACHED\","
                        + "\"dueDate\":\"" + today.plusDays(14) + "\",\"sourceKey\":\"goal:12:strategy\",\"goalId\":12}"));
        // Afterwards the feed is read from the stored cursor.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !stub.findAll(getRequestedFor(urlPathEqualTo("/api/v1/events")).withQueryParam("after", equalTo("c1"))).isEmpty());
        assertThat(tasks()).hasSize(2);
    }

    @Test
    void onlyEnabledPoliciesWithOnGoalReachedGetAGoalReview() {
        stubPolicies(policy("vision", true, true, "P30D") + "," + policy("strategy", false, true, "P14D") + ","
                + policy("values", true, false, "P30D"));
        stubFeed(GOAL_REACHED.replace("[\"vision\",\"strategy\"]", "[\"vision\",\"strategy\",\"values\"]"));

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        assertThat(tasks()).extracting(LoggedRequest::getBodyAsString)
                .singleElement().satisfies(body -> assertThat(body).contains("\"sourceKey\":\"goal:12:vision\""));
    }

    @Test
    void anAdoptedVisionCreatesOneStrategyReviewAndOtherAdoptionsNone() {
        stubFeed(VISION_ADOPTED + "," + VALUES_ADOPTED);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        stub.verify(1, postRequestedFor(urlPathEqualTo(TASKS)).withRequestBody(equalToJson(
                "{\"element\":\"strategy\",\"reason\":\"VISION_CHANGED\",\"dueDate\":\"" + today.plusDays(14) + "\","
                        + "\"sourceKey\":\"vision:7:strategy\",\"version\":7}")));
        assertThat(tasks()).hasSize(1);
    }

    @Test
    void theCursorMovesOnlyAfterTheTasksExist() {
        stubFeed(GOAL_REACHED);
        stub.stubFor(post(urlPathEqualTo(TASKS)).willReturn(problem(503, "Service Unavailable")));

        scheduler.resume();

        // Several polls, each with its retries, all failing: the cursor stays where it was.
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks().size() >= 8);
        assertThat(scheduler.feedCursor()).isNull();
        stub.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/events")).withQueryParam("after", equalTo("c1")));

        // The API takes tasks again: the same event is handled once more, and now the cursor moves.
        stub.stubFor(post(urlPathEqualTo(TASKS)).willReturn(json("{\"id\":5}").withStatus(201)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        assertThat(tasks()).extracting(LoggedRequest::getBodyAsString)
                .allSatisfy(body -> assertThat(body).containsAnyOf("\"sourceKey\":\"goal:12:vision\"", "\"sourceKey\":\"goal:12:strategy\""))
                .anySatisfy(body -> assertThat(body).contains("\"sourceKey\":\"goal:12:strategy\""));
    }

    @Test
    void failuresOfTheApiAreRetriedWithoutLossOrDuplicates() {
        // The feed: first a reset connection, then a 503, then the page.
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).withQueryParam("after", absent())
                .inScenario("feed").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("503"));
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).withQueryParam("after", absent())
                .inScenario("feed").whenScenarioStateIs("503")
                .willReturn(problem(503, "Service Unavailable")).willSetStateTo("up"));
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).withQueryParam("after", absent())
                .inScenario("feed").whenScenarioStateIs("up")
                .willReturn(feedPage(GOAL_REACHED)));
        stubEmptyAfter("c1");
        // The tasks: a timeout (longer than the 2 s test timeout), a reset, then created.
        stub.stubFor(post(urlPathEqualTo(TASKS)).inScenario("tasks").whenScenarioStateIs(STARTED)
                .willReturn(json("{\"id\":5}").withStatus(201).withFixedDelay(5000)).willSetStateTo("reset"));
        stub.stubFor(post(urlPathEqualTo(TASKS)).inScenario("tasks").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        stub.stubFor(post(urlPathEqualTo(TASKS)).inScenario("tasks").whenScenarioStateIs("up")
                .willReturn(json("{\"id\":5}").withStatus(201)));

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        // Nothing lost: both tasks were asked for; nothing new: only their two source keys, ever.
        List<String> bodies = tasks().stream().map(LoggedRequest::getBodyAsString).toList();
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("\"sourceKey\":\"goal:12:vision\""));
        assertThat(bodies).anySatisfy(body -> assertThat(body).contains("\"sourceKey\":\"goal:12:strategy\""));
        assertThat(bodies).allSatisfy(body -> assertThat(body).containsAnyOf(
                "\"sourceKey\":\"goal:12:vision\"", "\"sourceKey\":\"goal:12:strategy\""));
    }

    @Test
    void anExpiredCursorRestartsFromTheBeginningOfTheFeed() {
        scheduler.setFeedCursor("expired");
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).withQueryParam("after", equalTo("expired"))
                .willReturn(problem(410, "Gone")));
        stubFeed(GOAL_REACHED);

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v1/events")).withQueryParam("after", absent()));
        assertThat(tasks()).hasSize(2);
    }

    @Test
    void aChangedPolicyIsSyncedWithoutWaitingForTheInterval() throws Exception {
        // The periodic sync stays paused: only the event can bring the trigger.
        LocalDate anchor = LocalDate.now(ZoneOffset.UTC).plusYears(1);
        stub.stubFor(get(urlPathEqualTo("/api/v1/review-policies")).willReturn(json("{\"items\":[{\"organization\":\"zorg-p\","
                + "\"element\":\"vision\",\"enabled\":true,\"cycle\":\"P1Y\",\"anchorDate\":\"" + anchor + "\","
                + "\"onGoalReached\":true}],\"page\":0,\"size\":200,\"total\":1}")));
        stubFeed("{\"id\":1050,\"type\":\"review-policy.changed\",\"organization\":\"zorg-p\","
                + "\"occurredAt\":\"2026-05-03T09:00:00Z\",\"data\":{\"organization\":\"zorg-p\",\"element\":\"vision\","
                + "\"enabled\":true,\"cycle\":\"P1Y\",\"anchorDate\":\"" + anchor + "\"}}");

        consumer.consume();

        await().atMost(Duration.ofSeconds(30)).until(() -> quartz.checkExists(CycleTriggers.jobKey("zorg-p", "vision")));
        assertThat(scheduler.feedCursor()).isEqualTo("c1");
    }

    @Test
    void anOrganisationThatIsGoneDoesNotBlockTheFeed() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/zorg-a/review-policies"))
                .willReturn(problem(404, "Not Found")));
        stubFeed(GOAL_REACHED);

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        assertThat(tasks()).isEmpty();
    }

    @Test
    void aVisionThatALaterAdoptionReplacedIsDeclinedAndTheFeedMovesOn() {
        // An imported history: version 6 and 7 adopted back to back; by the time the feed is read, 7 is the vision in effect.
        stubFeed(VISION_ADOPTED.replace("\"id\":1043", "\"id\":1042").replace("\"version\":7", "\"version\":6") + "," + VISION_ADOPTED);
        stub.stubFor(post(urlPathEqualTo(TASKS)).withRequestBody(matchingJsonPath("$.sourceKey", equalTo("vision:6:strategy")))
                .willReturn(problem(409, "The request conflicts with the current state")));

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> "c1".equals(scheduler.feedCursor()));
        // Declined once, not asked again; the newer vision's review is asked for.
        assertThat(tasks()).extracting(LoggedRequest::getBodyAsString).satisfiesExactlyInAnyOrder(
                body -> assertThat(body).contains("\"sourceKey\":\"vision:6:strategy\""),
                body -> assertThat(body).contains("\"sourceKey\":\"vision:7:strategy\""));
    }

    private List<LoggedRequest> tasks() {
        return stub.findAll(postRequestedFor(urlPathEqualTo(TASKS)));
    }

    /** The feed from its start holds {@code events}, then cursor c1, after which nothing new. */
    private void stubFeed(String events) {
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).withQueryParam("after", absent()).willReturn(feedPage(events)));
        stubEmptyAfter("c1");
    }

    private void stubEmptyAfter(String cursor) {
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).withQueryParam("after", equalTo(cursor))
                .willReturn(json("{\"items\":[],\"next\":\"" + cursor + "\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder feedPage(String events) {
        return json("{\"items\":[" + events + "],\"next\":\"c1\"}");
    }

    private void stubPolicies(String items) {
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/zorg-a/review-policies"))
                .willReturn(json("{\"items\":[" + items + "],\"page\":0,\"size\":20,\"total\":3}")));
    }

    private static String policy(String element, boolean enabled, boolean onGoalReached, String remindBefore) {
        return "{\"organization\":\"zorg-a\",\"element\":\"" + element + "\",\"enabled\":" + enabled + ",\"cycle\":\"P1Y\","
                + "\"anchorDate\":null,\"onGoalReached\":" + onGoalReached + ",\"remindBefore\":\"" + remindBefore + "\","
                + "\"escalateAfter\":\"P14D\",\"assignees\":[],\"escalateTo\":[]}";
    }
}
