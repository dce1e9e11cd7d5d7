package org.waarom.scheduler;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stands in for the vision-api: WireMock on a dynamic port, whose address becomes
 * {@code waarom.api.url}, with the service key the scheduler sends. Test resources are global in
 * Quarkus, so every {@code @QuarkusTest} of this module talks to this stub and never to a real API
 * that may be running on the machine. The same server plays the chat tool's incoming webhook for
 * reminders ({@value #INCOMING_WEBHOOK}, {@code waarom.reminders.webhook-url}).
 */
public class VisionApiStub implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_KEY = "wk_test_service_key";
    /** The path of the incoming webhook that reminders are posted to. */
    public static final String INCOMING_WEBHOOK = "/services/T0001/B0001/incoming-webhook";

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
        }
        quiet();
        return Map.of(
                "waarom.api.url", server.baseUrl(),
                "waarom.api.key", SERVICE_KEY,
                "waarom.reminders.webhook-url", server.baseUrl() + INCOMING_WEBHOOK);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /**
     * Forgets every stub and request, then answers like an API without news: no policies, no
     * events, no open review tasks, and 201 for any review task; the incoming webhook takes
     * every message.
     */
    public static void quiet() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/api/v1/review-policies")).atPriority(10)
                .willReturn(json("{\"items\":[],\"page\":0,\"size\":200,\"total\":0}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/events")).atPriority(10)
                .willReturn(json("{\"items\":[],\"next\":null}")));
        server.stubFor(post(urlPathMatching("/api/v1/organizations/[^/]+/review-tasks")).atPriority(10)
                .willReturn(json("{\"id\":1}").withStatus(201)));
        server.stubFor(get(urlPathEqualTo("/api/v1/review-tasks")).atPriority(10)
                .willReturn(json("{\"items\":[],\"page\":0,\"size\":200,\"total\":0}")));
        server.stubFor(post(urlPathEqualTo(INCOMING_WEBHOOK)).atPriority(10)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String title) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"stubbed " + status + "\"}");
    }
}
