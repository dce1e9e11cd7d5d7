package org.waarom.scheduler.policy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.QuartzWork;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.scheduler.VisionApiStub.json;

/**
 * Review policies from the API become cycle triggers, and Quartz keeps matching them: the running
 * policy-sync job (every second in tests) creates, reschedules and removes triggers.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
class PolicySyncTest {

    /** Anchors well ahead, so no review is due yet and nothing fires during the test. */
    private static final LocalDate ANCHOR = LocalDate.now(ZoneOffset.UTC).plusYears(1).withDayOfMonth(1);

    @Inject
    Scheduler quartz;

    @Inject
    TestScheduler scheduler;

    @Inject
    PolicySyncLog syncLog;

    @Inject
    CycleTriggers cycleTriggers;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    WireMockServer stub;

    @BeforeEach
    void start() throws Exception {
        scheduler.quiesce();
        stub = VisionApiStub.server();
    }

    @Test
    void everyPageOfPoliciesIsReadAndEachEnabledCyclePolicyWithAnAnchorGetsATrigger() throws Exception {
        stubPolicies(0, 3, policy("zorg-a", "vision", true, "P3Y", ANCHOR) + "," + policy("zorg-a", "strategy", true, "P1Y", null));
        stubPolicies(1, 3, policy("zorg-b", "values", false, "P5Y", ANCHOR));
        scheduler.resume();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fireTime("zorg-a/vision"))
                .isEqualTo(cycleTriggers.fireInstant(ANCHOR.plusYears(3))));
        JobDetail job = quartz.getJobDetail(CycleTriggers.jobKey("zorg-a", "vision"));
        assertThat(job.getJobDataMap().getString(CycleTriggers.CYCLE)).isEqualTo("P3Y");
        assertThat(job.getJobDataMap().getString(CycleTriggers.ANCHOR_DATE)).isEqualTo(ANCHOR.toString());
        assertThat(job.getJobDataMap().getString(CycleTriggers.ENABLED)).isEqualTo("true");
        // No anchor: nothing to count from. Disabled: no cycle at all.
        assertThat(quartz.checkExists(CycleTriggers.jobKey("zorg-a", "strategy"))).isFalse();
        assertThat(quartz.checkExists(CycleTriggers.jobKey("zorg-b", "values"))).isFalse();
        assertThat(triggerOf("zorg-a/vision")).isInstanceOfSatisfying(SimpleTrigger.class, trigger -> {
            assertThat(trigger.getMisfireInstruction()).isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
            assertThat(trigger.getRepeatCount()).isZero();
        });
        // The second page was read because the first said there were 3 policies in pages of 2.
        stub.verify(getRequestedFor(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> syncLog.lastSuccess().isPresent());
    }

    @Test
    void aSyncThatCreatesManyJobsRefreshesThePlannerStatisticsOfTheJobStore() throws Exception {
        long analysedBefore = manualAnalyses("qrtz_job_details");
        int many = 1_200;
        String items = IntStream.range(0, many)
                .mapToObj(n -> policy("bulk-" + n, "vision", true, "P3Y", ANCHOR))
                .collect(Collectors.joining(","));
        stub.stubFor(get(urlPathEqualTo("/api/v1/review-policies")).withQueryParam("page", equalTo("0"))
                .willReturn(json("{\"items\":[" + items + "],\"page\":0,\"size\":" + many + ",\"total\":" + many + "}")));
        scheduler.resume();

        await().atMost(Duration.ofSeconds(60)).until(() -> quartz.checkExists(CycleTriggers.jobKey("bulk-" + (many - 1), "vision")));
        // Refreshed as the job store grew (after 500 jobs and again after 1,000), so that Quartz's
        // lookups by key do not keep a plan made for nearly empty tables.
        await().atMost(Duration.ofSeconds(30)).until(() -> manualAnalyses("qrtz_job_details") >= analysedBefore + 2);
        assertThat(manualAnalyses("qrtz_triggers")).isPositive();
        assertThat(manualAnalyses("cycle_schedule")).isPositive();
    }

    @Test
    void aChangedCycleOrAnchorReschedulesTheTrigger() throws Exception {
        stubPolicies(0, 1, policy("zorg-c", "vision", true, "P3Y", ANCHOR));
        scheduler.resume();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fireTime("zorg-c/vision"))
                .isEqualTo(cycleTriggers.fireInstant(ANCHOR.plusYears(3))));

        stubPolicies(0, 1, policy("zorg-c", "vision", true, "P6M", ANCHOR));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fireTime("zorg-c/vision"))
                .isEqualTo(cycleTriggers.fireInstant(ANCHOR.plusMonths(6))));
        assertThat(quartz.getJobDetail(CycleTriggers.jobKey("zorg-c", "vision")).getJobDataMap().getString(CycleTriggers.CYCLE))
                .isEqualTo("P6M");

        stubPolicies(0, 1, policy("zorg-c", "vision", true, "P6M", ANCHOR.plusMonths(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fireTime("zorg-c/vision"))
                .isEqualTo(cycleTriggers.fireInstant(ANCHOR.plusMonths(7))));
    }

    @Test
    void anUnchangedPolicyKeepsItsTrigger() throws Exception {
        stubPolicies(0, 1, policy("zorg-u", "mission", true, "P5Y", ANCHOR));
        scheduler.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> quartz.checkExists(CycleTriggers.jobKey("zorg-u", "mission")));
        Trigger first = triggerOf("zorg-u/mission");
        Instant synced = syncLog.lastSuccess().orElseThrow();

        // Two more syncs later, the very same trigger (start time included) is still there.
        await().atMost(Duration.ofSeconds(30)).until(() -> syncLog.lastSuccess().orElseThrow().isAfter(synced.plusMillis(1500)));
        assertThat(triggerOf("zorg-u/mission").getStartTime()).isEqualTo(first.getStartTime());
    }

    @Test
    void aTriggerLostFromTheStoreIsMadeAgain() throws Exception {
        stubPolicies(0, 1, policy("zorg-l", "vision", true, "P2Y", ANCHOR));
        scheduler.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> fireTime("zorg-l/vision") != null);

        // The job (with its recorded cadence) stays, its trigger goes: the next sync must notice.
        QuartzWork.inTransaction(() -> quartz.unscheduleJob(org.quartz.TriggerKey.triggerKey("zorg-l/vision", CycleTriggers.GROUP)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fireTime("zorg-l/vision"))
                .isEqualTo(cycleTriggers.fireInstant(ANCHOR.plusYears(2))));
    }

    @Test
    void aJobWithoutARecordedCadenceIsComparedThroughTheJobStoreAndThenRecorded() throws Exception {
        stubPolicies(0, 1, policy("zorg-r", "values", true, "P4Y", ANCHOR));
        scheduler.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> recordedCadence("zorg-r/values") != null);
        Trigger first = triggerOf("zorg-r/values");

        // As a job scheduled before the cycle_schedule table existed.
        execute("delete from cycle_schedule where job_name = 'zorg-r/values'");

        await().atMost(Duration.ofSeconds(30)).until(() -> recordedCadence("zorg-r/values") != null);
        assertThat(recordedCadence("zorg-r/values")).isEqualTo("P4Y " + ANCHOR);
        assertThat(triggerOf("zorg-r/values").getStartTime()).isEqualTo(first.getStartTime());
    }

    @Test
    void aDisabledPolicyLosesItsTrigger() throws Exception {
        stubPolicies(0, 1, policy("zorg-d", "vision", true, "P1Y", ANCHOR));
        scheduler.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> quartz.checkExists(CycleTriggers.jobKey("zorg-d", "vision")));

        stubPolicies(0, 1, policy("zorg-d", "vision", false, "P1Y", ANCHOR));

        await().atMost(Duration.ofSeconds(30)).until(() -> !quartz.checkExists(CycleTriggers.jobKey("zorg-d", "vision")));
        assertThat(quartz.checkExists(CycleTriggers.triggerKey(CycleTriggers.jobKey("zorg-d", "vision")))).isFalse();
    }

    @Test
    void aPolicyThatIsGoneLosesItsTrigger() throws Exception {
        stubPolicies(0, 2, policy("zorg-e", "vision", true, "P1Y", ANCHOR) + "," + policy("zorg-f", "vision", true, "P1Y", ANCHOR));
        scheduler.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> quartz.checkExists(CycleTriggers.jobKey("zorg-f", "vision")));

        // The organisation zorg-f was removed.
        stubPolicies(0, 1, policy("zorg-e", "vision", true, "P1Y", ANCHOR));

        await().atMost(Duration.ofSeconds(30)).until(() -> !quartz.checkExists(CycleTriggers.jobKey("zorg-f", "vision")));
        assertThat(quartz.checkExists(CycleTriggers.jobKey("zorg-e", "vision"))).isTrue();
    }

    @Test
    void anUnreadablePageChangesNothing() throws Exception {
        stubPolicies(0, 1, policy("zorg-g", "vision", true, "P1Y", ANCHOR));
        scheduler.resume();
        await().atMost(Duration.ofSeconds(30)).until(() -> quartz.checkExists(CycleTriggers.jobKey("zorg-g", "vision")));

        // Page 1 fine, page 2 failing: the policies of page 2 are unknown, so the sync must not
        // remove what page 1 lacks, nor half-apply what it has.
        stubPolicies(0, 400, policy("zorg-h", "vision", true, "P1Y", ANCHOR));
        stub.stubFor(get(urlPathEqualTo("/api/v1/review-policies")).withQueryParam("page", equalTo("1"))
                .willReturn(VisionApiStub.problem(503, "Service Unavailable")));
        // At least two syncs met the failing page (four attempts each, then the circuit opens).
        await().atMost(Duration.ofSeconds(30)).until(() -> stub.findAll(getRequestedFor(1)).size() >= 8);

        assertThat(quartz.checkExists(CycleTriggers.jobKey("zorg-g", "vision"))).isTrue();
        assertThat(quartz.checkExists(CycleTriggers.jobKey("zorg-h", "vision"))).isFalse();
    }

    private String recordedCadence(String jobName) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement query = connection.prepareStatement("select cycle, anchor_date from cycle_schedule where job_name = ?")) {
            query.setString(1, jobName);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) + " " + row.getDate(2).toLocalDate() : null;
            }
        }
    }

    /** How often the table was analysed by hand (ANALYZE), not by autovacuum. */
    private long manualAnalyses(String table) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "select analyze_count from pg_stat_user_tables where relname = ?")) {
            query.setString(1, table);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private void execute(String sql) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private Instant fireTime(String name) throws Exception {
        Trigger trigger = triggerOf(name);
        return trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
    }

    private Trigger triggerOf(String name) throws Exception {
        return quartz.getTrigger(org.quartz.TriggerKey.triggerKey(name, CycleTriggers.GROUP));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequestedFor(int page) {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v1/review-policies"))
                .withQueryParam("page", equalTo(String.valueOf(page)));
    }

    /** Serves one page of policies, in pages of 2 (the size the API answers with). */
    private void stubPolicies(int page, int total, String items) {
        stub.stubFor(get(urlPathEqualTo("/api/v1/review-policies")).withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(json("{\"items\":[" + items + "],\"page\":" + page + ",\"size\":2,\"total\":" + total + "}")));
    }

    static String policy(String organization, String element, boolean enabled, String cycle, LocalDate anchor) {
        return "{\"organization\":\"" + organization + "\",\"element\":\"" + element + "\",\"enabled\":" + enabled
                + ",\"cycle\":\"" + cycle + "\",\"anchorDate\":" + (anchor == null ? "null" : "\"" + anchor + "\"")
                + ",\"onGoalReached\":true,\"remindBefore\":\"P30D\",\"escalateAfter\":\"P14D\","
                + "\"assignees\":[{\"name\":\"An\",\"email\":\"an@example.org\"}],\"escalateTo\":[],"
                + "\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
    }
}
