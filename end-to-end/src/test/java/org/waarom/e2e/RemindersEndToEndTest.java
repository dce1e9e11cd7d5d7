package org.waarom.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.waarom.e2e.MailServer.ReceivedMail;
import org.waarom.embedded.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders end to end: the packaged vision-api, and <b>two</b> packaged review-scheduler
 * instances clustered on one PostgreSQL (as two replicas run), sending to a real SMTP server
 * (GreenMail) and to an incoming webhook (WireMock standing in for Slack or Teams). Each owed
 * reminder reaches each recipient exactly once and the webhook exactly once, and stays that way
 * over further passes of the cluster, a {@code kill -9} and restart of an instance, and an SMTP
 * outage.
 * <p>
 * Reminder passes run every {@link #INTERVAL}; the first one comes 30 seconds after the first
 * instance stored the job (RecurringJobs). When a test fails, the services' logs stay in the
 * temporary directory named in the failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersEndToEndTest {

    private static final String ADMIN_KEY = "wrm_e2e-reminders-admin-key-0123456789abcdef";
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Long enough for the first pass (30 s after start) and for the cluster to notice a killed instance (Quartz check-in, 15 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String FROM = "reminders@waarom.test";
    private static final String WEBHOOK_PATH = "/hooks/reminders";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Organization DUTCH = new Organization("zorg-noord", "Zorg Noord", "nl",
            List.of(new Person("An Peeters", "an@zorg-noord.be"), new Person("Bram Janssens", "bram@zorg-noord.be")),
            List.of(new Person("Directie Zorg Noord", "directie@zorg-noord.be")));
    private static final Organization FRENCH = new Organization("soins-sud", "Soins Sud", "fr",
            List.of(new Person("Claire Dubois", "claire@soins-sud.be")),
            List.of(new Person("Direction Soins Sud", "direction@soins-sud.be")));

    /** Kept when a test fails: the services' logs are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    static EmbeddedDatabase schedulerDatabase;
    static MailServer mail;
    static WireMockServer chat;
    static RunningService api;
    static RunningService schedulerA;
    static RunningService schedulerB;
    static String serviceKey;

    /** Every task made so far with the reminder it owes today: each is to be sent exactly once. */
    static final List<OwedReminder> owed = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        // Each service boots while the test does other work: the whole run has to stay short on two cores.
        api = new RunningService("vision-api", work.resolve("api"), Map.of("WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY)).launch();
        schedulerDatabase = EmbeddedDatabase.start(work.resolve("scheduler-database"), EmbeddedDatabase.Mode.TEST);
        mail = MailServer.start();
        chat = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        chat.start();
        chat.stubFor(post(WEBHOOK_PATH).willReturn(ok()));
        api.awaitReady();
        serviceKey = admin().contentType(ContentType.JSON).body(Map.of("name", "review-scheduler", "roles", List.of("service")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        // Its first reminder pass comes 30 s after it stored the job, long after the tasks below exist.
        schedulerA = scheduler("scheduler-a").launch();

        for (Organization organization : List.of(DUTCH, FRENCH)) {
            admin().contentType(ContentType.JSON)
                    .body(Map.of("slug", organization.slug(), "name", organization.name(), "defaultLanguage", organization.language(),
                            "languages", List.of(organization.language(), "en")))
                    .post("/api/v1/organizations").then().statusCode(201);
            for (String element : List.of("vision", "strategy", "values")) {
                // Switched off: no cycle tasks of their own, only the manual ones below; reminders still go
                // (docs/api-guide.md#reminders).
                admin().contentType(ContentType.JSON)
                        .body(Map.of("enabled", false, "cycle", "P1Y", "onGoalReached", false, "remindBefore", "P30D", "escalateAfter", "P14D",
                                "assignees", organization.assignees(), "escalateTo", organization.escalateTo()))
                        .put(path(organization, "/review-policies/" + element)).then().statusCode(200);
            }
            // One task per kind, due so that today is inside that kind's stage.
            owed.add(OwedReminder.create(organization, "vision", Kind.UPCOMING, today().plusDays(10)));
            owed.add(OwedReminder.create(organization, "vision", Kind.DUE, today()));
            owed.add(OwedReminder.create(organization, "vision", Kind.OVERDUE, today().minusDays(5)));
            owed.add(OwedReminder.create(organization, "vision", Kind.ESCALATION, today().minusDays(30)));
        }

        schedulerB = scheduler("scheduler-b").launch();
        schedulerA.awaitReady();
        schedulerB.awaitReady();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {schedulerA, schedulerB, api, schedulerDatabase, mail}) {
            if (running != null) {
                running.close();
            }
        }
        if (chat != null) {
            chat.stop();
        }
    }

    @Test
    @Order(1)
    void eachOwedReminderReachesEachRecipientAndTheWebhookOnceAndNeverAgain() {
        patiently("the first reminders").untilAsserted(() -> assertEachSentOnce(owed));
        // Further passes of the cluster find every reminder recorded as SENT and send nothing.
        awaitFurtherPasses();
        assertEachSentOnce(owed);
    }

    @Test
    @Order(2)
    void killingTheInstanceAtWorkLeavesItsRemindersToTheOtherAndItsRestartSendsNoneTwice() throws Exception {
        // The cluster gives each pass to one instance; kill the one that has been doing them (kill -9).
        RunningService busy = remindersSentBy(schedulerA) >= remindersSentBy(schedulerB) ? schedulerA : schedulerB;
        RunningService survivor = busy == schedulerA ? schedulerB : schedulerA;
        double sentBySurvivor = remindersSentBy(survivor);
        busy.kill();
        owed.add(OwedReminder.create(DUTCH, "strategy", Kind.DUE, today()));
        // When the killed instance held the reminder job, the survivor takes it over once the cluster
        // sees that the other stopped checking in (Quartz, about 20 s).
        patiently("a reminder while one instance is down").untilAsserted(() -> assertEachSentOnce(owed));
        assertThat(remindersSentBy(survivor)).as("sent by the survivor: the e-mail and the webhook message").isEqualTo(sentBySurvivor + 2);

        owed.add(OwedReminder.create(FRENCH, "strategy", Kind.OVERDUE, today().minusDays(3)));
        busy.launch();
        patiently("a reminder around the restart").untilAsserted(() -> assertEachSentOnce(owed));
        busy.awaitReady();
        // Now with the restarted instance in the cluster again.
        awaitFurtherPasses();
        assertEachSentOnce(owed);
    }

    @Test
    @Order(3)
    void aReminderThatMeetsAnSmtpOutageIsSentOnceWhenTheMailServerIsBack() {
        mail.stop();
        OwedReminder escalation = OwedReminder.create(DUTCH, "values", Kind.ESCALATION, today().minusDays(20));
        owed.add(escalation);
        patiently("a failed e-mail").untilAsserted(() -> {
            JsonPath task = escalation.read();
            Map<String, Object> email = record(task, "EMAIL");
            assertThat(email.get("status")).isEqualTo("FAILED");
            assertThat((Integer) email.get("attempts")).isPositive();
            assertThat((String) email.get("lastError")).startsWith("SMTP");
            // The webhook does not wait for the mail server.
            assertThat(record(task, "WEBHOOK").get("status")).isEqualTo("SENT");
        });

        mail.startAgain();
        patiently("the e-mail after the outage").untilAsserted(() -> assertEachSentOnce(owed));
        awaitFurtherPasses();
        assertEachSentOnce(owed);
    }

    /**
     * The whole delivery record: every owed reminder is recorded SENT by e-mail and webhook in the
     * API, its e-mail (found by its {@code Message-ID}) reached each of its recipients once, in
     * the organisation's language, and the webhook got it once; and nothing else was sent at all.
     */
    private static void assertEachSentOnce(List<OwedReminder> reminders) {
        List<ReceivedMail> mails = mail.received();
        List<String> webhookTexts = webhookTexts();
        for (OwedReminder reminder : reminders) {
            JsonPath task = reminder.read();
            String what = reminder.toString();
            assertThat(task.getList("reminders.kind", String.class)).as(what).containsExactly(reminder.kind().name(), reminder.kind().name());
            assertThat(task.getList("reminders.channel", String.class)).as(what).containsExactlyInAnyOrder("EMAIL", "WEBHOOK");
            assertThat(task.getList("reminders.status", String.class)).as(what).containsOnly("SENT");
            assertThat(task.getList("reminders.sentAt", String.class)).as(what).doesNotContainNull();
            assertThat(record(task, "EMAIL").get("recipients")).as(what).asInstanceOf(InstanceOfAssertFactories.LIST)
                    .extracting("email").containsExactlyElementsOf(reminder.recipients());

            // One message per recipient, each to that recipient alone with only their own link: the record's id, then the
            // recipient's part (ReminderMailer.messageId), so each recipient's Message-ID occurs once.
            String messageId = "<reminder-" + record(task, "EMAIL").get("id") + ".";
            List<ReceivedMail> copies = mails.stream().filter(copy -> copy.messageId().startsWith(messageId)).toList();
            assertThat(copies).as(what + ": mailboxes of " + messageId).extracting(ReceivedMail::mailbox)
                    .containsExactlyInAnyOrderElementsOf(reminder.recipients());
            assertThat(copies).as(what + ": one Message-ID per recipient").extracting(ReceivedMail::messageId).doesNotHaveDuplicates();
            for (ReceivedMail copy : copies) {
                assertThat(copy.from()).isEqualTo(FROM);
                assertThat(copy.to()).as(what).containsExactly(copy.mailbox());
                assertThat(copy.cc()).as(what).isEmpty();
                assertThat(copy.subject()).as(what).startsWith(reminder.subjectStart())
                        .contains(reminder.organization().name(), reminder.longDueDate());
                assertThat(copy.text()).as(what).startsWith(reminder.greeting(copy.mailbox())).contains(reminder.longDueDate());
                // Its own link only: one review page and one overview, with one token.
                assertThat(copy.text().split("token=wrev_", -1)).as(what + ": links in the mail to " + copy.mailbox()).hasSize(3);
            }
            String subject = copies.get(0).subject();
            assertThat(webhookTexts).as(what + ": webhook messages").filteredOn(text -> text.startsWith(subject + "\n")).hasSize(1);
        }
        assertThat(mails).as("deliveries in all").hasSize(reminders.stream().mapToInt(reminder -> reminder.recipients().size()).sum());
        assertThat(webhookTexts).as("webhook messages in all").hasSize(reminders.size());
    }

    /** The task's reminder record of {@code channel}, as the API reads it. */
    private static Map<String, Object> record(JsonPath task, String channel) {
        Map<String, Object> record = task.getMap("reminders.find { it.channel == '" + channel + "' }");
        assertThat(record).as("the %s reminder of task %s", channel, task.getLong("id")).isNotNull();
        return record;
    }

    /**
     * Waits until the cluster's reminder trigger (stored in the shared Quartz tables) has fired
     * three intervals from now: the passes before that firing have run to their end, whichever
     * instance ran them, so whatever they would send has been sent.
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

    /** {@code waarom_scheduler_reminders_sent_total} of one instance, over every kind and channel (since it started). */
    private static double remindersSentBy(RunningService scheduler) {
        String metrics = given().baseUri(scheduler.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("waarom_scheduler_reminders_sent_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The {@code text} of every message the incoming webhook got, in order. */
    private static List<String> webhookTexts() {
        List<String> texts = new ArrayList<>();
        for (LoggedRequest request : chat.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH)))) {
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            try {
                texts.add(JSON.readTree(request.getBodyAsString()).path("text").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    private static RunningService scheduler(String instance) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("WAAROM_API_URL", api.url());
        environment.put("WAAROM_API_KEY", serviceKey);
        // Both instances on one database: one Quartz cluster, each reminder pass on one of them.
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", schedulerDatabase.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        environment.put("WAAROM_REMINDERS_INTERVAL", INTERVAL.toString());
        environment.put("WAAROM_REMINDERS_WEBHOOK_URL", "http://127.0.0.1:" + chat.port() + WEBHOOK_PATH);
        environment.put("QUARKUS_MAILER_HOST", mail.host());
        environment.put("QUARKUS_MAILER_PORT", Integer.toString(mail.port()));
        environment.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        environment.put("QUARKUS_MAILER_MOCK", "false");
        environment.put("QUARKUS_MAILER_FROM", FROM);
        return new RunningService("review-scheduler", work.resolve(instance), environment);
    }

    private static ConditionFactory patiently(String what) {
        return await(what + " (service logs in " + work + ")").atMost(PATIENCE).pollInterval(Duration.ofMillis(500));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }

    private static String path(Organization organization, String path) {
        return "/api/v1/organizations/" + organization.slug() + path;
    }

    enum Kind { UPCOMING, DUE, OVERDUE, ESCALATION }

    record Person(String name, String email) {
    }

    record Organization(String slug, String name, String language, List<Person> assignees, List<Person> escalateTo) {
    }

    /** A review task made through the API, and the reminder it owes today. */
    record OwedReminder(Organization organization, String element, long taskId, Kind kind, LocalDate dueDate) {

        static OwedReminder create(Organization organization, String element, Kind kind, LocalDate dueDate) {
            long id = admin().contentType(ContentType.JSON)
                    .body(Map.of("element", element, "reason", "MANUAL", "dueDate", dueDate.toString(),
                            "sourceKey", "e2e:" + element + ":" + kind.name().toLowerCase(Locale.ROOT)))
                    .post(path(organization, "/review-tasks")).then().statusCode(201).extract().jsonPath().getLong("id");
            return new OwedReminder(organization, element, id, kind, dueDate);
        }

        JsonPath read() {
            return admin().get(path(organization, "/review-tasks/" + taskId)).then().statusCode(200).extract().jsonPath();
        }

        /** The addressees: the escalation goes to {@code escalateTo}, everything else to the assignees. */
        List<String> to() {
            return emails(kind == Kind.ESCALATION ? organization.escalateTo() : organization.assignees());
        }

        /** The assignees are in copy of an escalation. */
        List<String> cc() {
            return kind == Kind.ESCALATION ? emails(organization.assignees()) : List.of();
        }

        List<String> recipients() {
            return Stream.concat(to().stream(), cc().stream()).toList();
        }

        /** The due date as the reminder writes it in the organisation's language ("1 januari 2027", "1 janvier 2027"). */
        String longDueDate() {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(organization.language())).format(dueDate);
        }

        /** How the subject of this kind starts in the organisation's language. */
        String subjectStart() {
            return switch (organization.language()) {
                case "nl" -> switch (kind) {
                    case UPCOMING -> "Herinnering: ";
                    case DUE -> "Vervalt vandaag: ";
                    case OVERDUE -> "Achterstallig: ";
                    case ESCALATION -> "Escalatie: ";
                };
                case "fr" -> switch (kind) {
                    case UPCOMING -> "Rappel : ";
                    case DUE -> "Échéance aujourd'hui : ";
                    case OVERDUE -> "En retard : ";
                    case ESCALATION -> "Escalade : ";
                };
                default -> throw new IllegalStateException("No expected texts for " + organization.language());
            };
        }

        /** The salutation of the plain-text part of the message to {@code mailbox}: it names that person alone. */
        String greeting(String mailbox) {
            String name = Stream.concat(organization.escalateTo().stream(), organization.assignees().stream())
                    .filter(person -> person.email().equals(mailbox)).map(Person::name).findFirst().orElseThrow();
            return ("fr".equals(organization.language()) ? "Bonjour " : "Beste ") + name + ",";
        }

        private static List<String> emails(List<Person> people) {
            return people.stream().map(Person::email).toList();
        }

        @Override
        public String toString() {
            return kind + " reminder of task " + taskId + " (" + organization.slug() + ", " + element + ", due " + dueDate + ")";
        }
    }
}
