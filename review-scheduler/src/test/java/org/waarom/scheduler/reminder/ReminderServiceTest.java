package org.waarom.scheduler.reminder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.SmtpServer;
import org.waarom.scheduler.TestScheduler;
import org.waarom.scheduler.VisionApiStub;
import org.waarom.scheduler.api.VisionApiException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.waarom.scheduler.VisionApiStub.json;
import static org.waarom.scheduler.VisionApiStub.problem;

/**
 * Reminder passes against a stub vision-api (WireMock) and a real SMTP server (GreenMail): what
 * the quality managers receive, in which language, and the record → send → mark order that
 * sends each reminder once through crashes, SMTP outages and an unreachable API.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
@QuarkusTestResource(SmtpServer.class)
class ReminderServiceTest {

    private static final String TASKS = "/api/v1/review-tasks";
    private static final String AN = "{\"name\":\"An\",\"email\":\"an@example.org\"}";
    private static final String BERT = "{\"name\":\"Bert\",\"email\":\"bert@example.org\"}";
    private static final String DIRECTOR = "{\"name\":\"Dirk Directeur\",\"email\":\"directie@example.org\"}";
    private static final List<String> NL_MONTHS = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli",
            "augustus", "september", "oktober", "november", "december");
    private static final List<String> FR_MONTHS = List.of("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
            "août", "septembre", "octobre", "novembre", "décembre");
    private static final List<String> EN_MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    /** What reached the stub, in order, with how many e-mails GreenMail held at that moment. */
    private static final List<String> TIMELINE = Collections.synchronizedList(new ArrayList<>());

    @Inject
    TestScheduler scheduler;

    @Inject
    ReminderService reminders;

    @Inject
    Scheduler quartz;

    WireMockServer stub;
    LocalDate today;

    @BeforeAll
    static void listen() {
        VisionApiStub.server().addMockServiceRequestListener((request, response) -> {
            String path = request.getUrl();
            if (path.contains("/reminders") || path.contains(VisionApiStub.INCOMING_WEBHOOK)) {
                TIMELINE.add(request.getMethod() + " " + path.replaceFirst("^/api/v1/organizations/[^/]+/review-tasks/", "task/")
                        + " mails=" + SmtpServer.received().size());
            }
        });
    }

    @BeforeEach
    void start() {
        scheduler.quiesce();
        SmtpServer.up();
        SmtpServer.clear();
        TIMELINE.clear();
        stub = VisionApiStub.server();
        stub.stubFor(patch(urlPathMatching("/api/v1/organizations/[^/]+/review-tasks/\\d+/reminders/\\d+")).atPriority(10)
                .willReturn(json("{}")));
        stub.stubFor(post(urlPathMatching("/api/v1/organizations/[^/]+/review-tasks/\\d+/reminders/\\d+/links/\\d+/delivery")).atPriority(10)
                .willReturn(json("{}")));
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void anUpcomingReviewIsRecordedThenMailedThenMarkedSent() throws Exception {
        LocalDate due = today.plusDays(10);
        organization("zorg-a", "Zorg A", "nl");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN + "," + BERT, DIRECTOR));
        tasks(task(31, "zorg-a", "vision", "CYCLE", due, ""));
        recordCreated("zorg-a", 31, 501, "UPCOMING", "EMAIL");
        recordCreated("zorg-a", 31, 502, "UPCOMING", "WEBHOOK");

        ReminderService.Pass pass = reminders.remind();

        assertThat(pass.sent()).isEqualTo(2);
        MimeMessage mail = onlyMail();
        assertThat(mail.getSubject()).isEqualTo("Herinnering: evaluatie van de visie vervalt op " + nl(due) + " (Zorg A)");
        // One message each, addressed to that person alone.
        assertThat(SmtpServer.received()).extracting(copy -> addresses(copy, RecipientType.TO))
                .containsExactlyInAnyOrder(List.of("An <an@example.org>"), List.of("Bert <bert@example.org>"));
        String toAn = ReminderMailer.messageId(501, new org.waarom.scheduler.api.Recipient("An", "an@example.org"));
        for (MimeMessage copy : SmtpServer.received()) {
            if (copy.getHeader("Message-ID")[0].equals(toAn)) {
                mail = copy;
            }
        }
        assertThat(addresses(mail, RecipientType.TO)).containsExactly("An <an@example.org>");
        assertThat(mail.getRecipients(RecipientType.CC)).isNullOrEmpty();
        assertThat(mail.getHeader("Message-ID")[0]).startsWith("<reminder-501.");
        assertThat(mail.getFrom()).extracting(Address::toString).containsExactly("waarom@localhost");
        assertThat(text(mail)).contains(
                "Beste An,",
                "De evaluatie van de visie voor Zorg A vervalt op " + nl(due) + ".",
                "Organisatie: Zorg A",
                "Onderdeel: Visie",
                "Vervaldatum: " + nl(due),
                "Waarom: Het is tijd voor de periodieke evaluatie, volgens de cyclus van het evaluatiebeleid.",
                "Wat te doen: Lees de huidige tekst opnieuw met de betrokkenen.",
                "CONFIRMED (bevestigd)", "REVISED (herzien)");
        assertThat(html(mail)).contains("<html lang=\"nl\">", "<p>Beste An,</p>",
                "<strong>" + nl(due) + "</strong>", "Evaluatietaak 31.");

        // The record names the recipients read from the policy now.
        stub.verify(postRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/31/reminders"))
                .withHeader("Authorization", equalTo("Bearer " + VisionApiStub.SERVICE_KEY))
                .withRequestBody(equalToJson("{\"kind\":\"UPCOMING\",\"channel\":\"EMAIL\",\"recipients\":[" + AN + "," + BERT + "]}")));
        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/31/reminders/501"))
                .withRequestBody(equalToJson("{\"status\":\"SENT\"}")));
        // The incoming webhook: one JSON message that Slack and Teams accept.
        stub.verify(postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"text\":\"Herinnering: evaluatie van de visie vervalt op " + nl(due) + " (Zorg A)\\n"
                        + "Het is tijd voor de periodieke evaluatie, volgens de cyclus van het evaluatiebeleid.\\nVoor: An, Bert\"}")));
        // Record, then send, then mark: no mail before its record, the mail there before SENT.
        assertThat(TIMELINE).containsExactly(
                "POST task/31/reminders mails=0",
                "PATCH task/31/reminders/501 mails=2",
                "POST task/31/reminders mails=2",
                "POST " + VisionApiStub.INCOMING_WEBHOOK + " mails=2",
                "PATCH task/31/reminders/502 mails=2");
        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/31/reminders/502"))
                .withRequestBody(equalToJson("{\"status\":\"SENT\"}")));

        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*waarom_scheduler_reminders_sent_total\\{[^}]*channel=\"EMAIL\"[^}]*kind=\"UPCOMING\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*waarom_scheduler_reminders_sent_total\\{[^}]*channel=\"WEBHOOK\"[^}]*kind=\"UPCOMING\"[^}]*} [1-9].*"))
                .body(containsString("# HELP waarom_scheduler_reminders_sent Review reminders sent, by kind and channel"));
    }

    @Test
    void anEscalationGoesToEscalateToAndToEachAssigneeInFrench() throws Exception {
        LocalDate due = today.minusDays(20);
        organization("zorg-b", "Zorg B", "fr");
        policies("zorg-b", policy("strategy", "P30D", "P14D", AN + "," + BERT, DIRECTOR));
        tasks(task(41, "zorg-b", "strategy", "VISION_CHANGED", due, ",\"version\":7"));
        recordCreated("zorg-b", 41, 601, "ESCALATION", "EMAIL");
        recordCreated("zorg-b", 41, 602, "ESCALATION", "WEBHOOK");

        reminders.remind();

        // Each their own message (none in copy): a message carries its recipient's own link.
        await().atMost(Duration.ofSeconds(30)).until(() -> SmtpServer.received().size() == 3);
        onlyMail();
        assertThat(SmtpServer.received()).extracting(copy -> addresses(copy, RecipientType.TO)).containsExactlyInAnyOrder(
                List.of("Dirk Directeur <directie@example.org>"), List.of("An <an@example.org>"), List.of("Bert <bert@example.org>"));
        assertThat(SmtpServer.received()).allSatisfy(copy -> assertThat(copy.getRecipients(RecipientType.CC)).isNullOrEmpty());
        MimeMessage mail = null;
        for (MimeMessage copy : SmtpServer.received()) {
            if (addresses(copy, RecipientType.TO).get(0).startsWith("Dirk")) {
                mail = copy;
            }
        }
        assertThat(mail.getSubject()).isEqualTo("Escalade : évaluation de la stratégie en retard depuis le " + fr(due) + " (Zorg B)");
        assertThat(text(mail)).contains(
                "Bonjour Dirk Directeur,",
                "L'évaluation de la stratégie pour Zorg B était à faire pour le " + fr(due)
                        + " et n'est toujours pas terminée 20 jours plus tard.",
                "Élément: Stratégie",
                "Pourquoi: La version 7 de la vision a été adoptée, et la stratégie suit la vision.");
        assertThat(html(mail)).contains("<html lang=\"fr\">");
        stub.verify(postRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-b/review-tasks/41/reminders"))
                .withRequestBody(equalToJson("{\"kind\":\"ESCALATION\",\"channel\":\"EMAIL\",\"recipients\":["
                        + DIRECTOR + "," + AN + "," + BERT + "]}")));
    }

    @Test
    void storedTextsCannotInjectMarkupAndOtherLanguagesGetEnglish() throws Exception {
        LocalDate due = today.minusDays(3);
        String goal = "<script>alert('x')</script> Wachttijd < 2 weken & \\\"meer\\\"";
        organization("zorg-c", "Zorg <b>C</b>", "de");
        policies("zorg-c", policy("values", "P30D", "P14D", AN, ""));
        tasks(task(51, "zorg-c", "values", "GOAL_REACHED", due, ",\"goalId\":42,\"goalTitle\":\"" + goal + "\""));
        recordCreated("zorg-c", 51, 701, "OVERDUE", "EMAIL");
        recordCreated("zorg-c", 51, 702, "OVERDUE", "WEBHOOK");

        reminders.remind();

        MimeMessage mail = onlyMail();
        assertThat(mail.getSubject()).isEqualTo("Overdue: review of the values was due on " + en(due) + " (Zorg <b>C</b>)");
        assertThat(text(mail)).contains(
                "Hello An,",
                "The review of the values for Zorg <b>C</b> was due on " + en(due) + " and has not been completed yet.",
                "Why: The goal \"<script>alert('x')</script> Wachttijd < 2 weken & \"meer\"\" that it serves was reached.");
        String html = html(mail);
        assertThat(html).contains("<html lang=\"en\">",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Wachttijd &lt; 2 weken &amp; &quot;meer&quot;",
                "Zorg &lt;b&gt;C&lt;/b&gt;");
        assertThat(html).doesNotContain("<script>", "<b>C</b>");
        // Slack would read <…> as markup: escaped there too.
        assertThat(stub.findAll(postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK))))
                .singleElement().extracting(LoggedRequest::getBodyAsString).asString()
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; Wachttijd &lt; 2 weken &amp;")
                .doesNotContain("<script>");
    }

    @Test
    void eachTaskGetsOnlyTheKindOwedTodayAcrossPagesWithOneLookupPerOrganisation() throws Exception {
        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR) + "," + policy("mission", "P30D", "P14D", BERT, DIRECTOR));
        // Two pages: the API serves one task per page here.
        stub.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("status", equalTo("OPEN")).withQueryParam("page", equalTo("0"))
                .willReturn(json("{\"items\":[" + task(61, "zorg-a", "vision", "MANUAL", today, "") + "],\"page\":0,\"size\":1,\"total\":3}")));
        stub.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("status", equalTo("OPEN")).withQueryParam("page", equalTo("1"))
                .willReturn(json("{\"items\":[" + task(62, "zorg-a", "mission", "CYCLE", today.plusDays(31), "")
                        + "],\"page\":1,\"size\":1,\"total\":3}")));
        stub.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("status", equalTo("OPEN")).withQueryParam("page", equalTo("2"))
                .willReturn(json("{\"items\":[" + task(63, "zorg-a", "mission", "CYCLE", today.plusDays(30), "")
                        + "],\"page\":2,\"size\":1,\"total\":3}")));
        recordCreated("zorg-a", 61, 801, "DUE", "EMAIL");
        recordCreated("zorg-a", 61, 802, "DUE", "WEBHOOK");
        recordCreated("zorg-a", 63, 803, "UPCOMING", "EMAIL");
        recordCreated("zorg-a", 63, 804, "UPCOMING", "WEBHOOK");

        ReminderService.Pass pass = reminders.remind();

        assertThat(pass.tasks()).isEqualTo(3);
        assertThat(SmtpServer.received()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Due today: review of the vision (Zorg A, " + en(today) + ")",
                "Reminder: review of the mission is due on " + en(today.plusDays(30)) + " (Zorg A)");
        // Task 62 is due in 31 days, one day before its 30-day window: nothing recorded.
        stub.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/62/reminders")));
        stub.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a")));
        stub.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-policies")));
        stub.verify(getRequestedFor(urlPathEqualTo(TASKS)).withQueryParam("status", equalTo("OPEN"))
                .withQueryParam("page", equalTo("0")).withQueryParam("size", equalTo("200")));
    }

    @Test
    void aReminderRecordedAsSentIsNotSentAgain() {
        organization("zorg-a", "Zorg A", "nl");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(71, "zorg-a", "vision", "CYCLE", today.plusDays(5), ""));
        // Another replica (or an earlier pass) sent both already; the list did not show it yet.
        recordExisted("zorg-a", 71, "EMAIL", reminder(901, "UPCOMING", "EMAIL", "SENT"));
        recordExisted("zorg-a", 71, "WEBHOOK", reminder(902, "UPCOMING", "WEBHOOK", "SENT"));

        ReminderService.Pass pass = reminders.remind();

        assertThat(pass.sent()).isZero();
        assertThat(SmtpServer.received()).isEmpty();
        stub.verify(0, postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK)));
        stub.verify(0, patchRequestedFor(urlPathMatching(".*/reminders/.*")));
    }

    @Test
    void aReminderListedAsSentIsNotEvenRecordedAgain() {
        organization("zorg-a", "Zorg A", "nl");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(72, "zorg-a", "vision", "CYCLE", today.plusDays(5), "",
                reminder(903, "UPCOMING", "EMAIL", "SENT") + "," + reminder(904, "UPCOMING", "WEBHOOK", "SENT")));

        reminders.remind();

        assertThat(SmtpServer.received()).isEmpty();
        stub.verify(0, postRequestedFor(urlPathMatching(".*/reminders")));
        stub.verify(0, postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK)));
    }

    @Test
    void aPendingOrFailedRecordIsSentOnceByTheNextPass() throws Exception {
        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(73, "zorg-a", "vision", "CYCLE", today.plusDays(5), "",
                reminder(905, "UPCOMING", "EMAIL", "PENDING") + "," + reminder(906, "UPCOMING", "WEBHOOK", "FAILED")));
        // A pass recorded both, then crashed (PENDING) or could not post (FAILED).
        recordExisted("zorg-a", 73, "EMAIL", reminder(905, "UPCOMING", "EMAIL", "PENDING"));
        recordExisted("zorg-a", 73, "WEBHOOK", reminder(906, "UPCOMING", "WEBHOOK", "FAILED"));

        reminders.remind();

        MimeMessage mail = onlyMail();
        assertThat(mail.getHeader("Message-ID")[0]).startsWith("<reminder-905.");
        assertThat(text(mail)).contains("An: open the review and decide: http://localhost:8080/pages/zorg-a/review-tasks/73?token=wrev_retried",
                "all open reviews: http://localhost:8080/pages/zorg-a/reviews?token=wrev_retried");
        stub.verify(1, postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK)));
        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/73/reminders/905"))
                .withRequestBody(equalToJson("{\"status\":\"SENT\"}")));
        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/73/reminders/906"))
                .withRequestBody(equalToJson("{\"status\":\"SENT\"}")));
    }

    @Test
    void aFailedEarlierKindIsAbandonedForTheKindOwedNow() throws Exception {
        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(74, "zorg-a", "vision", "CYCLE", today, "",
                reminder(907, "UPCOMING", "EMAIL", "FAILED") + "," + reminder(908, "UPCOMING", "WEBHOOK", "SENT")));
        recordCreated("zorg-a", 74, 909, "DUE", "EMAIL");
        recordCreated("zorg-a", 74, 910, "DUE", "WEBHOOK");

        reminders.remind();

        assertThat(onlyMail().getHeader("Message-ID")[0]).startsWith("<reminder-909.");
        assertThat(stub.findAll(postRequestedFor(urlPathMatching(".*/review-tasks/74/reminders"))))
                .extracting(LoggedRequest::getBodyAsString)
                .allSatisfy(body -> assertThat(body).contains("\"kind\":\"DUE\""));
        stub.verify(0, patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/74/reminders/907")));
    }

    @Test
    void whenSmtpIsDownTheReminderIsMarkedFailedAndSentOnceWhenItIsBack() throws Exception {
        organization("zorg-a", "Zorg A", "nl");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(75, "zorg-a", "vision", "CYCLE", today.plusDays(3), ""));
        recordCreated("zorg-a", 75, 911, "UPCOMING", "EMAIL");
        recordCreated("zorg-a", 75, 912, "UPCOMING", "WEBHOOK");
        SmtpServer.down();

        ReminderService.Pass first = reminders.remind();

        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.sent()).isEqualTo(1);
        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/75/reminders/911"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("FAILED")))
                .withRequestBody(matchingJsonPath("$.error", com.github.tomakehurst.wiremock.client.WireMock.matching("SMTP: .*Connection refused.*"))));
        // The webhook does not wait for the mail server.
        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/75/reminders/912"))
                .withRequestBody(equalToJson("{\"status\":\"SENT\"}")));
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*waarom_scheduler_reminders_failed_total\\{[^}]*channel=\"EMAIL\"[^}]*kind=\"UPCOMING\"[^}]*} [1-9].*"));

        // The API now holds what the first pass wrote; the mail server is back.
        SmtpServer.up();
        stub.resetRequests();
        tasks(task(75, "zorg-a", "vision", "CYCLE", today.plusDays(3), "",
                reminder(911, "UPCOMING", "EMAIL", "FAILED") + "," + reminder(912, "UPCOMING", "WEBHOOK", "SENT")));
        recordExisted("zorg-a", 75, "EMAIL", reminder(911, "UPCOMING", "EMAIL", "FAILED"));

        ReminderService.Pass second = reminders.remind();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(onlyMail().getHeader("Message-ID")[0]).startsWith("<reminder-911.");
        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/75/reminders/911"))
                .withRequestBody(equalToJson("{\"status\":\"SENT\"}")));
        stub.verify(0, postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK)));

        // A third pass, with the reminder SENT, sends nothing more.
        tasks(task(75, "zorg-a", "vision", "CYCLE", today.plusDays(3), "",
                reminder(911, "UPCOMING", "EMAIL", "SENT") + "," + reminder(912, "UPCOMING", "WEBHOOK", "SENT")));
        reminders.remind();
        assertThat(SmtpServer.received()).hasSize(1);
    }

    @Test
    void whenTheApiIsDownNothingIsSentOrRecordedAndTheNextPassCatchesUp() throws Exception {
        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        stub.stubFor(get(urlPathEqualTo(TASKS)).willReturn(problem(503, "Service Unavailable")));

        assertThatThrownBy(() -> reminders.remind()).isInstanceOf(VisionApiException.class);

        assertThat(SmtpServer.received()).isEmpty();
        stub.verify(0, postRequestedFor(urlPathMatching(".*/reminders")));

        tasks(task(76, "zorg-a", "vision", "CYCLE", today.plusDays(3), ""));
        recordCreated("zorg-a", 76, 913, "UPCOMING", "EMAIL");
        recordCreated("zorg-a", 76, 914, "UPCOMING", "WEBHOOK");

        reminders.remind();

        assertThat(onlyMail().getHeader("Message-ID")[0]).startsWith("<reminder-913.");
    }

    @Test
    void withoutRecipientsNoMailIsSentButTheWebhookStillIs() {
        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", "", DIRECTOR));
        tasks(task(77, "zorg-a", "vision", "CYCLE", today.plusDays(3), ""));
        recordCreated("zorg-a", 77, 915, "UPCOMING", "WEBHOOK");

        ReminderService.Pass pass = reminders.remind();

        assertThat(pass.withoutRecipients()).isEqualTo(1);
        assertThat(SmtpServer.received()).isEmpty();
        assertThat(stub.findAll(postRequestedFor(urlPathMatching(".*/review-tasks/77/reminders"))))
                .singleElement().extracting(LoggedRequest::getBodyAsString).asString()
                .contains("\"channel\":\"WEBHOOK\"");
        stub.verify(1, postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK)));
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*waarom_scheduler_reminders_skipped_total\\{[^}]*kind=\"UPCOMING\"[^}]*reason=\"no-recipients\"[^}]*} [1-9].*"));
    }

    @Test
    void aTaskNoLongerOpenGetsNothing() {
        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(78, "zorg-a", "vision", "CYCLE", today.plusDays(3), ""));
        stub.stubFor(post(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/78/reminders"))
                .willReturn(problem(409, "Conflict")));

        reminders.remind();

        assertThat(SmtpServer.received()).isEmpty();
        stub.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/78/reminders")));
        stub.verify(0, postRequestedFor(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK)));
    }

    @Test
    void aFailingWebhookIsMarkedFailed() throws Exception {
        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(79, "zorg-a", "vision", "CYCLE", today.plusDays(3), ""));
        recordCreated("zorg-a", 79, 916, "UPCOMING", "EMAIL");
        recordCreated("zorg-a", 79, 917, "UPCOMING", "WEBHOOK");
        stub.stubFor(post(urlPathEqualTo(VisionApiStub.INCOMING_WEBHOOK)).willReturn(problem(404, "Not Found")));

        reminders.remind();

        stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/79/reminders/917"))
                .withRequestBody(equalToJson("{\"status\":\"FAILED\",\"error\":\"incoming webhook answered 404\"}")));
        // The e-mail went all the same.
        assertThat(onlyMail().getHeader("Message-ID")[0]).startsWith("<reminder-916.");
    }

    @Test
    void theClusteredJobRunsAPassEveryInterval() throws Exception {
        SimpleTrigger trigger = (SimpleTrigger) quartz.getTrigger(TriggerKey.triggerKey(ReminderJob.KEY.getName(), ReminderJob.KEY.getGroup()));
        assertThat(trigger.getRepeatInterval()).isEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(quartz.getJobDetail(ReminderJob.KEY).isConcurrentExecutionDisallowed()).isTrue();

        organization("zorg-a", "Zorg A", "en");
        policies("zorg-a", policy("vision", "P30D", "P14D", AN, DIRECTOR));
        tasks(task(80, "zorg-a", "vision", "CYCLE", today.plusDays(3), ""));
        recordCreated("zorg-a", 80, 918, "UPCOMING", "EMAIL");
        recordCreated("zorg-a", 80, 919, "UPCOMING", "WEBHOOK");

        quartz.triggerJob(ReminderJob.KEY);

        await().atMost(Duration.ofSeconds(30)).until(() -> SmtpServer.received().size() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                stub.verify(patchRequestedFor(urlPathEqualTo("/api/v1/organizations/zorg-a/review-tasks/80/reminders/919"))));
        scheduler.awaitNoJobRunning();
    }

    // --- the stub API

    private void organization(String slug, String name, String language) {
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/" + slug)).willReturn(json("{\"slug\":\"" + slug + "\",\"name\":\""
                + name + "\",\"defaultLanguage\":\"" + language + "\",\"languages\":[\"nl\",\"fr\",\"en\"]}")));
    }

    private void policies(String slug, String items) {
        stub.stubFor(get(urlPathEqualTo("/api/v1/organizations/" + slug + "/review-policies"))
                .willReturn(json("{\"items\":[" + items + "]}")));
    }

    private static String policy(String element, String remindBefore, String escalateAfter, String assignees, String escalateTo) {
        return "{\"organization\":null,\"element\":\"" + element + "\",\"enabled\":true,\"cycle\":\"P3Y\",\"anchorDate\":\"2024-01-01\","
                + "\"onGoalReached\":true,\"remindBefore\":\"" + remindBefore + "\",\"escalateAfter\":\"" + escalateAfter + "\","
                + "\"assignees\":[" + assignees + "],\"escalateTo\":[" + escalateTo + "]}";
    }

    private void tasks(String... tasks) {
        stub.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("status", equalTo("OPEN"))
                .willReturn(json("{\"items\":[" + String.join(",", tasks) + "],\"page\":0,\"size\":200,\"total\":" + tasks.length + "}")));
    }

    private static String task(long id, String organization, String element, String reason, LocalDate due, String extra) {
        return task(id, organization, element, reason, due, extra, "");
    }

    private static String task(long id, String organization, String element, String reason, LocalDate due, String extra, String reminders) {
        return "{\"id\":" + id + ",\"organization\":\"" + organization + "\",\"element\":\"" + element + "\",\"reason\":\"" + reason
                + "\",\"dueDate\":\"" + due + "\",\"sourceKey\":\"test:" + id + "\",\"status\":\"OPEN\"" + extra
                + ",\"reminders\":[" + reminders + "]}";
    }

    private static String reminder(long id, String kind, String channel, String status) {
        return "{\"id\":" + id + ",\"kind\":\"" + kind + "\",\"channel\":\"" + channel + "\",\"recipients\":[" + AN + "],"
                + "\"status\":\"" + status + "\",\"attempts\":" + ("PENDING".equals(status) ? 0 : 1) + ","
                + "\"lastError\":" + ("FAILED".equals(status) ? "\"SMTP down\"" : "null") + ","
                + "\"recordedBy\":\"review-scheduler\",\"recordedAt\":\"2026-05-01T06:00:00Z\","
                + "\"sentAt\":" + ("SENT".equals(status) ? "\"2026-05-01T06:00:01Z\"" : "null") + "}";
    }

    private void recordCreated(String organization, long task, long id, String kind, String channel) {
        stub.stubFor(post(urlPathEqualTo("/api/v1/organizations/" + organization + "/review-tasks/" + task + "/reminders"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
                .withRequestBody(matchingJsonPath("$.kind", equalTo(kind)))
                .willReturn(json(reminder(id, kind, channel, "PENDING")).withStatus(201)));
    }

    private void recordExisted(String organization, long task, String channel, String existing) {
        stub.stubFor(post(urlPathEqualTo("/api/v1/organizations/" + organization + "/review-tasks/" + task + "/reminders"))
                .withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
                .willReturn(aConflict(existing)));
        // Sending it again takes new links: the API shows a link only in the answer that made it.
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(existing);
        if (id.find()) {
            String relinked = existing.substring(0, existing.lastIndexOf('}')) + ",\"links\":[{\"recipient\":{\"name\":\"An\",\"email\":\"an@zorg-a.be\"},"
                    + "\"link\":\"http://localhost:8080/pages/" + organization + "/review-tasks/" + task + "?token=wrev_retried\"}]}";
            stub.stubFor(post(urlPathEqualTo("/api/v1/organizations/" + organization + "/review-tasks/" + task + "/reminders/" + id.group(1) + "/links"))
                    .willReturn(json(relinked)));
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder aConflict(String existing) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"This task already has a reminder of that kind and channel\",\"reminder\":" + existing + "}");
    }

    // --- the mail

    /**
     * The first of the messages of one reminder: one message per recipient, each to that recipient alone, each with its own
     * Message-ID of the same reminder record; a second send would add a copy with a Message-ID seen before.
     */
    private static MimeMessage onlyMail() throws Exception {
        List<MimeMessage> received = SmtpServer.received();
        assertThat(received).isNotEmpty();
        MimeMessage mail = received.get(0);
        String record = mail.getHeader("Message-ID")[0].substring(0, mail.getHeader("Message-ID")[0].indexOf('.') + 1);
        assertThat(received).extracting(copy -> copy.getHeader("Message-ID")[0]).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith(record));
        assertThat(received).allSatisfy(copy -> assertThat(copy.getAllRecipients()).hasSize(1));
        return mail;
    }

    private static List<String> addresses(MimeMessage mail, RecipientType type) throws Exception {
        return Arrays.stream(mail.getRecipients(type)).map(address -> ((InternetAddress) address).toUnicodeString()).toList();
    }

    private static String text(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    private static String html(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String nl(LocalDate date) {
        return date.getDayOfMonth() + " " + NL_MONTHS.get(date.getMonthValue() - 1) + " " + date.getYear();
    }

    private static String fr(LocalDate date) {
        return date.getDayOfMonth() + " " + FR_MONTHS.get(date.getMonthValue() - 1) + " " + date.getYear();
    }

    private static String en(LocalDate date) {
        return date.getDayOfMonth() + " " + EN_MONTHS.get(date.getMonthValue() - 1) + " " + date.getYear();
    }
}
