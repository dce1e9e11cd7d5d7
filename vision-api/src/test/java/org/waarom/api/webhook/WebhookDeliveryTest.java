package org.waarom.api.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waarom.api.webhook.service.WebhookDeliveryJob;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.webhook.WebhookTestSupport.eventIds;

/**
 * Delivery against a real HTTP receiver on a free port: signed as in Standard Webhooks, at least
 * once and in order, retried with back-off, never again once delivered, given up after too long,
 * and never in the way of the request that caused the event.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookDeliveryJob job;

    @Inject
    Scheduler scheduler;

    private final WebhookTestSupport hooks = new WebhookTestSupport();

    @AfterEach
    void cleanUp() {
        scheduler.resume("webhook-delivery");
        hooks.deleteAll();
    }

    @Test
    void deliveriesAreSignedAsInStandardWebhooksAndVerifyWithAnIndependentHmac() throws Exception {
        String org = newOrganization("hooks-sign");
        byte[] chosenKey = new byte[32];
        new SecureRandom().nextBytes(chosenKey);
        String chosenSecret = "whsec_" + Base64.getEncoder().encodeToString(chosenKey);
        try (WebhookReceiver generated = WebhookReceiver.start(); WebhookReceiver chosen = WebhookReceiver.start()) {
            String generatedSecret = hooks.create(org, generated.url(), List.of("element.version.created"), null).getString("secret");
            hooks.create(org, chosen.url(), List.of("*"), chosenSecret);
            // Non-ASCII text: the signature is over the UTF-8 bytes sent.
            draft(org, "vision", Map.of("content", Map.of("statement", "Iedereen telt mee."), "changeReason", "Doel bereikt — élke dag."));

            await().atMost(PATIENCE).until(() -> generated.received().size() == 1 && chosen.received().size() == 1);
            JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().jsonPath();
            long eventId = feed.getLong("items.find { it.type == 'element.version.created' }.id");
            for (var pair : List.of(Map.entry(generated, generatedSecret), Map.entry(chosen, chosenSecret))) {
                WebhookReceiver.Received request = pair.getKey().received().get(0);
                assertThat(request.header("content-type")).startsWith("application/json");
                assertThat(request.webhookId()).isEqualTo(String.valueOf(eventId));
                long timestamp = Long.parseLong(request.header("webhook-timestamp"));
                assertThat(timestamp).isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());
                // The receiver's check, written independently of the service: HMAC-SHA256 keyed with the decoded secret.
                String expected = "v1," + hmac(pair.getValue(), request.webhookId() + "." + timestamp + ".", request.rawBody());
                assertThat(request.header("webhook-signature").split(" ")).contains(expected);
                assertThat("v1," + hmac(pair.getValue(), request.webhookId() + "." + (timestamp + 1) + ".", request.rawBody()))
                        .as("another timestamp does not verify").isNotEqualTo(expected);

                JsonPath body = JsonPath.from(request.body());
                assertThat(body.getLong("id")).isEqualTo(eventId);
                assertThat(body.getString("type")).isEqualTo("element.version.created");
                assertThat(body.getString("organization")).isEqualTo(org);
                assertThat(Instant.parse(body.getString("occurredAt"))).isBeforeOrEqualTo(Instant.now());
                assertThat(body.getString("data.element")).isEqualTo("vision");
                assertThat(body.getString("data.changeReason")).isEqualTo("Doel bereikt — élke dag.");
                assertThat(body.getInt("data.version")).isEqualTo(1);
                assertThat(body.getMap("$")).containsOnlyKeys("id", "type", "organization", "occurredAt", "data");
            }
            assertThat(generatedSecret).isNotEqualTo(chosenSecret);
        }
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffAndLaterEventsWaitUntilItRecovers() {
        String org = newOrganization("hooks-retry");
        try (WebhookReceiver receiver = WebhookReceiver.start().answerByDefault(503)) {
            long id = hooks.create(org, receiver.url(), List.of("element.version.created"), null).getLong("id");
            draft(org, "vision", statement("Eerst."));
            draft(org, "mission", statement("Dan."));
            List<Long> events = eventIds(org, "element.version.created");
            String first = String.valueOf(events.get(0));
            String second = String.valueOf(events.get(1));

            // Failing: attempts and the error in the log, the webhook failing since then; the second event waits.
            await().atMost(PATIENCE).until(() -> attemptsAtNewest(org, id) >= 2);
            assertThat(receiver.receivedIds()).containsOnly(first);
            JsonPath failing = hooks.deliveries(org, id);
            assertThat(failing.getList("items.eventId", Long.class)).containsExactly(events.get(0));
            assertThat(failing.getString("items[0].status")).isEqualTo("RETRYING");
            assertThat(failing.getInt("items[0].statusCode")).isEqualTo(503);
            assertThat(failing.getString("items[0].lastError")).isEqualTo("HTTP 503");
            assertThat(failing.getString("items[0].deliveredAt")).isNull();
            assertThat(Instant.parse(failing.getString("items[0].lastAttemptAt"))).isAfter(Instant.parse(failing.getString("items[0].firstAttemptAt")));
            JsonPath webhook = hooks.get(org, id);
            assertThat(webhook.getString("failingSince")).isNotNull();
            assertThat(webhook.getInt("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(webhook.getString("lastError")).isEqualTo("HTTP 503");
            assertThat(webhook.getString("nextAttemptAt")).isNotNull();
            assertThat(webhook.getBoolean("enabled")).isTrue();

            // Recovers: the first event, then the second, each delivered once.
            receiver.answerByDefault(200);
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, id).getList("items.status").equals(List.of("DELIVERED", "DELIVERED")));
            List<WebhookReceiver.Received> received = receiver.received();
            List<String> ids = received.stream().map(WebhookReceiver.Received::webhookId).toList();
            int failures = ids.size() - 2;
            assertThat(failures).isGreaterThanOrEqualTo(2);
            assertThat(ids.subList(0, failures + 1)).containsOnly(first);
            assertThat(ids.get(failures + 1)).isEqualTo(second);
            assertThat(received.stream().map(WebhookReceiver.Received::answered).toList().subList(failures, failures + 2)).containsExactly(200, 200);

            JsonPath log = hooks.deliveries(org, id);
            assertThat(log.getList("items.eventId", Long.class)).containsExactly(events.get(1), events.get(0));
            assertThat(log.getInt("items[1].attempts")).isEqualTo(failures + 1);
            assertThat(log.getInt("items[1].statusCode")).isEqualTo(200);
            assertThat(log.getString("items[1].lastError")).as("the last failure stays readable").isEqualTo("HTTP 503");
            assertThat(log.getString("items[1].deliveredAt")).isNotNull();
            assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
            assertThat(log.getString("items[0].lastError")).isNull();
            JsonPath recovered = hooks.get(org, id);
            assertThat(recovered.getString("failingSince")).isNull();
            assertThat(recovered.getInt("attempts")).isZero();
            assertThat(recovered.getString("lastError")).isNull();
        }
    }

    @Test
    void aDeliveredEventIsNotDeliveredAgainAfterARestart() throws Exception {
        String org = newOrganization("hooks-restart");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long id = hooks.create(org, receiver.url(), List.of("*"), null).getLong("id");
            draft(org, "vision", statement("Eén keer."));
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, id).getList("items.status").equals(List.of("DELIVERED")));
            assertThat(receiver.received()).hasSize(1);

            // The cursor is in the database, just past the delivered event (the feed's own cursor after it).
            JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().jsonPath();
            assertThat(feed.getList("items.type", String.class)).containsExactly("organization.created", "element.version.created");
            assertThat(storedCursor(id)).isEqualTo(feed.getString("next"));

            // A restart: the job keeps nothing in memory, so running it afresh is what a new process does.
            scheduler.pause("webhook-delivery");
            job.deliverDue();
            job.deliverDue();
            assertThat(receiver.received()).hasSize(1);
            scheduler.resume("webhook-delivery");
            // And the scheduled job, once it runs again, has nothing to send either; a new event still goes out.
            draft(org, "mission", statement("Daarna."));
            await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2);
            assertThat(receiver.received()).hasSize(2);
            assertThat(receiver.receivedIds().get(1)).isNotEqualTo(receiver.receivedIds().get(0));
        }
    }

    @Test
    void onlySubscribedTypesAreDeliveredAndTheOthersArePassedOver() throws Exception {
        String org = newOrganization("hooks-types");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long id = hooks.create(org, receiver.url(), List.of("element.version.adopted"), null).getLong("id");
            draft(org, "vision", statement("Alleen de aanvaarde."));
            adopt(org, "vision", 1, null);
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, id).getList("items.status").equals(List.of("DELIVERED")));
            assertThat(receiver.received()).hasSize(1);
            JsonPath body = JsonPath.from(receiver.received().get(0).body());
            assertThat(body.getString("type")).isEqualTo("element.version.adopted");
            assertThat(body.getString("data.status")).isEqualTo("ADOPTED");
            assertThat(hooks.deliveries(org, id).getString("items[0].eventType")).isEqualTo("element.version.adopted");
            assertThat(storedCursor(id)).isEqualTo(asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().path("next"));
        }
    }

    @Test
    void aWebhookFailingForLongerThanTheGiveUpTimeIsDisabledAndTheFeedSaysSo() throws Exception {
        String org = newOrganization("hooks-giveup");
        try (WebhookReceiver receiver = WebhookReceiver.start().answerByDefault(503)) {
            long id = hooks.create(org, receiver.url(), List.of("element.version.created"), null).getLong("id");
            draft(org, "vision", statement("Niemand luistert."));
            await().atMost(PATIENCE).until(() -> attemptsAtNewest(org, id) >= 1);
            // A day of failures, without waiting a day.
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement("update webhook set failing_since = now() - interval '25 hours' where id = ?")) {
                update.setLong(1, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }

            await().atMost(PATIENCE).until(() -> !hooks.get(org, id).getBoolean("enabled"));
            JsonPath webhook = hooks.get(org, id);
            assertThat(webhook.getString("disabledAt")).isNotNull();
            assertThat(webhook.getString("disabledReason")).startsWith("Deliveries failed since").endsWith("last error: HTTP 503");
            assertThat(webhook.getString("nextAttemptAt")).isNull();
            assertThat(hooks.deliveries(org, id).getString("items[0].status")).isEqualTo("ABANDONED");

            JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().jsonPath();
            List<Map<String, Object>> disabled = feed.getList("items.findAll { it.type == 'webhook.disabled' }");
            assertThat(disabled).hasSize(1);
            String event = "items.find { it.type == 'webhook.disabled' }";
            assertThat(feed.getLong(event + ".data.webhookId")).isEqualTo(id);
            assertThat(feed.getString(event + ".data.url")).isEqualTo(receiver.url());
            assertThat(feed.getString(event + ".data.lastError")).isEqualTo("HTTP 503");
            assertThat(feed.getString(event + ".data.reason")).isEqualTo(webhook.getString("disabledReason"));
            assertThat(feed.getString(event + ".data.failingSince")).isNotNull();
            assertThat(feed.getString(event + ".organization")).isEqualTo(org);

            // Disabled means nothing more is sent, however long the job runs.
            int sent = receiver.received().size();
            scheduler.pause("webhook-delivery");
            job.deliverDue();
            assertThat(receiver.received()).hasSize(sent);
        }
    }

    @Test
    void aReceiverThatAnswers410GoneIsDisabledAtOnce() {
        String org = newOrganization("hooks-gone");
        try (WebhookReceiver receiver = WebhookReceiver.start().answerByDefault(410)) {
            long id = hooks.create(org, receiver.url(), List.of("*"), null).getLong("id");
            draft(org, "vision", statement("Weg."));
            await().atMost(PATIENCE).until(() -> !hooks.get(org, id).getBoolean("enabled"));
            assertThat(hooks.get(org, id).getString("disabledReason")).contains("410 Gone");
            assertThat(receiver.received()).hasSize(1);
            assertThat(asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().jsonPath()
                    .getList("items.type", String.class)).contains("webhook.disabled");
        }
    }

    @Test
    void theRequestThatCausesAnEventDoesNotWaitForItsDelivery() {
        String org = newOrganization("hooks-async");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long id = hooks.create(org, receiver.url(), List.of("element.version.created"), null).getLong("id");
            receiver.hold();
            draft(org, "vision", statement("Eerste."));
            await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
            // The receiver has not answered the first event; the second waits behind it (in order).
            // Yet the change that causes the second event is answered now: delivery is the job's, never the request's.
            draft(org, "mission", statement("Tweede."));
            assertThat(receiver.received()).hasSize(1);
            assertThat(hooks.deliveries(org, id).getList("items")).isEmpty();
            receiver.release();
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, id).getList("items.status").equals(List.of("DELIVERED", "DELIVERED")));
        }
    }

    @Test
    void overlappingRunsDeliverEachEventOnceAndInOrder() throws Exception {
        String org = newOrganization("hooks-overlap");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long id = hooks.create(org, receiver.url(), List.of("*"), null).getLong("id");
            draft(org, "vision", statement("Een."));
            adopt(org, "vision", 1, null);
            draft(org, "mission", statement("Twee."));
            adopt(org, "mission", 1, null);
            List<Long> all = eventIds(org, null);
            List<Long> events = all.subList(1, all.size()); // organization.created came before the webhook, so it is not for it
            // Several replicas at once: the scheduled job and four more runs, over and over, until all is delivered.
            ExecutorService replicas = Executors.newFixedThreadPool(4);
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(replicas.submit(() -> {
                    while (!done.get()) {
                        job.deliverDue();
                    }
                    return null;
                }));
            }
            try {
                await().atMost(PATIENCE).until(() -> receiver.received().size() >= events.size());
            } finally {
                done.set(true);
                for (Future<?> replica : running) {
                    replica.get();
                }
                replicas.shutdown();
            }
            assertThat(receiver.receivedIds()).containsExactlyElementsOf(events.stream().map(String::valueOf).toList());
            assertThat(receiver.mostInFlight()).isEqualTo(1);
            assertThat(hooks.deliveries(org, id).getList("items.attempts", Integer.class)).containsOnly(1);
        }
    }

    /** Attempts at the newest event in the delivery log; 0 while it is empty. */
    private int attemptsAtNewest(String org, long id) {
        Integer attempts = hooks.deliveries(org, id).get("items[0].attempts");
        return attempts == null ? 0 : attempts;
    }

    private String storedCursor(long id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select feed_cursor from webhook where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    /** Base64 HMAC-SHA256 of {@code prefix} and then {@code body}, keyed with the decoded part of a {@code whsec_} secret. */
    private static String hmac(String secret, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
