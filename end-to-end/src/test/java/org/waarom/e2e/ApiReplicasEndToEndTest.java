package org.waarom.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.waarom.embedded.EmbeddedDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two packaged vision-api instances on one PostgreSQL, as two replicas behind a load balancer run,
 * both started at once (Flyway and the bootstrap key race as they would). Each keeps its own read
 * cache; what one replica has committed is what the other serves on its very next read, in every
 * cached form and language, and an ETag from before the change is no longer answered with 304. Edits
 * of one draft through both replicas with the same {@code If-Match} lose no update: one wins, the
 * other gets 412. Both replicas run the webhook delivery; each event reaches the receiver once.
 */
class ApiReplicasEndToEndTest {

    private static final String ADMIN_KEY = "wrm_e2e-replicas-admin-key-0123456789abcdef";
    private static final String ORG = "zorg-replica";
    private static final String HOOK_PATH = "/hooks/waarom";

    /** Kept when a test fails: the services' logs are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    static EmbeddedDatabase database;
    static RunningService replicaA;
    static RunningService replicaB;
    static WireMockServer receiver;

    @BeforeAll
    static void startBothReplicas() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("database"), EmbeddedDatabase.Mode.TEST);
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(HOOK_PATH).willReturn(ok()));
        replicaA = replica("api-a").launch();
        replicaB = replica("api-b").launch();
        replicaA.awaitReady();
        replicaB.awaitReady();
        on(replicaA).contentType(ContentType.JSON)
                .body(Map.of("slug", ORG, "name", "Zorg Replica", "defaultLanguage", "nl", "languages", List.of("nl", "fr")))
                .post("/api/v1/organizations").then().statusCode(201);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {replicaA, replicaB, database}) {
            if (running != null) {
                running.close();
            }
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    void whatOneReplicaCommittedTheOtherServesOnItsVeryNextRead() {
        String valuesPath = "/api/v1/organizations/" + ORG + "/values/current";
        String documentPath = "/api/v1/organizations/" + ORG + "/document";
        String previousEtag = null;
        for (int version = 1; version <= 8; version++) {
            RunningService writer = version % 2 == 0 ? replicaA : replicaB;
            RunningService reader = writer == replicaA ? replicaB : replicaA;
            String key = "value-" + version;
            String versions = "/api/v1/organizations/" + ORG + "/elements/values/versions";
            on(writer).contentType(ContentType.JSON)
                    .body(Map.of("changeReason", "Ronde " + version, "content",
                            Map.of("items", List.of(Map.of("key", key, "title", "Waarde " + version, "behaviours", List.of("Gedrag " + version + "."))))))
                    .post(versions).then().statusCode(201);
            String etag = on(writer).get(versions + "/" + version).then().statusCode(200).extract().header("ETag");
            on(writer).header("If-Match", etag).contentType(ContentType.JSON).post(versions + "/" + version + "/adopt").then().statusCode(200);

            // The other replica, whose cache holds the previous version in every form, serves the new one at once.
            Response json = on(reader).get(valuesPath);
            json.then().statusCode(200).body("version", equalTo(version)).body("values.key", contains(key));
            assertThat(on(reader).accept("text/csv").get(valuesPath).then().statusCode(200).extract().asString()).contains(key);
            on(reader).get(documentPath).then().statusCode(200).body("values.version", equalTo(version));
            assertThat(on(reader).accept("text/markdown").get(documentPath).then().statusCode(200).extract().asString()).contains("Waarde " + version);
            if (previousEtag != null) {
                on(reader).header("If-None-Match", previousEtag).get(valuesPath).then().statusCode(200).body("version", equalTo(version));
            }
            String currentEtag = json.header("ETag");
            on(writer).header("If-None-Match", currentEtag).get(valuesPath).then().statusCode(304);
            on(reader).header("If-None-Match", currentEtag).get(valuesPath).then().statusCode(304);

            // A translation approved through the writer shows in French on the reader's next read.
            on(reader).queryParam("lang", "fr").get(valuesPath).then().statusCode(200)
                    .header("Content-Language", "nl").body("values[0].title", equalTo("Waarde " + version));
            on(writer).contentType(ContentType.JSON)
                    .body(Map.of("status", "APPROVED", "content", Map.of("items",
                            List.of(Map.of("key", key, "title", "Valeur " + version, "behaviours", List.of("Comportement " + version + "."))))))
                    .put(versions + "/" + version + "/translations/fr").then().statusCode(201);
            on(reader).queryParam("lang", "fr").get(valuesPath).then().statusCode(200)
                    .header("Content-Language", "fr").body("values[0].title", equalTo("Valeur " + version));
            on(reader).header("Accept-Language", "fr-BE").get(documentPath).then().statusCode(200)
                    .body("values.items[0].title", equalTo("Valeur " + version));
            previousEtag = currentEtag;
        }
    }

    @Test
    void editsOfOneDraftThroughBothReplicasLoseNoUpdate() throws Exception {
        String versions = "/api/v1/organizations/" + ORG + "/elements/mission/versions";
        on(replicaA).contentType(ContentType.JSON).body(draft("Eerste ontwerp.")).post(versions).then().statusCode(201);
        for (int round = 0; round < 5; round++) {
            String etag = on(replicaB).get(versions + "/1").then().statusCode(200).extract().header("ETag");
            List<Callable<Response>> edits = new ArrayList<>();
            for (RunningService replica : List.of(replicaA, replicaB)) {
                String statement = "Ontwerp " + round + " van " + (replica == replicaA ? "A" : "B") + ".";
                edits.add(() -> on(replica).header("If-Match", etag).contentType(ContentType.JSON).body(draft(statement))
                        .put(versions + "/1"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Response> answers = new ArrayList<>();
            try {
                for (Future<Response> answer : pool.invokeAll(edits, 60, TimeUnit.SECONDS)) {
                    answers.add(answer.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(answers).extracting(Response::statusCode).as("round %d", round).containsExactlyInAnyOrder(200, 412);
            Response winner = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow();
            // Both replicas read the winner's text, with the ETag the winner answered.
            for (RunningService replica : List.of(replicaA, replicaB)) {
                on(replica).get(versions + "/1").then().statusCode(200)
                        .header("ETag", winner.header("ETag"))
                        .body("content.statement", equalTo(winner.jsonPath().getString("content.statement")));
            }
        }
    }

    @Test
    void eachEventReachesAWebhookOnceThoughBothReplicasDeliver() {
        String org = "zorg-hooks";
        on(replicaA).contentType(ContentType.JSON).body(Map.of("slug", org, "name", "Zorg Hooks", "defaultLanguage", "nl"))
                .post("/api/v1/organizations").then().statusCode(201);
        on(replicaB).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.port() + HOOK_PATH, "events", List.of("goal.created")))
                .post("/api/v1/organizations/" + org + "/webhooks").then().statusCode(201);
        for (int goal = 1; goal <= 12; goal++) {
            on(goal % 2 == 0 ? replicaA : replicaB).contentType(ContentType.JSON)
                    .body(Map.of("kind", "STRATEGIC", "title", "Doel " + goal, "serves", List.of("vision")))
                    .post("/api/v1/organizations/" + org + "/goals").then().statusCode(201);
        }
        List<String> events = on(replicaA).queryParam("limit", 100).get("/api/v1/organizations/" + org + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.type == 'goal.created' }.id", Object.class)
                .stream().map(String::valueOf).toList();
        assertThat(events).hasSize(12);
        await("every goal.created delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(deliveredIds()).containsExactlyInAnyOrderElementsOf(events));
        // Both replicas keep polling; nothing is delivered a second time.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deliveredIds()).as("webhook-id of every delivery").containsExactlyInAnyOrderElementsOf(events));
    }

    /** The {@code webhook-id} of every request the receiver got, repeats included. */
    private static List<String> deliveredIds() {
        return receiver.findAll(postRequestedFor(urlEqualTo(HOOK_PATH))).stream().map(request -> request.getHeader("webhook-id"))
                .toList();
    }

    private static Map<String, Object> draft(String statement) {
        return Map.of("content", Map.of("statement", statement), "changeReason", "Samen geschreven");
    }

    private static RunningService replica(String name) throws Exception {
        return new RunningService("vision-api", work.resolve(name), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "WAAROM_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
                // The webhook receiver of the test listens on the loopback address.
                "WAAROM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true"));
    }

    private static RequestSpecification on(RunningService replica) {
        return given().baseUri(replica.url()).header("Authorization", "Bearer " + ADMIN_KEY);
    }
}
