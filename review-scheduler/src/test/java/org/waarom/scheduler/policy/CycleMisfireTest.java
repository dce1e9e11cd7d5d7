package org.waarom.scheduler.policy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.QuartzWork;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;
import static org.waarom.scheduler.VisionApiStub.json;
import static org.waarom.scheduler.VisionApiStub.problem;

/**
 * After downtime (docs/architecture.md#the-scheduler), or on a first start long after the anchor, the scheduler
 * creates the one review that is due (the latest due date), never one per missed cycle, and then
 * waits for the next due date. The expected dates are worked out here by calendar rules, not with
 * the Cadence under test.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class CycleMisfireTest {

    @Inject
    Scheduler quartz;

    @Inject
    TestScheduler scheduler;

    @Inject
    PolicySyncLog syncLog;

    WireMockServer stub;

    @BeforeEach
    void start() {
        scheduler.quiesce();
        stub = VisionApiStub.server();
    }

    @Test
    void aFirstStartLongAfterTheAnchorCreatesOnlyTheLatestDueReview() {
        // Anchored on 31 January 2001, monthly: due at every month end since; hundreds are "missed".
        stubPolicy("zorg-m", "vision", "P1M", "2001-01-31");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate thisMonthEnd = YearMonth.from(today).atEndOfMonth();
        LocalDate latest = today.equals(thisMonthEnd) ? today : YearMonth.from(today).minusMonths(1).atEndOfMonth();
        LocalDate next = today.equals(thisMonthEnd) ? YearMonth.from(today).plusMonths(1).atEndOfMonth() : thisMonthEnd;

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(nextFireTime("zorg-m/vision")).isEqualTo(sixUtc(next)));
        assertThat(taskRequests("zorg-m")).singleElement().satisfies(request ->
                assertThat(request.getBodyAsString())
                        .contains("\"sourceKey\":\"cycle:vision:" + latest + "\"")
                        .contains("\"reason\":\"CYCLE\"")
                        .contains("\"dueDate\":\"" + latest + "\""));

        // Later syncs leave the policy alone: still that one request.
        awaitTwoMoreSyncs();
        assertThat(taskRequests("zorg-m")).hasSize(1);
    }

    @Test
    void aFiringMissedDuringDowntimeRunsOnceForTheLatestDueDate() throws Exception {
        // Yearly from 1 March 2010. The store still holds the trigger for 1 March 2015, as a
        // scheduler that was down since then would have left it.
        stubPolicy("zorg-d", "vision", "P1Y", "2010-03-01");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate marchFirst = MonthDay.of(3, 1).atYear(today.getYear());
        LocalDate latest = today.isBefore(marchFirst) ? marchFirst.minusYears(1) : marchFirst;
        LocalDate next = latest.plusYears(1);
        storeCycleJob("zorg-d", "vision", "P1Y", "2010-03-01", LocalDate.parse("2015-03-01"));
        assertThat(((SimpleTrigger) triggerOf("zorg-d/vision")).getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);

        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(nextFireTime("zorg-d/vision")).isEqualTo(sixUtc(next)));
        assertThat(taskRequests("zorg-d")).singleElement().satisfies(request ->
                assertThat(request.getBodyAsString()).contains("\"sourceKey\":\"cycle:vision:" + latest + "\""));
        assertThat(triggerOf("zorg-d/vision").getPreviousFireTime()).isNotNull();

        awaitTwoMoreSyncs();
        assertThat(taskRequests("zorg-d")).hasSize(1);
    }

    @Test
    void aDueReviewTheApiCannotTakeIsAskedForAgainUntilItExists() {
        stubPolicy("zorg-r", "strategy", "P1Y", "2020-06-15");
        stub.stubFor(post(urlPathEqualTo("/api/v1/organizations/zorg-r/review-tasks"))
                .willReturn(problem(503, "Service Unavailable")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate juneFifteenth = MonthDay.of(6, 15).atYear(today.getYear());
        LocalDate latest = today.isBefore(juneFifteenth) ? juneFifteenth.minusYears(1) : juneFifteenth;

        scheduler.resume();

        // Retried within the call, then the trigger waits one sync interval (1 s here) and fires again.
        await().atMost(Duration.ofSeconds(30)).until(() -> taskRequests("zorg-r").size() >= 8);
        stub.stubFor(post(urlPathEqualTo("/api/v1/organizations/zorg-r/review-tasks"))
                .willReturn(json("{\"id\":7}").withStatus(201)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(nextFireTime("zorg-r/strategy")).isEqualTo(sixUtc(latest.plusYears(1))));
        assertThat(taskRequests("zorg-r")).extracting(LoggedRequest::getBodyAsString)
                .allSatisfy(body -> assertThat(body).contains("\"sourceKey\":\"cycle:strategy:" + latest + "\""));
    }

    private void awaitTwoMoreSyncs() {
        Instant now = Instant.now();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                syncLog.lastSuccess().map(at -> at.isAfter(now.plusMillis(1500))).orElse(false));
    }

    /** A cycle job as the sync stores it, with its trigger at {@code firesOn} (06:00 UTC). */
    private void storeCycleJob(String organization, String element, String cycle, String anchor, LocalDate firesOn) {
        JobDataMap data = new JobDataMap();
        data.put(CycleTriggers.ORGANIZATION, organization);
        data.put(CycleTriggers.ELEMENT, element);
        data.put(CycleTriggers.ENABLED, "true");
        data.put(CycleTriggers.CYCLE, cycle);
        data.put(CycleTriggers.ANCHOR_DATE, anchor);
        JobDetail job = newJob(CycleReviewJob.class).withIdentity(CycleTriggers.jobKey(organization, element))
                .usingJobData(data).storeDurably().requestRecovery().build();
        Trigger trigger = newTrigger().withIdentity(CycleTriggers.triggerKey(job.getKey())).forJob(job)
                .startAt(Date.from(sixUtc(firesOn)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        QuartzWork.inTransaction(() -> {
            quartz.scheduleJob(job, Set.of(trigger), true);
            return null;
        });
    }

    private void stubPolicy(String organization, String element, String cycle, String anchor) {
        stub.stubFor(get(urlPathEqualTo("/api/v1/review-policies")).withQueryParam("page", equalTo("0"))
                .willReturn(json("{\"items\":[" + PolicySyncTest.policy(organization, element, true, cycle, LocalDate.parse(anchor))
                        + "],\"page\":0,\"size\":200,\"total\":1}")));
    }

    private List<LoggedRequest> taskRequests(String organization) {
        return stub.findAll(postRequestedFor(urlPathEqualTo("/api/v1/organizations/" + organization + "/review-tasks")));
    }

    private Instant nextFireTime(String name) throws Exception {
        Trigger trigger = triggerOf(name);
        return trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
    }

    private Trigger triggerOf(String name) throws Exception {
        return quartz.getTrigger(org.quartz.TriggerKey.triggerKey(name, CycleTriggers.GROUP));
    }

    private static Instant sixUtc(LocalDate date) {
        return date.atTime(6, 0).toInstant(ZoneOffset.UTC);
    }
}
