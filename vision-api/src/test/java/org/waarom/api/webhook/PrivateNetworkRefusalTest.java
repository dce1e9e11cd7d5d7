package org.waarom.api.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.webhook.WebhookTestSupport.webhooks;

/** As in production: webhooks may not reach loopback, link-local, private or multicast addresses, at registration nor at delivery. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@TestProfile(PrivateNetworkRefusalTest.PrivateNetworksRefused.class)
class PrivateNetworkRefusalTest {

    /** The production default: WAAROM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS unset. */
    public static class PrivateNetworksRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("waarom.webhooks.allow-private-networks", "false",
                    "%test.waarom.webhooks.allow-private-networks", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private final WebhookTestSupport hooks = new WebhookTestSupport();

    @AfterEach
    void removeWebhooks() {
        hooks.deleteAll();
    }

    /**
     * One URL per form of host: an IPv4 literal (with a port), a name that resolves to loopback, an IPv6 literal, a name
     * that does not resolve. Which addresses are refused, range by range, is WebhookAddressPolicyTest's.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254:80/latest/meta-data/", "http://localhost/hooks", "https://[::1]/hooks",
            "https://waarom-receiver.invalid/hooks"
    })
    void aReceiverOnAPrivateLoopbackOrUnresolvableAddressIsRefused(String url) {
        String org = newOrganization("hooks-ssrf");
        Response answer = asAdmin().contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("*"))).post(webhooks(org));
        assertProblem(answer, 400, "invalid-request");
        assertThat(errorFields(answer)).containsExactly("url");
        assertThat(answer.jsonPath().getString("errors[0].message")).startsWith("is refused: host ");
        asAdmin().get(webhooks(org)).then().body("total", equalTo(0));
    }

    @Test
    void aReceiverOnAPublicAddressIsAccepted() {
        String org = newOrganization("hooks-public");
        // An address literal: no name to resolve, so this needs no network.
        hooks.create(org, "https://93.184.215.14/hooks/waarom", List.of("*"), null);
    }

    @Test
    void anAddressThatBecamePrivateIsRefusedAtDeliveryToo() throws Exception {
        String org = newOrganization("hooks-rebind");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // As if the receiver's name resolved to a public address when it was registered and to 127.0.0.1 now.
            long id = insertWebhook(org, receiver.url());
            hooks.track(org, id);
            draft(org, "vision", statement("Niet naar binnen."));

            await().atMost(Duration.ofSeconds(30)).until(() -> hooks.deliveries(org, id).getInt("total") == 1);
            var log = hooks.deliveries(org, id);
            assertThat(log.getString("items[0].status")).isEqualTo("RETRYING");
            assertThat(log.getString("items[0].statusCode")).isNull();
            assertThat(log.getString("items[0].lastError")).startsWith("Not sent: host '127.0.0.1'").contains("loopback");
            assertThat(receiver.received()).isEmpty();
        }
    }

    /** A webhook row as registration would have written it, bypassing its address check. */
    private long insertWebhook(String org, String url) throws Exception {
        String cursor = asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().path("next");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into webhook (organization_id, url, event_types, secret, created_by, created_at, enabled, feed_cursor, next_attempt_at)
                     select id, ?, '*', ?, 'test', now(), true, ?, now() from organization where slug = ?
                     returning id""")) {
            insert.setString(1, url);
            insert.setString(2, "whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
            insert.setString(3, cursor);
            insert.setString(4, org);
            try (ResultSet row = insert.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }
}
