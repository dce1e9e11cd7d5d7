package org.waarom.api.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waarom.api.event.service.EventService;
import org.waarom.api.security.TestKeys;
import org.waarom.api.webhook.service.WebhookDeliveryJob;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.webhook.WebhookTestSupport.eventIds;
import static org.waarom.api.webhook.WebhookTestSupport.feed;
import static org.waarom.api.webhook.WebhookTestSupport.webhooks;

/**
 * Enabling a disabled webhook again: it keeps its secret and its place in the feed, so its receiver
 * gets what it missed, in order and once; when retention removed part of that, it resumes with the
 * oldest event still kept and says so.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class WebhookEnableTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookDeliveryJob job;

    @Inject
    EventService events;

    @Inject
    Scheduler scheduler;

    private final WebhookTestSupport hooks = new WebhookTestSupport();

    @AfterEach
    void cleanUp() {
        scheduler.resume("webhook-delivery");
        hooks.deleteAll();
    }

    @Test
    void aWebhookDisabledAfterFailingIsEnabledAgainAndReceivesTheEventsItMissedInOrderAndOnce() throws Exception {
        String org = newOrganization("hooks-enable");
        try (WebhookReceiver receiver = WebhookReceiver.start().answerByDefault(503)) {
            JsonPath created = hooks.create(org, receiver.url(), List.of("element.version.created", "webhook.enabled"), null);
            long id = created.getLong("id");
            draft(org, "vision", statement("Eerst, en het mislukt."));
            disableAfterFailing(org, id);
            JsonPath disabled = hooks.get(org, id);

            // While it is disabled the organisation goes on; nothing is sent for that.
            draft(org, "mission", statement("Gemist."));
            draft(org, "strategy", statement("Ook gemist."));
            List<Long> missed = eventIds(org, "element.version.created");
            assertThat(missed).hasSize(3);
            scheduler.pause("webhook-delivery");
            job.deliverDue();
            assertThat(receiver.receivedIds()).containsOnly(String.valueOf(missed.get(0)));
            scheduler.resume("webhook-delivery");
            int failures = receiver.received().size();

            receiver.answerByDefault(200);
            Response enabled = asAdmin().post(webhooks(org) + "/" + id + "/enable");
            enabled.then().statusCode(200).contentType("application/json");
            JsonPath answer = enabled.jsonPath();
            assertThat(answer.getLong("id")).isEqualTo(id);
            assertThat(answer.getBoolean("enabled")).isTrue();
            assertThat(answer.getString("resumedFrom")).isEqualTo("WHERE_IT_STOPPED");
            assertThat(answer.getString("url")).isEqualTo(receiver.url());
            assertThat(answer.getString("createdAt")).isEqualTo(created.getString("createdAt"));
            // The failure state starts afresh; the secret stays the receiver's and is not shown again.
            assertThat(answer.getString("disabledAt")).isNull();
            assertThat(answer.getString("disabledReason")).isNull();
            assertThat(answer.getString("failingSince")).isNull();
            assertThat(answer.getInt("attempts")).isZero();
            assertThat(answer.getString("lastError")).isNull();
            assertThat(answer.getMap("$")).doesNotContainKey("secret");

            // What it missed, from the event it was stuck on, in feed order; then its own webhook.enabled. Each delivered once.
            JsonPath feed = feed(org);
            long enabledEvent = feed.getLong("items.find { it.type == 'webhook.enabled' }.id");
            List<Long> expected = new ArrayList<>(missed);
            expected.add(enabledEvent);
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, id).getList("items.status").equals(List.of("DELIVERED", "DELIVERED", "DELIVERED", "DELIVERED")));
            List<WebhookReceiver.Received> afterEnabling = receiver.received().subList(failures, receiver.received().size());
            assertThat(afterEnabling.stream().map(WebhookReceiver.Received::webhookId).toList())
                    .containsExactlyElementsOf(expected.stream().map(String::valueOf).toList());
            assertThat(afterEnabling).extracting(WebhookReceiver.Received::answered).containsOnly(200);
            // Signed with the secret it always had.
            assertThat(afterEnabling.get(0).header("webhook-signature")).startsWith("v1,");
            JsonPath log = hooks.deliveries(org, id);
            List<Long> newestFirst = new ArrayList<>(expected);
            Collections.reverse(newestFirst);
            assertThat(log.getList("items.eventId", Long.class)).containsExactlyElementsOf(newestFirst);
            assertThat(log.getInt("items[3].attempts")).as("the stuck event: its failed attempts and the one that worked").isEqualTo(failures + 1);
            assertThat(log.getList("items.attempts", Integer.class).subList(0, 3)).containsOnly(1);

            JsonPath webhook = hooks.get(org, id);
            assertThat(webhook.getBoolean("enabled")).isTrue();
            assertThat(webhook.getString("failingSince")).isNull();
            assertThat(webhook.getMap("$")).doesNotContainKey("resumedFrom");

            // The feed says who enabled it, where it resumed, and why it had been disabled.
            List<Map<String, Object>> enabledEvents = feed.getList("items.findAll { it.type == 'webhook.enabled' }");
            assertThat(enabledEvents).hasSize(1);
            String event = "items.find { it.type == 'webhook.enabled' }";
            assertThat(feed.getLong(event + ".data.webhookId")).isEqualTo(id);
            assertThat(feed.getString(event + ".data.url")).isEqualTo(receiver.url());
            assertThat(feed.getString(event + ".data.resumedFrom")).isEqualTo("WHERE_IT_STOPPED");
            assertThat(feed.getString(event + ".data.disabledAt")).isEqualTo(disabled.getString("disabledAt"));
            assertThat(feed.getString(event + ".data.disabledReason")).isEqualTo(disabled.getString("disabledReason"));
            assertThat(feed.getString(event + ".data.by")).isEqualTo("bootstrap-admin");

            // And the audit log who did it.
            JsonPath audit = asAdmin().queryParam("action", "webhook.enable").get("/api/v1/organizations/" + org + "/audit-log")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(audit.getList("items.target", String.class)).containsExactly(webhooks(org) + "/" + id + "/enable");
            assertThat(audit.getInt("items[0].status")).isEqualTo(200);
            assertThat(audit.getString("items[0].outcome")).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void enablingTwiceEnablesOnceAndEnablingAnEnabledWebhookChangesNothing() {
        String org = newOrganization("hooks-twice");
        try (WebhookReceiver gone = WebhookReceiver.start().answerByDefault(410); WebhookReceiver failing = WebhookReceiver.start().answerByDefault(503)) {
            long id = hooks.create(org, gone.url(), List.of("element.version.created"), null).getLong("id");
            long failingId = hooks.create(org, failing.url(), List.of("element.version.created"), null).getLong("id");
            draft(org, "vision", statement("Niemand wil het."));
            await().atMost(PATIENCE).until(() -> !hooks.get(org, id).getBoolean("enabled"));
            gone.answerByDefault(200);

            asAdmin().post(webhooks(org) + "/" + id + "/enable").then().statusCode(200);
            Response again = asAdmin().post(webhooks(org) + "/" + id + "/enable");
            again.then().statusCode(200);
            assertThat(again.jsonPath().getBoolean("enabled")).isTrue();
            assertThat(again.jsonPath().getMap("$")).as("nothing was resumed by this request").doesNotContainKey("resumedFrom");
            assertThat(enabledEvents(org)).as("one webhook.enabled, for the request that enabled it").containsExactly(id);
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, id).getList("items.status").equals(List.of("DELIVERED")));

            // Enabled and failing: enabling it does not cut its back-off short nor forget since when it fails.
            await().atMost(PATIENCE).until(() -> hooks.get(org, failingId).getInt("attempts") >= 2);
            String failingSince = hooks.get(org, failingId).getString("failingSince");
            Response unchanged = asAdmin().post(webhooks(org) + "/" + failingId + "/enable");
            unchanged.then().statusCode(200);
            assertThat(unchanged.jsonPath().getBoolean("enabled")).isTrue();
            assertThat(unchanged.jsonPath().getString("failingSince")).isEqualTo(failingSince);
            assertThat(unchanged.jsonPath().getInt("attempts")).isGreaterThanOrEqualTo(2);
            assertThat(unchanged.jsonPath().getMap("$")).doesNotContainKey("resumedFrom");
            assertThat(enabledEvents(org)).containsExactly(id);
        }
    }

    @Test
    void aWebhookWhoseMissedEventsRetentionRemovedResumesWithTheOldestKeptEventAndSaysSo() throws Exception {
        String org = newOrganization("hooks-gap");
        try (WebhookReceiver receiver = WebhookReceiver.start().answerByDefault(503)) {
            long id = hooks.create(org, receiver.url(), List.of("element.version.created"), null).getLong("id");
            draft(org, "vision", statement("Te lang geleden."));
            long lost = eventIds(org, "element.version.created").get(0);
            await().atMost(PATIENCE).until(() -> receiver.received().size() >= 1);

            // The event it is stuck on (and the organisation's older ones) become older than the retention, as time
            // would make them, and retention removes them: the webhook can never deliver it, and is disabled.
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement("update event set occurred_at = now() - interval '100 days' where organization = ?")) {
                update.setString(1, org);
                assertThat(update.executeUpdate()).as("organization.created and the stuck event").isEqualTo(2);
            }
            events.applyRetention();
            await().atMost(PATIENCE).until(() -> !hooks.get(org, id).getBoolean("enabled"));
            assertThat(hooks.get(org, id).getString("disabledReason")).contains("removed by retention");
            assertThat(feed(org).getList("items.type", String.class)).contains("webhook.disabled");

            draft(org, "mission", statement("Nog bewaard."));
            long kept = eventIds(org, "element.version.created").get(0);
            int failures = receiver.received().size();
            receiver.answerByDefault(200);
            asAdmin().post(webhooks(org) + "/" + id + "/enable").then().statusCode(200)
                    .body("enabled", equalTo(true))
                    .body("resumedFrom", equalTo("OLDEST_KEPT_EVENT"));
            assertThat(feed(org).getString("items.find { it.type == 'webhook.enabled' }.data.resumedFrom")).isEqualTo("OLDEST_KEPT_EVENT");

            await().atMost(PATIENCE).until(() -> receiver.received().size() > failures
                    && hooks.deliveries(org, id).getList("items.eventId", Long.class).contains(kept));
            assertThat(receiver.received().subList(failures, receiver.received().size()))
                    .extracting(WebhookReceiver.Received::webhookId).containsExactly(String.valueOf(kept));
            assertThat(hooks.get(org, id).getBoolean("enabled")).as("it stays enabled from its new place").isTrue();
            assertThat(receiver.receivedIds().subList(0, failures)).as("the lost event was only ever tried before").containsOnly(String.valueOf(lost));
            // The log tells the same story: the lost event was given up, the kept one delivered.
            JsonPath log = hooks.deliveries(org, id);
            assertThat(log.getList("items.eventId", Long.class)).containsExactly(kept, lost);
            assertThat(log.getList("items.status", String.class)).containsExactly("DELIVERED", "ABANDONED");
        }
    }

    @Test
    void anUnknownWebhookOrAnotherOrganisationsIsNotFound() {
        String org = newOrganization("hooks-enable-own");
        String other = newOrganization("hooks-enable-other");
        long id = hooks.create(org, "https://hr.zorg-a.example/hooks/waarom", List.of("indicator.target.revised"), null).getLong("id");
        assertProblem(asAdmin().post(webhooks(other) + "/" + id + "/enable"), 404, "not-found");
        assertProblem(asAdmin().post(webhooks(org) + "/" + (id + 1_000_000) + "/enable"), 404, "not-found");
        assertProblem(asAdmin().post(webhooks(org) + "/nope/enable"), 404, "not-found");
        assertProblem(asAdmin().post(webhooks("no-such-org") + "/" + id + "/enable"), 404, "not-found");
        // Another organisation's admin cannot tell it exists either.
        TestKeys.IssuedKey otherAdmin = TestKeys.organizationKey(other, "admin");
        assertProblem(as(otherAdmin.key()).post(webhooks(org) + "/" + id + "/enable"), 404, "not-found");
        assertThat(enabledEvents(org)).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesEnabling() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String operation = "paths.'/api/v1/organizations/{org}/webhooks/{id}/enable'.post";
        assertThat(document.getString(operation + ".summary")).isNotBlank();
        assertThat(document.getString(operation + ".description")).contains("OLDEST_KEPT_EVENT", "webhook.enabled");
        assertThat(document.getMap(operation + ".responses")).containsKeys("200", "403", "404");
        assertThat(document.getString(operation + ".responses.'200'.content.'application/json'.examples.'enabled again'.value"))
                .contains("WHERE_IT_STOPPED");
        Map<String, Object> resumedFrom = document.getMap("components.schemas.Webhook.properties.resumedFrom");
        assertThat(resumedFrom.get("description").toString()).contains("OLDEST_KEPT_EVENT", "resynchronise");
        // The enumeration is a schema of its own that the property refers to (OpenAPI 3.0: through a one-element allOf, as it has a description).
        String values = "components.schemas." + document.getString("components.schemas.Webhook.properties.resumedFrom.allOf[0].$ref")
                .replace("#/components/schemas/", "") + ".enum";
        assertThat(document.getList(values, String.class)).containsExactly("WHERE_IT_STOPPED", "OLDEST_KEPT_EVENT");
    }

    /** Lets the webhook fail (its receiver answers 503) for longer than the give-up time, without waiting a day, until it is disabled. */
    private void disableAfterFailing(String org, long id) throws Exception {
        await().atMost(PATIENCE).until(() -> hooks.get(org, id).getInt("attempts") >= 1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update webhook set failing_since = now() - interval '25 hours' where id = ?")) {
            update.setLong(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        await().atMost(PATIENCE).until(() -> !hooks.get(org, id).getBoolean("enabled"));
        assertThat(hooks.get(org, id).getString("disabledReason")).startsWith("Deliveries failed since");
    }

    /** The webhooks named by the organisation's webhook.enabled events, in feed order. */
    private static List<Long> enabledEvents(String org) {
        return feed(org).getList("items.findAll { it.type == 'webhook.enabled' }.data.webhookId", Long.class);
    }
}
