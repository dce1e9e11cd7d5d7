package org.waarom.api.apikey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.newOrganization;

/**
 * API keys (docs/api-guide.md#credentials-and-roles): random, shown once, stored hashed, scoped, revocable,
 * with a last-used time.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ApiKeyLifecycleTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewKeyIsShownOnceAtCreationAndNeverAgain() {
        String org = newOrganization("keys");
        String operator = asAdmin().get("/api/v1/me").path("name");
        Instant before = Instant.now().minusSeconds(1);
        Response created = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "hr-system", "roles", List.of("reader")))
                .post(orgKeys(org))
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("name", equalTo("hr-system"))
                .body("organization", equalTo(org))
                .body("roles", contains("reader"))
                .body("createdBy", equalTo(operator))
                .body("lastUsedAt", nullValue())
                .body("revokedAt", nullValue())
                .extract().response();
        String key = created.path("key");
        long id = created.jsonPath().getLong("id");
        assertThat(key).startsWith("wrm_").hasSizeGreaterThanOrEqualTo(4 + 43); // 256 random bits, URL-safe Base64
        assertThat((String) created.path("prefix")).isEqualTo(key.substring(0, 10));
        assertThat(Instant.parse(created.path("createdAt"))).isAfter(before);
        assertThat(created.header("Location")).endsWith(orgKeys(org) + "/" + id);

        // The Location, the list and the key's own answers never hold the key again.
        Response read = asAdmin().get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo((int) id)).body("name", equalTo("hr-system")).body("key", nullValue())
                .extract().response();
        assertThat(read.asString()).doesNotContain(key);
        Response list = asAdmin().get(orgKeys(org)).then().statusCode(200)
                .body("items.name", hasItem("hr-system")).body("items.key", everyItem(nullValue()))
                .extract().response();
        assertThat(list.asString()).doesNotContain(key);
        assertThat(as(key).get("/api/v1/me").asString()).doesNotContain(key);

        // A second key is a different key.
        String second = TestKeys.organizationKey(org, "reader").key();
        assertThat(second).isNotEqualTo(key).startsWith("wrm_");
    }

    @Test
    void theKeyWorksAndRecordsWhenItWasLastUsed() {
        String org = newOrganization("keyuse");
        TestKeys.IssuedKey key = TestKeys.organizationKey(org, "editor", "approver");
        asAdmin().get(orgKeys(org) + "/" + key.id()).then().body("lastUsedAt", nullValue());
        Instant before = Instant.now().minusSeconds(1);

        as(key.key()).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo(key.name()))
                .body("credential", equalTo("key:" + key.id()))
                .body("platformRoles", emptyIterable())
                .body("organizations." + org, contains("editor", "approver"))
                .body("organizations.size()", equalTo(1));

        String lastUsed = asAdmin().get(orgKeys(org) + "/" + key.id()).then().statusCode(200)
                .body("lastUsedAt", notNullValue()).extract().path("lastUsedAt");
        assertThat(Instant.parse(lastUsed)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        asAdmin().get(orgKeys(org)).then().body("items.find { it.id == " + key.id() + " }.lastUsedAt", equalTo(lastUsed));
    }

    @Test
    void onlyTheSha256OfTheKeyIsStored() throws Exception {
        String org = newOrganization("hashed");
        TestKeys.IssuedKey key = TestKeys.organizationKey(org, "reader");
        as(key.key()).get("/api/v1/me").then().statusCode(200); // used: last-used written, audit untouched by a GET

        List<String> row = rows("select * from api_key where id = ?", key.id()).get(0);
        assertThat(row).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.key().getBytes(StandardCharsets.UTF_8))));
        for (String table : List.of("api_key", "audit_entry")) {
            assertThat(rows("select * from " + table, null)).as(table)
                    .allSatisfy(values -> assertThat(values).noneMatch(value -> value != null && value.contains(key.key())));
        }
    }

    @Test
    void aRevokedKeyAnswers401AndRevokingTwiceIsAConflict() {
        String org = newOrganization("revoke");
        TestKeys.IssuedKey key = TestKeys.organizationKey(org, "reader");
        as(key.key()).get("/api/v1/organizations/" + org).then().statusCode(200);

        asAdmin().delete(orgKeys(org) + "/" + key.id()).then().statusCode(204);

        as(key.key()).get("/api/v1/organizations/" + org).then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"));
        as(key.key()).get("/api/v1/me").then().statusCode(401);
        asAdmin().get(orgKeys(org) + "/" + key.id()).then().statusCode(200).body("revokedAt", notNullValue());
        asAdmin().get(orgKeys(org)).then().body("items.find { it.id == " + key.id() + " }.revokedAt", notNullValue());
        asAdmin().delete(orgKeys(org) + "/" + key.id()).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", endsWith("/conflict"))
                .body("detail", startsWith("API key " + key.id() + " was already revoked"));
    }

    @Test
    void unknownRolesAndInvalidRequestsAre400NamingTheField() {
        String org = newOrganization("badroles");
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("superuser")))
                .post(orgKeys(org)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("roles[0]"))
                .body("errors[0].message", equalTo("must be one of admin, editor, approver, quality-manager, contributor, reader"));
        // A platform role cannot be handed out by an organisation: that would make any org admin an operator.
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("reader", "platform-admin")))
                .post(orgKeys(org)).then().statusCode(400).body("errors.field", contains("roles[1]"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("service")))
                .post(orgKeys(org)).then().statusCode(400).body("errors.field", contains("roles[0]"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", " ", "roles", List.of()))
                .post(orgKeys(org)).then().statusCode(400).body("errors.field", hasItems("name", "roles"));
        asAdmin().get(orgKeys(org)).then().body("total", equalTo(0));
    }

    @Test
    void platformKeysAreForTheOperatorOnlyAndCarryOnlyPlatformRoles() {
        String org = newOrganization("platkeys");
        TestKeys.IssuedKey orgAdmin = TestKeys.organizationKey(org, "admin");

        Response created = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "review-scheduler", "roles", List.of("service")))
                .post("/api/v1/api-keys").then().statusCode(201)
                .body("organization", nullValue()).body("roles", contains("service")).body("key", startsWith("wrm_"))
                .extract().response();
        long id = created.jsonPath().getLong("id");
        assertThat(created.header("Location")).endsWith("/api/v1/api-keys/" + id);
        as(created.path("key")).get("/api/v1/me").then().statusCode(200)
                .body("credential", equalTo("key:" + id)).body("platformRoles", contains("service")).body("organizations.size()", equalTo(0));
        asAdmin().get(created.header("Location")).then().statusCode(200).body("key", nullValue());
        asAdmin().get("/api/v1/api-keys?size=200").then().statusCode(200).body("items.key", everyItem(nullValue()));

        // A new platform-admin key is a full operator.
        String operator = TestKeys.platformKey("platform-admin").key();
        as(operator).contentType(ContentType.JSON).body(Map.of("slug", org + "-2", "name", "Tweede"))
                .post("/api/v1/organizations").then().statusCode(201);

        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("editor")))
                .post("/api/v1/api-keys").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("roles[0]")).body("errors[0].message", equalTo("must be platform-admin or service"));

        // An organisation's admin cannot touch platform keys …
        as(orgAdmin.key()).contentType(ContentType.JSON).body(Map.of("name", "escalate", "roles", List.of("platform-admin")))
                .post("/api/v1/api-keys").then().statusCode(403).contentType(PROBLEM_JSON);
        as(orgAdmin.key()).get("/api/v1/api-keys").then().statusCode(403);
        as(orgAdmin.key()).get("/api/v1/api-keys/" + id).then().statusCode(403);
        as(orgAdmin.key()).delete("/api/v1/api-keys/" + id).then().statusCode(403);
        // … nor reach them through its own organisation's path …
        as(orgAdmin.key()).get(orgKeys(org) + "/" + id).then().statusCode(404).body("detail", equalTo("There is no API key " + id));
        as(orgAdmin.key()).delete(orgKeys(org) + "/" + id).then().statusCode(404).body("detail", equalTo("There is no API key " + id));
        // … and an organisation key is not a platform key.
        asAdmin().delete("/api/v1/api-keys/" + orgAdmin.id()).then().statusCode(404);
        as(created.path("key")).get("/api/v1/me").then().statusCode(200);
        as(orgAdmin.key()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void anOrganisationAdminCannotSeeOrRevokeAnotherOrganisationsKeys() {
        String mine = newOrganization("mine");
        String theirs = newOrganization("theirs");
        TestKeys.IssuedKey myAdmin = TestKeys.organizationKey(mine, "admin");
        TestKeys.IssuedKey theirKey = TestKeys.organizationKey(theirs, "reader");
        String unknownKeyDetail = as(myAdmin.key()).get(orgKeys(mine) + "/999999999").then().statusCode(404).extract().path("detail");
        assertThat(unknownKeyDetail).isEqualTo("There is no API key 999999999");

        as(myAdmin.key()).get(orgKeys(theirs)).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", equalTo("There is no organisation '" + theirs + "'"));
        as(myAdmin.key()).get(orgKeys(theirs) + "/" + theirKey.id()).then().statusCode(404);
        as(myAdmin.key()).delete(orgKeys(theirs) + "/" + theirKey.id()).then().statusCode(404);
        // Through its own organisation's path, their key is as unknown as a key that never existed.
        as(myAdmin.key()).get(orgKeys(mine) + "/" + theirKey.id()).then().statusCode(404)
                .body("detail", equalTo("There is no API key " + theirKey.id()));
        as(myAdmin.key()).delete(orgKeys(mine) + "/" + theirKey.id()).then().statusCode(404)
                .body("detail", equalTo("There is no API key " + theirKey.id()));
        as(myAdmin.key()).get(orgKeys(mine)).then().statusCode(200)
                .body("items.id", not(hasItem((int) theirKey.id()))).body("items.organization", everyItem(equalTo(mine)));

        as(theirKey.key()).get("/api/v1/organizations/" + theirs).then().statusCode(200);
    }

    @Test
    void theOrganisationListShowsOnlyTheOrganisationsTheKeyHasARoleIn() {
        String mine = newOrganization("listmine");
        String theirs = newOrganization("listtheirs");
        TestKeys.IssuedKey reader = TestKeys.organizationKey(mine, "reader");
        as(reader.key()).get("/api/v1/organizations").then().statusCode(200)
                .body("items.slug", contains(mine)).body("total", equalTo(1));
        asAdmin().get("/api/v1/organizations?size=200").then().statusCode(200)
                .body("items.slug", hasItems(mine, theirs));
        TestKeys.IssuedKey service = TestKeys.platformKey("service");
        as(service.key()).get("/api/v1/organizations?size=200").then().statusCode(200).body("items.slug", hasItems(mine, theirs));
    }

    private static String orgKeys(String org) {
        return "/api/v1/organizations/" + org + "/api-keys";
    }

    /** Every row of the query as strings, column by column. */
    private List<List<String>> rows(String sql, Long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
            assertThat(rows).as(sql).isNotEmpty();
            return rows;
        }
    }
}
