package org.waarom.scheduler.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.waarom.scheduler.VisionApiStub.json;
import static org.waarom.scheduler.VisionApiStub.problem;

/**
 * The one client to the vision-api, against a stub: credentials on every call, 201 and 200 told
 * apart, 503, resets and timeouts retried (the same request, so the same sourceKey), rejections
 * not retried, and every failure as a VisionApiException.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class VisionApiTest {

    private static final String TASKS = "/api/v1/organizations/zorg-a/review-tasks";
    private static final NewReviewTask TASK = NewReviewTask.cycle("vision", LocalDate.parse("2027-01-01"));

    @Inject
    VisionApi api;

    @Inject
    TestScheduler scheduler;

    WireMockServer stub;

    @BeforeEach
    void quietScheduler() {
        // The background jobs stay paused: only the calls of these tests reach the stub.
        scheduler.quiesce();
        stub = VisionApiStub.server();
    }

    @Test
    void everyCallCarriesTheServiceKeyAsBearerToken() {
        api.reviewPolicies(0, 200);
        api.events(null, 100);
        api.createReviewTask("zorg-a", TASK);

        stub.verify(getRequestedFor(urlPathEqualTo("/api/v1/review-policies"))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("200"))
                .withHeader("Authorization", equalTo("Bearer " + VisionApiStub.SERVICE_KEY)));
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v1/events"))
                .withQueryParam("limit", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer " + VisionApiStub.SERVICE_KEY)));
        stub.verify(postRequestedFor(urlPathEqualTo(TASKS))
                .withHeader("Authorization", equalTo("Bearer " + VisionApiStub.SERVICE_KEY))
                .withRequestBody(equalToJson("{\"element\":\"vision\",\"reason\":\"CYCLE\",\"dueDate\":\"2027-01-01\","
                        + "\"sourceKey\":\"cycle:vision:2027-01-01\"}")));
    }

    @Test
    void createdAndAlreadyExistingTasksAreToldApart() {
        assertThat(api.createReviewTask("zorg-a", TASK)).isEqualTo(TaskCreation.CREATED);

        stub.stubFor(post(urlPathEqualTo(TASKS)).willReturn(json("{\"id\":1}")));
        assertThat(api.createReviewTask("zorg-a", TASK)).isEqualTo(TaskCreation.ALREADY_EXISTED);
    }

    @Test
    void unavailableAnswersAreRetriedWithTheSameSourceKey() {
        stub.stubFor(post(urlPathEqualTo(TASKS)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(problem(503, "Service Unavailable")).willSetStateTo("reset"));
        stub.stubFor(post(urlPathEqualTo(TASKS)).inScenario("flaky").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("slow"));
        stub.stubFor(post(urlPathEqualTo(TASKS)).inScenario("flaky").whenScenarioStateIs("slow")
                // Longer than the (test) timeout of 2 s per attempt.
                .willReturn(json("{\"id\":1}").withStatus(201).withFixedDelay(5000)).willSetStateTo("up"));
        stub.stubFor(post(urlPathEqualTo(TASKS)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(json("{\"id\":1}").withStatus(201)));

        assertThat(api.createReviewTask("zorg-a", TASK)).isEqualTo(TaskCreation.CREATED);

        // WireMock logs the slow request once it has answered it, after the client gave up on it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                stub.verify(exactly(4), postRequestedFor(urlPathEqualTo(TASKS))));
        assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(TASKS))))
                .allSatisfy(request -> assertThat(request.getBodyAsString()).contains("\"sourceKey\":\"cycle:vision:2027-01-01\""));
    }

    @Test
    void anAbruptlyClosedConnectionIsRetriedToo() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).inScenario("eof").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("up"));
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).inScenario("eof").whenScenarioStateIs("up")
                .willReturn(json("{\"items\":[],\"next\":\"c9\"}")));

        assertThat(api.events(null, 100).next()).isEqualTo("c9");
    }

    @Test
    void aRejectionIsNotRetriedAndKeepsItsStatusAndDetail() {
        stub.stubFor(post(urlPathEqualTo(TASKS)).willReturn(problem(404, "Not Found")));

        assertThatThrownBy(() -> api.createReviewTask("zorg-a", TASK))
                .isExactlyInstanceOf(VisionApiException.class)
                .hasMessageContaining("404")
                .hasMessageContaining("stubbed 404")
                .satisfies(e -> {
                    VisionApiException failure = (VisionApiException) e;
                    assertThat(failure.isNotFound()).isTrue();
                    assertThat(failure.isPermanent()).isTrue();
                });
        stub.verify(exactly(1), postRequestedFor(urlPathEqualTo(TASKS)));
    }

    @Test
    void anExpiredCursorIsReportedAsGone() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/events")).withQueryParam("after", equalTo("old"))
                .willReturn(problem(410, "Gone")));

        assertThatThrownBy(() -> api.events("old", 100))
                .isInstanceOfSatisfying(VisionApiException.class, e -> assertThat(e.isGone()).isTrue());
    }

    @Test
    void aWrongKeyIsNotRetriedButNotPermanentEither() {
        stub.stubFor(post(urlPathEqualTo(TASKS)).willReturn(problem(401, "Unauthorized")));

        assertThatThrownBy(() -> api.createReviewTask("zorg-a", TASK))
                .isInstanceOfSatisfying(VisionApiException.class, e -> assertThat(e.isPermanent()).isFalse());
        stub.verify(exactly(1), postRequestedFor(urlPathEqualTo(TASKS)));
    }

    @Test
    void anApiThatStaysDownEndsAsUnavailableAfterTheRetries() {
        stub.stubFor(post(urlPathEqualTo(TASKS)).willReturn(problem(503, "Service Unavailable")));

        assertThatThrownBy(() -> api.createReviewTask("zorg-a", TASK))
                .isInstanceOf(VisionApiUnavailableException.class)
                .hasMessageContaining("503");
        // The first attempt and three retries.
        stub.verify(exactly(4), postRequestedFor(urlPathEqualTo(TASKS)));
    }

    @Test
    void anOrganisationsPoliciesAreReadBareOrPaged() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/zorg-a/review-policies"))
                .willReturn(json("[{\"element\":\"vision\",\"enabled\":true,\"cycle\":\"P3Y\",\"onGoalReached\":true}]")));
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/zorg-b/review-policies"))
                .willReturn(json("{\"items\":[{\"organization\":\"zorg-b\",\"element\":\"strategy\",\"enabled\":false,"
                        + "\"cycle\":\"P1Y\",\"anchorDate\":\"2025-01-01\",\"remindBefore\":\"P14D\",\"future\":1}],"
                        + "\"page\":0,\"size\":20,\"total\":1}")));

        assertThat(api.reviewPoliciesOf("zorg-a")).singleElement()
                .satisfies(policy -> {
                    assertThat(policy.organization()).isEqualTo("zorg-a");
                    assertThat(policy.onGoalReached()).isTrue();
                    assertThat(policy.anchorDate()).isNull();
                });
        assertThat(api.reviewPoliciesOf("zorg-b")).singleElement()
                .satisfies(policy -> {
                    assertThat(policy.enabled()).isFalse();
                    assertThat(policy.remindBeforePeriod()).contains(java.time.Period.ofDays(14));
                });
    }

    @Test
    void aPolicyReadsWithItsRecipients() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/zorg-a/review-policies"))
                .willReturn(json("{\"items\":[{\"element\":\"vision\",\"enabled\":true,\"escalateAfter\":\"P14D\","
                        + "\"assignees\":[{\"name\":\"An\",\"email\":\"an@example.org\"}],"
                        + "\"escalateTo\":[{\"name\":\"Dirk\",\"email\":\"directie@example.org\"}]}]}")));

        assertThat(api.reviewPoliciesOf("zorg-a")).singleElement().satisfies(policy -> {
            assertThat(policy.assignees()).containsExactly(new Recipient("An", "an@example.org"));
            assertThat(policy.escalateTo()).containsExactly(new Recipient("Dirk", "directie@example.org"));
            assertThat(policy.escalateAfterPeriod()).contains(java.time.Period.ofDays(14));
        });
    }

    @Test
    void aReminderRecordIsCreatedOrAnswersWithTheRecordThatExists() {
        String path = "/api/v1/organizations/zorg-a/review-tasks/31/reminders";
        String existing = "{\"id\":5,\"kind\":\"DUE\",\"channel\":\"EMAIL\",\"recipients\":[],\"status\":\"FAILED\","
                + "\"attempts\":2,\"lastError\":\"SMTP: refused\",\"recordedBy\":\"service\",\"recordedAt\":\"2026-05-01T06:00:00Z\"}";
        NewReminder due = new NewReminder(Reminder.Kind.DUE, Reminder.Channel.EMAIL, List.of(new Recipient("An", "an@example.org")));

        stub.stubFor(post(urlPathEqualTo(path)).willReturn(json(existing.replace("FAILED", "PENDING")).withStatus(201)));
        ReminderRecording created = api.recordReminder("zorg-a", 31, due);
        assertThat(created.outcome()).isEqualTo(ReminderRecording.Outcome.CREATED);
        assertThat(created.reminder().status()).isEqualTo(Reminder.Status.PENDING);
        stub.verify(postRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + VisionApiStub.SERVICE_KEY))
                .withRequestBody(equalToJson("{\"kind\":\"DUE\",\"channel\":\"EMAIL\","
                        + "\"recipients\":[{\"name\":\"An\",\"email\":\"an@example.org\"}]}")));

        stub.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Conflict\",\"status\":409,\"reminder\":" + existing + "}")));
        ReminderRecording again = api.recordReminder("zorg-a", 31, due);
        assertThat(again.outcome()).isEqualTo(ReminderRecording.Outcome.EXISTED);
        assertThat(again.reminder().id()).isEqualTo(5);
        assertThat(again.reminder().status()).isEqualTo(Reminder.Status.FAILED);
        assertThat(again.reminder().lastError()).isEqualTo("SMTP: refused");

        stub.stubFor(post(urlPathEqualTo(path)).willReturn(problem(409, "Conflict")));
        assertThat(api.recordReminder("zorg-a", 31, due).outcome()).isEqualTo(ReminderRecording.Outcome.TASK_NOT_OPEN);
    }

    @Test
    void markingAReminderThatIsAlreadySentIsNoFailure() {
        String path = "/api/v1/organizations/zorg-a/review-tasks/31/reminders/5";
        stub.stubFor(patch(urlPathEqualTo(path)).willReturn(json("{\"id\":5,\"status\":\"SENT\"}")));
        assertThat(api.updateReminder("zorg-a", 31, 5, ReminderUpdate.sent())).isTrue();
        stub.verify(patchRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"status\":\"SENT\"}")));

        stub.stubFor(patch(urlPathEqualTo(path)).willReturn(problem(409, "Conflict")));
        assertThat(api.updateReminder("zorg-a", 31, 5, ReminderUpdate.failed("SMTP: refused"))).isFalse();
        stub.verify(patchRequestedFor(urlPathEqualTo(path))
                .withRequestBody(equalToJson("{\"status\":\"FAILED\",\"error\":\"SMTP: refused\"}")));
    }

    @Test
    void openTasksAndOrganisationsAreRead() {
        stub.stubFor(get(urlPathEqualTo("/api/v1/review-tasks")).willReturn(json("{\"items\":[{\"id\":31,"
                + "\"organization\":\"zorg-a\",\"element\":\"vision\",\"reason\":\"SOMETHING_NEW\",\"dueDate\":\"2027-01-01\","
                + "\"sourceKey\":\"cycle:vision:2027-01-01\",\"goalId\":null,\"goalTitle\":null,\"version\":null,"
                + "\"status\":\"OPEN\",\"reminders\":[]}],\"page\":0,\"size\":200,\"total\":1}")));
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/zorg-a"))
                .willReturn(json("{\"slug\":\"zorg-a\",\"name\":\"Zorg A\",\"defaultLanguage\":\"nl\",\"languages\":[\"nl\"]}")));

        ReviewTaskPage page = api.openReviewTasks(0, 200);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).singleElement().satisfies(task -> {
            assertThat(task.dueDate()).isEqualTo(LocalDate.parse("2027-01-01"));
            assertThat(task.reason()).isEqualTo("SOMETHING_NEW");
        });
        assertThat(api.organization("zorg-a")).isEqualTo(new Organization("zorg-a", "Zorg A", "nl"));
        stub.verify(getRequestedFor(urlPathEqualTo("/api/v1/review-tasks")).withQueryParam("status", equalTo("OPEN"))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("200")));
    }
}
