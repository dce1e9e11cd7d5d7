package org.waarom.api.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.links;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.webhook.WebhookTestSupport.webhooks;

/** Registering, reading and deleting webhooks: what an admin sees, and what is refused. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class WebhookResourceTest {

    private static final String RECEIVER = "https://hr.zorg-a.example/hooks/waarom";

    private final WebhookTestSupport hooks = new WebhookTestSupport();

    @AfterEach
    void removeWebhooks() {
        hooks.deleteAll();
    }

    @Test
    void aWebhookIsCreatedWithAGeneratedSecretShownOnlyInTheAnswerToItsCreation() {
        String org = newOrganization("hooks-crud");
        Response created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER, "events", List.of("element.version.adopted", "goal.reached")))
                .post(webhooks(org));
        created.then().statusCode(201)
                .header("Location", endsWith(webhooks(org) + "/" + created.jsonPath().getLong("id")))
                .body("url", equalTo(RECEIVER))
                .body("events", equalTo(List.of("element.version.adopted", "goal.reached")))
                .body("enabled", equalTo(true))
                .body("createdBy", equalTo("bootstrap-admin"));
        long id = created.jsonPath().getLong("id");
        String secret = created.jsonPath().getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeBetween(24, 64);

        // Never again: not when read, not when listed.
        Response read = asAdmin().get(webhooks(org) + "/" + id);
        read.then().statusCode(200).body("id", equalTo((int) id)).body("url", equalTo(RECEIVER)).body("enabled", equalTo(true));
        assertThat(read.jsonPath().getMap("$")).doesNotContainKey("secret");
        assertThat(read.asString()).doesNotContain(secret);
        Response list = asAdmin().get(webhooks(org));
        list.then().statusCode(200).body("items.id", equalTo(List.of((int) id))).body("total", equalTo(1)).body("page", equalTo(0));
        assertThat(list.asString()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(links(list.header("Link"))).containsKeys("first", "last");

        // A new webhook has an empty delivery log.
        asAdmin().get(webhooks(org) + "/" + id + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0));

        asAdmin().delete(webhooks(org) + "/" + id).then().statusCode(204);
        assertProblem(asAdmin().get(webhooks(org) + "/" + id), 404, "not-found");
        assertProblem(asAdmin().delete(webhooks(org) + "/" + id), 404, "not-found");
        asAdmin().get(webhooks(org)).then().body("total", equalTo(0));
    }

    @Test
    void aGivenSecretIsKeptAndAllTypesCanBeSubscribedWithAStar() {
        String org = newOrganization("hooks-secret");
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        JsonPath created = hooks.create(org, RECEIVER, List.of("*"), secret);
        assertThat(created.getString("secret")).isEqualTo(secret);
        assertThat(created.getList("events", String.class)).containsExactly("*");
    }

    @Test
    void invalidWebhooksAreRefusedNamingTheField() {
        String org = newOrganization("hooks-invalid");
        for (String url : List.of("not a url", "ftp://hr.zorg-a.example/x", "/hooks/waarom", "https://", "mailto:hr@zorg-a.example",
                "https://user:password@hr.zorg-a.example/hooks")) {
            Response answer = post(org, Map.of("url", url, "events", List.of("*")));
            assertProblem(answer, 400, "invalid-request");
            assertThat(errorFields(answer)).as(url).containsExactly("url");
        }
        Response unknownType = post(org, Map.of("url", RECEIVER, "events", List.of("element.version.adopted", "element.version.eaten")));
        assertProblem(unknownType, 400, "invalid-request");
        assertThat(errorFields(unknownType)).containsExactly("events[1]");
        assertThat(unknownType.jsonPath().getString("errors[0].message")).contains("element.version.adopted", "webhook.disabled");

        assertThat(errorFields(post(org, Map.of("url", RECEIVER, "events", List.of())))).containsExactly("events");
        assertThat(errorFields(post(org, Map.of("events", List.of("*"))))).containsExactly("url");
        for (String secret : List.of("secret", "whsec_not*base64!", "whsec_" + Base64.getEncoder().encodeToString(new byte[16]),
                "whsec_" + Base64.getEncoder().encodeToString(new byte[65]), Base64.getEncoder().encodeToString(new byte[32]))) {
            Response answer = post(org, Map.of("url", RECEIVER, "events", List.of("*"), "secret", secret));
            assertProblem(answer, 400, "invalid-request");
            assertThat(errorFields(answer)).as(secret).containsExactly("secret");
        }
        // Everything wrong at once: every field named.
        Response allWrong = post(org, Map.of("url", "ftp://x", "events", List.of("nope"), "secret", "whsec_"));
        assertThat(errorFields(allWrong)).containsExactlyInAnyOrder("url", "events[0]", "secret");
        asAdmin().get(webhooks(org)).then().body("total", equalTo(0));
    }

    @Test
    void anotherOrganisationsWebhookIsNotFound() {
        String org = newOrganization("hooks-own");
        String other = newOrganization("hooks-other");
        long id = hooks.create(org, RECEIVER, List.of("*"), null).getLong("id");
        assertProblem(asAdmin().get(webhooks(other) + "/" + id), 404, "not-found");
        assertProblem(asAdmin().get(webhooks(other) + "/" + id + "/deliveries"), 404, "not-found");
        assertProblem(asAdmin().delete(webhooks(other) + "/" + id), 404, "not-found");
        asAdmin().get(webhooks(other)).then().body("total", equalTo(0));
        assertProblem(asAdmin().get(webhooks(org) + "/nope"), 404, "not-found");
        assertProblem(asAdmin().get(webhooks("no-such-org")), 404, "not-found");
        // Still there for its own organisation.
        asAdmin().get(webhooks(org) + "/" + id).then().statusCode(200);
    }

    @Test
    void onlyOrganisationAdminsManageWebhooks() {
        String org = newOrganization("hooks-roles");
        String reader = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "intranet", "roles", List.of("reader")))
                .post("/api/v1/organizations/" + org + "/api-keys").then().statusCode(201).extract().path("key");
        String admin = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "hr-admin", "roles", List.of("admin")))
                .post("/api/v1/organizations/" + org + "/api-keys").then().statusCode(201).extract().path("key");
        assertProblem(as(reader).get(webhooks(org)), 403, "forbidden");
        assertProblem(as(reader).contentType(ContentType.JSON).body(Map.of("url", RECEIVER, "events", List.of("*"))).post(webhooks(org)), 403, "forbidden");
        long id = as(admin).contentType(ContentType.JSON).body(Map.of("url", RECEIVER, "events", List.of("*"))).post(webhooks(org))
                .then().statusCode(201).body("createdBy", equalTo("hr-admin")).extract().jsonPath().getLong("id");
        as(admin).get(webhooks(org)).then().statusCode(200).body("total", equalTo(1));
        as(admin).delete(webhooks(org) + "/" + id).then().statusCode(204);
    }

    @Test
    void theOpenApiDocumentDescribesTheWebhooksAndTheirSignature() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(document.getMap("paths")).containsKeys("/api/v1/organizations/{org}/webhooks", "/api/v1/organizations/{org}/webhooks/{id}",
                "/api/v1/organizations/{org}/webhooks/{id}/deliveries");
        assertThat(document.getMap("components.schemas")).containsKeys("Webhook", "CreateWebhook", "WebhookDelivery", "WebhookPage", "WebhookDeliveryPage");
        assertThat(document.getString("paths.'/api/v1/organizations/{org}/webhooks'.post.description"))
                .contains("webhook-signature", "webhook-id", "webhook-timestamp", "HMAC-SHA256");
        assertThat(document.getString("components.schemas.CreateWebhook.properties.secret.example")).startsWith("whsec_");
    }

    private static Response post(String org, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(webhooks(org));
    }
}
