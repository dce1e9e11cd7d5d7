package org.waarom.api.event;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/** The outbox and its feed: an event exists exactly when its change committed, and a cursor never skips one. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class EventFeedTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void changesWriteTheirEventsInTheOrganisationFeed() {
        String org = newOrganization("events");
        draft(org, "vision", statement("Iedereen telt mee."));
        adopt(org, "vision", 1, null);

        JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getList("items.type", String.class))
                .containsExactly("organization.created", "element.version.created", "element.version.adopted");
        assertThat(feed.getList("items.organization", String.class)).containsOnly(org);
        assertThat(feed.getString("items[2].data.element")).isEqualTo("vision");
        assertThat(feed.getInt("items[2].data.version")).isEqualTo(1);
        assertThat(feed.getString("items[2].data.content.statement")).isEqualTo("Iedereen telt mee.");
        assertThat(feed.getString("items[2].occurredAt")).isNotBlank();

        // Following the cursor: nothing new, the same cursor again.
        String next = feed.getString("next");
        asAdmin().queryParam("after", next).get("/api/v1/organizations/" + org + "/events").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("next", equalTo(next));
        // Another change arrives after the cursor.
        String etag = draft(org, "mission", statement("Waarom.")).header("ETag");
        asAdmin().queryParam("after", next).get("/api/v1/organizations/" + org + "/events").then()
                .body("items.type", contains("element.version.created"));
        asAdmin().header("If-Match", etag).delete(versions(org, "mission") + "/1").then().statusCode(204);
        asAdmin().queryParam("after", next).get("/api/v1/organizations/" + org + "/events").then()
                .body("items.type", contains("element.version.created", "element.version.withdrawn"));
    }

    @Test
    void aRefusedChangeWritesNoEvent() {
        String org = newOrganization("noevent");
        draft(org, "vision", statement("Eerste."));
        String before = asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().path("next");
        // 409 (a second open version) and 400 (invalid content): both roll back, so no event.
        asAdmin().contentType(ContentType.JSON).body(statement("Tweede.")).post(versions(org, "vision")).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body(statement("")).post(versions(org, "mission")).then().statusCode(400);
        asAdmin().queryParam("after", before).get("/api/v1/organizations/" + org + "/events").then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void aTransactionThatCommitsLateIsStillServedAfterTheCursor() throws Exception {
        String org = newOrganization("late");
        String cursor = asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().path("next");
        long organizationId = organizationId(org);
        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            long slowId = insertEvent(slow, organizationId, org);   // the lower id, its transaction started first…
            long fastId = insertEvent(fast, organizationId, org);
            fast.commit();                                           // …but the higher id commits first
            assertThat(slowId).isLessThan(fastId);

            JsonPath whileSlowIsOpen = feed(org, cursor);
            // The fast event may not be served yet: the slow transaction could still commit before it.
            assertThat(whileSlowIsOpen.getList("items.id", Long.class)).doesNotContain(slowId, fastId);
            slow.commit();

            JsonPath afterBoth = feed(org, whileSlowIsOpen.getString("next"));
            assertThat(afterBoth.getList("items.id", Long.class)).containsExactly(slowId, fastId);
        }
    }

    @Test
    void aConsumerFollowingTheCursorDuringConcurrentCommitsSeesEveryCommittedEventOnce() throws Exception {
        String org = newOrganization("stream");
        long organizationId = organizationId(org);
        String cursor = asAdmin().get("/api/v1/organizations/" + org + "/events").then().extract().path("next");
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < 6; writer++) {
            running.add(writers.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        long id = insertEvent(connection, organizationId, org);
                        // Load generation, not synchronisation: some transactions stay open a little
                        // longer, so that commits interleave out of id order.
                        if (ThreadLocalRandom.current().nextInt(4) == 0) {
                            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(20));
                        }
                        if (ThreadLocalRandom.current().nextInt(10) == 0) {
                            connection.rollback();   // rolled back: must never be served
                        } else {
                            connection.commit();
                            committed.add(id);
                        }
                    }
                }
                return null;
            }));
        }
        List<Long> seen = new ArrayList<>();
        while (running.stream().anyMatch(future -> !future.isDone())) {
            JsonPath page = feed(org, cursor);
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("next");
        }
        for (Future<?> future : running) {
            future.get();
        }
        writers.shutdown();
        JsonPath rest;
        do {
            rest = feed(org, cursor);
            seen.addAll(rest.getList("items.id", Long.class));
            cursor = rest.getString("next");
        } while (!rest.getList("items").isEmpty());

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(committed);
    }

    /**
     * Transaction ids are numbers: the feed orders by them as numbers, also where they gain a digit (9 → 10, 99 → 100),
     * so that following it page by page serves every event once, in (transaction, id) order. The events are written with
     * those ids directly, as if their transactions had had them (each is below the oldest running transaction, so the feed
     * may serve it), and removed afterwards: in the past of the whole feed, they would stand before the retention horizon
     * of the tests that follow.
     */
    @Test
    void theFeedOrdersTransactionIdsAsNumbersWhereTheyGainADigit() throws Exception {
        String org = newOrganization("digits");
        long organizationId = organizationId(org);
        List<Long> written = new ArrayList<>();
        try {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement next = connection.prepareStatement("select pg_current_xact_id()::text")) {
                // Every id written below must lie under the oldest running transaction: a young database is moved past 100.
                BigInteger current;
                do {
                    try (ResultSet row = next.executeQuery()) {
                        row.next();
                        current = new BigInteger(row.getString(1));
                    }
                } while (current.compareTo(BigInteger.valueOf(101)) < 0);
            }
            try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                    "insert into event (tx_id, organization_id, organization, type, occurred_at, data)"
                            + " values (cast(? as xid8), ?, ?, ?, now(), ?::jsonb) returning id")) {
                for (String tx : List.of("100", "99", "10", "9")) {
                    insert.setString(1, tx);
                    insert.setLong(2, organizationId);
                    insert.setString(3, org);
                    insert.setString(4, EVENT_TYPE);
                    insert.setString(5, EVENT_DATA);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        written.add(row.getLong(1));
                    }
                }
            }
            List<Long> expected = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("select id, tx_id::text from event where organization_id = ?")) {
                select.setLong(1, organizationId);
                List<Object[]> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Object[] {new BigInteger(row.getString(2)), row.getLong(1)});
                    }
                }
                rows.sort(Comparator.<Object[], BigInteger>comparing(row -> (BigInteger) row[0]).thenComparing(row -> (Long) row[1]));
                rows.forEach(row -> expected.add((Long) row[1]));
            }

            List<Long> seen = new ArrayList<>();
            String cursor = null;
            List<Long> page;
            do {
                var request = asAdmin().queryParam("limit", 3);
                if (cursor != null) {
                    request.queryParam("after", cursor);
                }
                JsonPath answer = request.get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath();
                page = answer.getList("items.id", Long.class);
                seen.addAll(page);
                cursor = answer.getString("next");
            } while (!page.isEmpty());

            assertThat(expected).as("the organisation's own events and the four written here").hasSizeGreaterThan(4);
            assertThat(seen).as("every event once, by transaction id as a number").isEqualTo(expected);
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("delete from event where id = any (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", written.toArray()));
                delete.executeUpdate();
            }
        }
    }

    @Test
    void theFeedIsForTheRightCallersAndRefusesBadCursors() {
        String org = newOrganization("feedauth");
        asAdmin().get("/api/v1/events").then().statusCode(200);
        asAdmin().queryParam("after", "not-a-cursor").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        asAdmin().queryParam("limit", "0").get("/api/v1/organizations/" + org + "/events").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        asAdmin().get("/api/v1/organizations/nope-" + org + "/events").then().statusCode(404).body("type", endsWith("/not-found"));
    }

    private static JsonPath feed(String org, String after) {
        return asAdmin().queryParam("after", after).queryParam("limit", 500)
                .get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath();
    }

    private long organizationId(String slug) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select id from organization where slug = ?")) {
            select.setString(1, slug);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A real event type with its payload written as the API writes it, so that the feed's answers keep to the document. */
    private static final String EVENT_TYPE = EventType.REVIEW_TASK_REMINDED.value();
    private static final String EVENT_DATA = EventType.REVIEW_TASK_REMINDED.example();

    private static long insertEvent(Connection connection, long organizationId, String slug) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into event (organization_id, organization, type, occurred_at, data) values (?, ?, ?, now(), ?::jsonb) returning id")) {
            insert.setLong(1, organizationId);
            insert.setString(2, slug);
            insert.setString(3, EVENT_TYPE);
            insert.setString(4, EVENT_DATA);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
