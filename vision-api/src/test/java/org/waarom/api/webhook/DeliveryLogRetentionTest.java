package org.waarom.api.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waarom.api.webhook.service.DeliveryLogRetention;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;

/**
 * The delivery log is kept for the event retention (90 days) after each entry's last attempt, except
 * the entry of a delivery that is still being retried, which stays however old it is.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DeliveryLogRetentionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeliveryLogRetention retention;

    private final WebhookTestSupport hooks = new WebhookTestSupport();

    @AfterEach
    void cleanUp() {
        hooks.deleteAll();
    }

    @Test
    void entriesOlderThanTheRetentionAreRemovedButRecentOnesAndTheOneStillRetriedAreKept() throws Exception {
        String org = newOrganization("hooks-log-retention");
        try (WebhookReceiver working = WebhookReceiver.start(); WebhookReceiver failing = WebhookReceiver.start().answerByDefault(503)) {
            long delivered = hooks.create(org, working.url(), List.of("element.version.created"), null).getLong("id");
            long retried = hooks.create(org, failing.url(), List.of("element.version.created"), null).getLong("id");
            draft(org, "vision", statement("Lang geleden afgeleverd."));
            draft(org, "mission", statement("Net afgeleverd."));
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, delivered).getList("items.status").equals(List.of("DELIVERED", "DELIVERED")));
            List<Long> events = hooks.deliveries(org, delivered).getList("items.eventId", Long.class);
            long recent = events.get(0);
            long old = events.get(1);

            // The failing webhook keeps retrying its first event. Its next attempt is put off (while no attempt is in
            // flight, so that none records after this) to keep its entry as it is here: still being retried.
            await().atMost(PATIENCE).until(() -> hooks.deliveries(org, retried).getList("items").size() == 1);
            await().atMost(PATIENCE).until(() -> execute("update webhook set next_attempt_at = now() + interval '1 hour' "
                    + "where id = " + retried + " and lease is null") == 1);
            // As time would make them: the first delivery and the retried one had their last attempt 100 days ago.
            assertThat(execute("update webhook_delivery set first_attempt_at = now() - interval '101 days', last_attempt_at = now() - interval '100 days', "
                    + "delivered_at = case when delivered_at is null then null else now() - interval '100 days' end "
                    + "where (webhook_id = " + delivered + " and event_id = " + old + ") or webhook_id = " + retried)).isEqualTo(2);
            Instant retriedAt = Instant.parse(hooks.deliveries(org, retried).getString("items[0].lastAttemptAt"));
            assertThat(retriedAt).isBefore(Instant.now().minus(Duration.ofDays(90)));

            assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(1);

            var log = hooks.deliveries(org, delivered);
            assertThat(log.getList("items.eventId", Long.class)).containsExactly(recent);
            assertThat(log.getInt("total")).isEqualTo(1);
            var retrying = hooks.deliveries(org, retried);
            assertThat(retrying.getList("items.status", String.class)).containsExactly("RETRYING");
            assertThat(retrying.getLong("items[0].eventId")).isEqualTo(old);
            assertThat(Instant.parse(retrying.getString("items[0].lastAttemptAt"))).isEqualTo(retriedAt);

            // Once it is no longer being retried (disabled: abandoned), its old entry goes too.
            assertThat(execute("update webhook set enabled = false, disabled_at = now(), disabled_reason = 'test' where id = " + retried)).isEqualTo(1);
            assertThat(hooks.deliveries(org, retried).getString("items[0].status")).isEqualTo("ABANDONED");
            assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(1);
            assertThat(hooks.deliveries(org, retried).getList("items")).isEmpty();
            assertThat(hooks.deliveries(org, delivered).getList("items.eventId", Long.class)).containsExactly(recent);
        }
    }

    private int execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            return statement.executeUpdate();
        }
    }
}
