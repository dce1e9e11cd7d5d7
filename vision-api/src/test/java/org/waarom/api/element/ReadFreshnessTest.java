package org.waarom.api.element;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.element.Translations.item;
import static org.waarom.api.element.Translations.itemsContent;

/**
 * Cached polled reads are never stale, also with several replicas on one database (issue 7). Two
 * API instances are not started here; instead each test changes the database the way another replica
 * would (plain SQL in its own transaction, with the event every change writes) and reads again at once:
 * the change must show on the very next read. The mechanism under test is the organisation's change
 * stamp (migration V12), bumped in the commit of every transaction that writes an event of it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ReadFreshnessTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyChangeThatAReadServesRaisesTheStampInItsTransaction() throws SQLException {
        String org = newOrganization("stamps");
        long created = stamp(org);
        assertThat(created).isEqualTo(1); // organization.created, in the transaction that created it

        draft(org, "values", values(value("respect", "Respect", "We vragen eerst.")));
        adopt(org, "values", 1, null);
        long adopted = stamp(org);
        assertThat(adopted).isEqualTo(created + 2); // the draft, then the adoption: one bump per transaction

        Translations.create(org, "values", 1, "fr", "APPROVED", itemsContent(item("respect", "Respect", null, "Nous demandons d'abord.")));
        long translated = stamp(org);
        assertThat(translated).isEqualTo(adopted + 1);

        long goal = asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", "Wonen", "serves", List.of("vision")))
                .post("/api/v1/organizations/" + org + "/goals").then().statusCode(201).extract().jsonPath().getLong("id");
        long indicator = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Clients", "unit", "%", "baseline", 40, "target", 60, "direction", "INCREASE"))
                .post("/api/v1/organizations/" + org + "/goals/" + goal + "/indicators").then().statusCode(201).extract().jsonPath().getLong("id");
        long beforeMeasurement = stamp(org);
        // A measurement that meets nothing still changes the progress a document shows: it writes an event too.
        asAdmin().contentType(ContentType.JSON).body(Map.of("value", 45, "measuredAt", "2026-01-15"))
                .post("/api/v1/organizations/" + org + "/indicators/" + indicator + "/measurements").then().statusCode(201);
        assertThat(stamp(org)).isEqualTo(beforeMeasurement + 1);
        assertThat(eventTypes(org)).contains("indicator.created", "indicator.measured");

        long beforeRename = stamp(org);
        String etag = asAdmin().get("/api/v1/organizations/" + org).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("languages", List.of("nl", "fr", "en", "de")))
                .patch("/api/v1/organizations/" + org).then().statusCode(200);
        assertThat(stamp(org)).isEqualTo(beforeRename + 1);

        // Invariant: one bump per committed transaction that wrote events of the organisation, none for others.
        assertThat(stamp(org)).isEqualTo(transactionsWithEvents(org));
    }

    @Test
    void theStampMovesOnlyWhenTheTransactionCommits() throws SQLException {
        String org = newOrganization("stamp-tx");
        long before = stamp(org);
        try (Connection writer = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insertEvent(writer, org);
            insertEvent(writer, org);
            // Not committed yet: nobody sees a new stamp (and the change it stands for) before the change itself.
            assertThat(stamp(other, org)).isEqualTo(before);
            writer.rollback();
            assertThat(stamp(other, org)).isEqualTo(before);

            insertEvent(writer, org);
            insertEvent(writer, org);
            writer.commit();
            // Committed: exactly one bump for the transaction, however many events it wrote.
            assertThat(stamp(other, org)).isEqualTo(before + 1);
            writer.setAutoCommit(true);
        }
    }

    @Test
    void aTranslationChangedByAnotherReplicaShowsOnTheVeryNextRead() throws SQLException {
        String org = newOrganization("fresh-tr");
        draft(org, "values", values(value("respect", "Respect", "We vragen eerst.")));
        adopt(org, "values", 1, null);
        Translations.create(org, "values", 1, "fr", "APPROVED", itemsContent(item("respect", "Respect", null, "Nous demandons d'abord.")));
        TestKeys.IssuedKey reader = TestKeys.organizationKey(org, "reader");
        String first = readFrench(org, reader).then().statusCode(200)
                .body("values[0].behaviours[0]", equalTo("Nous demandons d'abord.")).extract().header("ETag");
        readFrench(org, reader).then().statusCode(200).header("ETag", first); // from the cache now

        // Another replica's change without its event would never be seen here: that is what the cache
        // relies on (every change writes an event), and it shows that the reads above came from the cache.
        try (Connection connection = dataSource.getConnection()) {
            updateTranslation(connection, org, "Nous frappons d'abord.");
        }
        readFrench(org, reader).then().statusCode(200).body("values[0].behaviours[0]", equalTo("Nous demandons d'abord."));

        // The same change as a replica makes it: data and event in one transaction. Seen on the next read.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            updateTranslation(connection, org, "Nous écoutons d'abord.");
            insertEvent(connection, org);
            connection.commit();
            connection.setAutoCommit(true);
        }
        String second = readFrench(org, reader).then().statusCode(200)
                .body("values[0].behaviours[0]", equalTo("Nous écoutons d'abord.")).extract().header("ETag");
        assertThat(second).isNotEqualTo(first);
        // The client's copy is no longer current: no 304 for the old ETag.
        readFrench(org, reader, first).then().statusCode(200);
        readFrench(org, reader, second).then().statusCode(304);
    }

    @Test
    void anAdoptionShowsOnTheVeryNextReadOfEveryCachedForm() {
        String org = newOrganization("fresh-adopt");
        draft(org, "values", values(value("respect", "Respect", "We vragen eerst.")));
        adopt(org, "values", 1, null);
        draft(org, "vision", statement("Iedereen telt mee."));
        adopt(org, "vision", 1, null);
        TestKeys.IssuedKey reader = TestKeys.organizationKey(org, "reader");
        String valuesPath = "/api/v1/organizations/" + org + "/values/current";
        String visionPath = "/api/v1/organizations/" + org + "/elements/vision";
        for (int warm = 0; warm < 2; warm++) {
            as(reader.key()).get(valuesPath).then().statusCode(200).body("version", equalTo(1));
            as(reader.key()).header("Accept", "text/csv").get(valuesPath).then().statusCode(200);
            as(reader.key()).get(visionPath).then().statusCode(200).body("version", equalTo(1));
        }

        draft(org, "values", values(value("respect", "Respect", "We vragen eerst."), value("moed", "Moed", "We zeggen het.")));
        adopt(org, "values", 2, null);
        as(reader.key()).get(valuesPath).then().statusCode(200).body("version", equalTo(2)).body("values.key", contains("respect", "moed"));
        assertThat(as(reader.key()).header("Accept", "text/csv").get(valuesPath).then().statusCode(200).extract().asString()).contains("moed");
        draft(org, "vision", statement("Iedereen telt mee, altijd."));
        adopt(org, "vision", 2, null);
        as(reader.key()).get(visionPath).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aKeyRevokedByAnotherReplicaIsRefusedOnTheVeryNextRequest() throws SQLException {
        String org = newOrganization("fresh-key");
        draft(org, "values", values(value("respect", "Respect", "We vragen eerst.")));
        adopt(org, "values", 1, null);
        TestKeys.IssuedKey reader = TestKeys.organizationKey(org, "reader");
        String path = "/api/v1/organizations/" + org + "/values/current";
        for (int i = 0; i < 3; i++) {
            as(reader.key()).get(path).then().statusCode(200);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement revoke = connection.prepareStatement("update api_key set revoked_at = now(), revoked_by = 'replica-b' where id = ?")) {
            revoke.setLong(1, reader.id());
            assertThat(revoke.executeUpdate()).isEqualTo(1);
        }
        as(reader.key()).get(path).then().statusCode(401);
        as(reader.key()).get("/api/v1/organizations/" + org + "/elements/values").then().statusCode(401);
    }

    /**
     * Monotonic reads under load: while versions are adopted one after another, parallel readers never
     * get a version older than one whose adoption had been answered (200) before their read started.
     */
    @Test
    void parallelReadsNeverGoBackBehindAnAnsweredAdoption() throws Exception {
        String org = newOrganization("fresh-race");
        draft(org, "values", values(value("v1", "Eén", "Eerst.")));
        adopt(org, "values", 1, null);
        TestKeys.IssuedKey reader = TestKeys.organizationKey(org, "reader");
        String path = "/api/v1/organizations/" + org + "/values/current";

        record Read(long startedAt, int version) {
        }
        List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        List<long[]> adoptions = Collections.synchronizedList(new ArrayList<>()); // {answeredAt, version}
        AtomicBoolean adopting = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int thread = 0; thread < 6; thread++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    while (adopting.get()) {
                        long startedAt = System.nanoTime();
                        int version = as(reader.key()).get(path).then().statusCode(200).extract().jsonPath().getInt("version");
                        // Each reader on its own never goes back either.
                        assertThat(version).isGreaterThanOrEqualTo(seen);
                        seen = version;
                        reads.add(new Read(startedAt, version));
                    }
                    return null;
                }));
            }
            for (int version = 2; version <= 8; version++) {
                draft(org, "values", values(value("v" + version, "Versie " + version, "Gedrag " + version + ".")));
                adopt(org, "values", version, null);
                adoptions.add(new long[]{System.nanoTime(), version});
            }
            adopting.set(false);
            for (Future<?> future : readers) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            adopting.set(false);
            pool.shutdownNow();
        }
        assertThat(reads).hasSizeGreaterThan(20);
        for (Read read : reads) {
            int answeredBefore = adoptions.stream().filter(adoption -> adoption[0] < read.startedAt())
                    .mapToInt(adoption -> (int) adoption[1]).max().orElse(1);
            assertThat(read.version()).as("a read that started after version %d was adopted", answeredBefore)
                    .isGreaterThanOrEqualTo(answeredBefore);
        }
        as(reader.key()).get(path).then().statusCode(200).body("version", equalTo(8));
    }

    /**
     * Many writers of one organisation at once (adoptions, which go on to complete review tasks after
     * their event; translations; goals): every one succeeds (the stamp is taken last, at commit, so no
     * deadlock) and the stamp counts each committed transaction once.
     */
    @Test
    void concurrentWritersOfOneOrganisationNeitherDeadlockNorLoseABump() throws Exception {
        String org = newOrganization("stamp-writers");
        for (String type : List.of("mission", "vision", "strategy")) {
            draft(org, type, statement("Eerste " + type));
            adopt(org, type, 1, null);
        }
        draft(org, "values", values(value("respect", "Respect", "We vragen eerst.")));
        adopt(org, "values", 1, null);
        for (String type : List.of("mission", "vision", "strategy")) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("element", type, "reason", "MANUAL", "dueDate", "2027-01-01", "sourceKey", "manual:" + type))
                    .post("/api/v1/organizations/" + org + "/review-tasks").then().statusCode(201);
        }
        List<Callable<Integer>> writers = new ArrayList<>();
        for (String type : List.of("mission", "vision", "strategy")) {
            writers.add(() -> {
                draft(org, type, statement("Tweede " + type));
                return adopt(org, type, 2, null).statusCode();
            });
        }
        for (int i = 0; i < 4; i++) {
            int n = i;
            writers.add(() -> asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "STRATEGIC", "title", "Doel " + n, "serves", List.of("vision")))
                    .post("/api/v1/organizations/" + org + "/goals").statusCode());
        }
        writers.add(() -> Translations.create(org, "values", 1, "fr", "APPROVED", itemsContent(item("respect", "Respect", null, "Nous demandons."))).statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            for (Future<Integer> result : pool.invokeAll(writers, 120, TimeUnit.SECONDS)) {
                assertThat(result.get()).isBetween(200, 201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stamp(org)).isEqualTo(transactionsWithEvents(org));
    }

    private static Response readFrench(String org, TestKeys.IssuedKey reader) {
        return as(reader.key()).queryParam("lang", "fr").get("/api/v1/organizations/" + org + "/values/current");
    }

    private static Response readFrench(String org, TestKeys.IssuedKey reader, String ifNoneMatch) {
        return as(reader.key()).queryParam("lang", "fr").header("If-None-Match", ifNoneMatch).get("/api/v1/organizations/" + org + "/values/current");
    }

    private long stamp(String org) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return stamp(connection, org);
        }
    }

    private static long stamp(Connection connection, String org) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select s.stamp from organization_stamp s join organization o on o.id = s.organization_id where o.slug = ?")) {
            query.setString(1, org);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a stamp row for %s", org).isTrue();
                return row.getLong(1);
            }
        }
    }

    private long transactionsWithEvents(String org) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select count(distinct e.tx_id) from event e join organization o on o.id = e.organization_id where o.slug = ?")) {
            query.setString(1, org);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The event a change writes (its type and data do not matter to the stamp). */
    private static void insertEvent(Connection connection, String org) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into event (organization_id, organization, type, occurred_at, data)"
                + " select id, slug, 'element.translation.changed', now(), '{}'::jsonb from organization where slug = ?")) {
            insert.setString(1, org);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    /** Rewrites the French translation of values version 1 (as another replica's write would, revision included). */
    private static void updateTranslation(Connection connection, String org, String behaviour) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update element_translation t"
                + " set content = cast(? as jsonb), revision = t.revision + 1, updated_at = now()"
                + " from element_version v, element e, organization o"
                + " where t.version_id = v.id and v.element_id = e.id and e.organization_id = o.id"
                + " and o.slug = ? and e.type = 'VALUES' and v.number = 1 and t.language = 'fr'")) {
            update.setString(1, "{\"statement\": null, \"items\": [{\"key\": \"respect\", \"title\": \"Respect\", \"description\": null, \"behaviours\": [\""
                    + behaviour + "\"]}]}");
            update.setString(2, org);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<String> eventTypes(String org) {
        return asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items.type", String.class);
    }
}
