package org.waarom.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * What an operator graphs at {@code /q/metrics}: requests and errors per endpoint <i>template</i>
 * (never per organisation or id, which would make a series per tenant), and the domain events
 * committed, by type.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class MetricsTest {

    @Test
    void requestsAreCountedPerEndpointTemplateWithTheirStatus() {
        String org = newOrganization("metrics-http");
        String missing = "metrics-missing-" + System.nanoTime() % 1_000_000;
        asAdmin().get("/api/v1/organizations/" + org).then().statusCode(200);
        asAdmin().get("/api/v1/organizations/" + missing).then().statusCode(404);

        String metrics = PrometheusMetrics.scrape();
        assertThat(PrometheusMetrics.value("http_server_requests_seconds_count",
                "method", "GET", "status", "200", "uri", "/api/v1/organizations/{org}")).isGreaterThanOrEqualTo(1);
        assertThat(PrometheusMetrics.value("http_server_requests_seconds_count",
                "method", "GET", "status", "404", "uri", "/api/v1/organizations/{org}")).isGreaterThanOrEqualTo(1);
        // The slugs themselves never become label values: one series per endpoint, whatever the number of tenants.
        assertThat(metrics).doesNotContain(org).doesNotContain(missing);
    }

    @Test
    void anAdoptionIsCountedOnceItCommitted() {
        String org = newOrganization("metrics-adopt");
        double adoptedBefore = PrometheusMetrics.value("waarom_api_events_total", "type", "element.version.adopted");
        double createdBefore = PrometheusMetrics.value("waarom_api_events_total", "type", "element.version.created");

        draft(org, "vision", statement("Iedereen telt mee."));
        adopt(org, "vision", 1, null);
        // A refused adoption (stale If-Match) commits nothing, so it is not counted.
        asAdmin().header("If-Match", "\"stale\"").contentType(ContentType.JSON).post(versions(org, "vision") + "/1/adopt").then().statusCode(412);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(PrometheusMetrics.value("waarom_api_events_total", "type", "element.version.adopted")).isEqualTo(adoptedBefore + 1);
            assertThat(PrometheusMetrics.value("waarom_api_events_total", "type", "element.version.created")).isEqualTo(createdBefore + 1);
        });
        // Prometheus shows an operator what the counter means.
        assertThat(PrometheusMetrics.scrape()).contains("# HELP waarom_api_events Committed changes, by event type");
    }
}
