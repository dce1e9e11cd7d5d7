package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/** No lost update, ever: parallel requests on the same state are decided one at a time. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ConcurrencyTest {

    private static final int PARALLEL = 20;

    @Test
    void twentyParallelEditsWithTheSameETagYieldOneSuccessAndNineteen412() throws Exception {
        String org = newOrganization("race");
        String etag = draft(org, "vision", statement("Begin.")).header("ETag");
        Map<Integer, Long> statuses = race(i -> asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(statement("Bewerking " + i)).put(versions(org, "vision") + "/1").statusCode());
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 412, (long) PARALLEL - 1));
        // The one edit that won is the one stored; its text is one of the twenty.
        String stored = asAdmin().get(versions(org, "vision") + "/1").then().statusCode(200).extract().path("content.statement");
        assertThat(stored).startsWith("Bewerking ");
    }

    @Test
    void twentyParallelDraftsYieldOneDraft() throws Exception {
        String org = newOrganization("drafts");
        Map<Integer, Long> statuses = race(i -> asAdmin().contentType(ContentType.JSON)
                .body(statement("Ontwerp " + i)).post(versions(org, "mission")).statusCode());
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) PARALLEL - 1));
        asAdmin().get(versions(org, "mission")).then().body("total", equalTo(1)).body("items[0].version", equalTo(1));
    }

    @Test
    void twentyParallelAdoptionsAdoptOnce() throws Exception {
        String org = newOrganization("adoptrace");
        String etag = draft(org, "strategy", statement("Strategie.")).header("ETag");
        Map<Integer, Long> statuses = race(i -> asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .post(versions(org, "strategy") + "/1/adopt").statusCode());
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 412, (long) PARALLEL - 1));
    }

    @FunctionalInterface
    interface Attempt {
        int run(int index);
    }

    /** Runs the attempt PARALLEL times at once and counts the statuses. */
    private static Map<Integer, Long> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
