package org.waarom.api.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waarom.api.PrometheusMetrics;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;

/** Webhook deliveries at {@code /q/metrics}: a receiver that fails shows as a growing {@code failed} count. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class WebhookMetricsTest {

    private static final String DELIVERIES = "waarom_api_webhook_deliveries_total";

    private final WebhookTestSupport hooks = new WebhookTestSupport();

    @AfterEach
    void cleanUp() {
        hooks.deleteAll();
    }

    @Test
    void failedAndDeliveredAttemptsAreCounted() {
        String org = newOrganization("hooks-metrics");
        double failedBefore = PrometheusMetrics.value(DELIVERIES, "outcome", "failed");
        try (WebhookReceiver receiver = WebhookReceiver.start().answerByDefault(503)) {
            hooks.create(org, receiver.url(), List.of("element.version.created"), null);
            draft(org, "vision", statement("Eerst mislukt."));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(PrometheusMetrics.value(DELIVERIES, "outcome", "failed")).isGreaterThanOrEqualTo(failedBefore + 2));

            double deliveredBefore = PrometheusMetrics.value(DELIVERIES, "outcome", "delivered");
            receiver.answerByDefault(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(PrometheusMetrics.value(DELIVERIES, "outcome", "delivered")).isGreaterThanOrEqualTo(deliveredBefore + 1));
            assertThat(PrometheusMetrics.scrape()).contains("# HELP waarom_api_webhook_deliveries Webhook delivery attempts, delivered or failed");
        }
    }
}
