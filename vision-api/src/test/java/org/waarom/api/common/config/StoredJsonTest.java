package org.waarom.api.common.config;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * The jsonb columns that entities map to Java types (issue 17): a row written before, when the services wrote and read
 * the JSON themselves with the application's ObjectMapper, reads as it did; and what is written now is the same JSON
 * value as the services wrote then (jsonb compares values: an absent field is not a null one).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class StoredJsonTest {

    /* As the services wrote them before: every field of a record, null ones too, but an item's null title or description left out. */
    private static final String CONTENT = "{\"statement\":null,\"items\":[{\"key\":\"respect\",\"title\":\"Respect\",\"behaviours\":[\"We listen first.\"]}]}";
    private static final String TRANSLATED = "{\"statement\":null,\"items\":[{\"key\":\"respect\",\"title\":\"Respect\","
            + "\"description\":\"Nous écoutons.\",\"behaviours\":[\"Nous écoutons d'abord.\"]}]}";
    private static final String PEOPLE = "[{\"name\":\"An Peeters\",\"email\":\"an@zorg-a.be\"}]";
    private static final String RECIPIENTS = "[{\"name\":\"An Peeters\",\"email\":\"an@zorg-a.be\"},{\"name\":null,\"email\":\"bert@zorg-a.be\"}]";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rowsWrittenBeforeReadAsTheyDid() throws SQLException {
        String org = newOrganization("storedjson");
        long task = openTask(org);
        long reminder;
        try (Connection connection = dataSource.getConnection()) {
            long version = insertValuesVersion(connection, org);
            insertFrenchText(connection, version);
            insertVisionPolicy(connection, org);
            reminder = insertReminder(connection, task);
        }

        asAdmin().get(versions(org, "values") + "/1").then().statusCode(200)
                .body("content.statement", nullValue())
                .body("content.items", equalTo(List.of(Map.of("key", "respect", "title", "Respect", "behaviours", List.of("We listen first.")))));
        asAdmin().get(versions(org, "values") + "/1/translations/fr").then().statusCode(200)
                .body("content.statement", nullValue())
                .body("content.items", equalTo(List.of(Map.of("key", "respect", "title", "Respect", "description", "Nous écoutons.",
                        "behaviours", List.of("Nous écoutons d'abord.")))));

        Map<String, Object> policy = asAdmin().get("/api/v1/organizations/" + org + "/review-policies").then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.element == 'vision' }");
        assertThat(policy).containsEntry("custom", true).containsEntry("cycle", "P2Y")
                .containsEntry("assignees", List.of(Map.of("name", "An Peeters", "email", "an@zorg-a.be")))
                .containsEntry("escalateTo", List.of());

        asAdmin().get(reminders(org, task) + "/" + reminder).then().statusCode(200)
                .body("recipients", equalTo(List.of(Map.of("name", "An Peeters", "email", "an@zorg-a.be"), recipient(null, "bert@zorg-a.be"))));
        // The recipients read as before also make the links of a reminder sent again, and count in the event of one sent.
        asAdmin().post(reminders(org, task) + "/" + reminder + "/links").then().statusCode(200)
                .body("links", hasSize(2)).body("links[1].recipient.email", equalTo("bert@zorg-a.be"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "SENT")).patch(reminders(org, task) + "/" + reminder)
                .then().statusCode(200).body("status", equalTo("SENT"));
        List<Map<String, Object>> reminded = asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.type == 'review-task.reminded' }.data");
        assertThat(reminded).singleElement().satisfies(data -> assertThat(data).containsEntry("recipients", 2));
    }

    @Test
    void whatIsWrittenNowIsTheJsonWrittenBefore() throws SQLException {
        String org = newOrganization("storedjsonnow");
        draft(org, "values", values(value("respect", "Respect", "We listen first.")));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "cycle", "P2Y", "onGoalReached", false,
                        "assignees", List.of(Map.of("name", "An Peeters", "email", "an@zorg-a.be"))))
                .put("/api/v1/organizations/" + org + "/review-policies/vision").then().statusCode(200);
        long task = openTask(org);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("kind", "UPCOMING", "channel", "EMAIL", "recipients", List.of(Map.of("name", "An Peeters", "email", "an@zorg-a.be"),
                        Map.of("email", "bert@zorg-a.be"))))
                .post(reminders(org, task)).then().statusCode(201);

        try (Connection connection = dataSource.getConnection()) {
            assertThat(count(connection, "select count(*) from element_version v join element e on e.id = v.element_id"
                    + " join organization o on o.id = e.organization_id where o.slug = ? and e.type = 'VALUES' and v.content = cast(? as jsonb)",
                    org, CONTENT)).isEqualTo(1);
            assertThat(count(connection, "select count(*) from review_policy p join organization o on o.id = p.organization_id"
                    + " where o.slug = ? and p.element = 'VISION' and p.assignees = cast(? as jsonb) and p.escalate_to = '[]'::jsonb",
                    org, PEOPLE)).isEqualTo(1);
            assertThat(count(connection, "select count(*) from review_reminder where task_id = cast(? as bigint) and recipients = cast(? as jsonb)",
                    String.valueOf(task), RECIPIENTS)).isEqualTo(1);
        }
    }

    private static Map<String, Object> recipient(String name, String email) {
        Map<String, Object> recipient = new HashMap<>();
        recipient.put("name", name);
        recipient.put("email", email);
        return recipient;
    }

    private static long openTask(String org) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("element", "vision", "reason", "CYCLE", "dueDate", "2027-01-01", "sourceKey", "cycle:vision:2027-01-01"))
                .post("/api/v1/organizations/" + org + "/review-tasks").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String reminders(String org, long task) {
        return "/api/v1/organizations/" + org + "/review-tasks/" + task + "/reminders";
    }

    /** Version 1 of the organisation's values, a draft, as a row written before. */
    private static long insertValuesVersion(Connection connection, String org) throws SQLException {
        try (PreparedStatement number = connection.prepareStatement("update element e set last_number = 1 from organization o"
                + " where e.organization_id = o.id and o.slug = ? and e.type = 'VALUES'")) {
            number.setString(1, org);
            assertThat(number.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into element_version"
                + " (element_id, number, status, content, change_reason, created_by, created_at, updated_by, updated_at)"
                + " select e.id, 1, 'DRAFT', cast(? as jsonb), 'test', 'before', now(), 'before', now()"
                + " from element e join organization o on o.id = e.organization_id where o.slug = ? and e.type = 'VALUES' returning id")) {
            insert.setString(1, CONTENT);
            insert.setString(2, org);
            return single(insert);
        }
    }

    private static void insertFrenchText(Connection connection, long version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into element_translation"
                + " (version_id, variant, language, status, content, created_by, created_at, updated_by, updated_at)"
                + " values (?, 'STANDARD', 'fr', 'APPROVED', cast(? as jsonb), 'before', now(), 'before', now())")) {
            insert.setLong(1, version);
            insert.setString(2, TRANSLATED);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static void insertVisionPolicy(Connection connection, String org) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into review_policy (organization_id, element, enabled, cycle,"
                + " on_goal_reached, remind_before, escalate_after, assignees, escalate_to, updated_by, updated_at)"
                + " select id, 'VISION', true, 'P2Y', false, 'P30D', 'P14D', cast(? as jsonb), cast('[]' as jsonb), 'before', now()"
                + " from organization where slug = ?")) {
            insert.setString(1, PEOPLE);
            insert.setString(2, org);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static long insertReminder(Connection connection, long task) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into review_reminder"
                + " (task_id, kind, channel, recipients, status, attempts, recorded_by, recorded_at, updated_at)"
                + " values (?, 'UPCOMING', 'EMAIL', cast(? as jsonb), 'PENDING', 0, 'before', now(), now()) returning id")) {
            insert.setLong(1, task);
            insert.setString(2, RECIPIENTS);
            return single(insert);
        }
    }

    private static long count(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            return single(query);
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }
}
