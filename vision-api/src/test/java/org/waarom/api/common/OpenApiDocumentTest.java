package org.waarom.api.common;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is the contract integrators read: every endpoint, its errors, schemas and examples. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyOperationIsDescribedWithItsSuccessAndProblemAnswers() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        assertThat(paths).containsKeys(
                "/api/v1/element-types",
                "/api/v1/organizations",
                "/api/v1/organizations/{org}",
                "/api/v1/organizations/{org}/elements",
                "/api/v1/organizations/{org}/elements/{type}",
                "/api/v1/organizations/{org}/elements/{type}/versions",
                "/api/v1/organizations/{org}/elements/{type}/versions/{n}",
                "/api/v1/organizations/{org}/elements/{type}/versions/{n}/adopt",
                "/api/v1/organizations/{org}/elements/{type}/versions/{n}/restore",
                "/api/v1/organizations/{org}/elements/{type}/versions/{n}/diff");
        Set<Object> operationIds = new java.util.HashSet<>();
        Set<Object> usedTags = new java.util.TreeSet<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            @SuppressWarnings("unchecked") Map<String, Object> operation = (Map<String, Object>) value;
            String name = method.toUpperCase() + " " + path;
            assertThat(operation.get("summary")).as(name + " summary").isNotNull();
            // The operationId names the method of a generated client: every operation has one of its own.
            assertThat(operation.get("operationId")).as(name + " operationId").isNotNull();
            assertThat(operationIds.add(operation.get("operationId"))).as(name + " operationId " + operation.get("operationId") + " is unique").isTrue();
            usedTags.addAll((List<?>) operation.get("tags"));
            @SuppressWarnings("unchecked") Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses.keySet()).as(name + " responses").anyMatch(code -> code.startsWith("2")).contains("400", "401", "403", "429", "500");
            if (path.contains("{")) {
                assertThat(responses).as(name).containsKey("404");
            }
            boolean ifMatch = ((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())).stream()
                    .anyMatch(parameter -> "If-Match".equals(parameter.get("name")));
            if (ifMatch) {
                assertThat(responses).as(name).containsKeys("409", "412", "428");
            }
            // The HTTP layer reads any body up to the limit before the operation is known.
            assertThat(responses).as(name).containsKey("413");
            if (operation.containsKey("requestBody")) {
                assertThat(responses).as(name).containsKeys("413", "415");
            }
            // A body without a Content-Type, or not in UTF-8, is 415 wherever a body can be sent, also where none is read.
            if (List.of("post", "put", "patch").contains(method)) {
                assertThat(responses).as(name).containsKey("415");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    @SuppressWarnings("unchecked") Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                    assertThat(content).as(name + " " + code).containsKey("application/problem+json");
                    assertThat(content.get("application/problem+json")).as(name + " " + code + " example").containsKey("example");
                }
            });
        }));
        // What the HTTP server refuses before any operation is chosen, with an empty body, no operation can list: info says it.
        assertThat(document.getString("info.description")).contains("414").contains("431").contains("empty body");
        // Each tag once, described (a tag used on several classes is described on one of them).
        List<Map<String, Object>> tags = document.getList("tags");
        assertThat(tags.stream().map(tag -> tag.get("name")).toList()).doesNotHaveDuplicates().containsAll(usedTags);
        tags.forEach(tag -> assertThat((String) tag.get("description")).as(tag.get("name") + " description").isNotBlank());
        assertThat(document.getMap("components.schemas")).containsKeys("Problem", "Version", "Content", "ContentItem", "VersionDiff",
                "Organization", "CreateOrganization", "VersionRequest", "ElementType");
        assertThat(document.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        // The event feed lists every event type with an example payload.
        Map<String, Object> examples = document.getMap("paths.'/api/v1/events'.get.responses.'200'.content.'application/json'.examples");
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(org.waarom.api.event.EventType.values()).map(org.waarom.api.event.EventType::value).toList());
        assertThat(document.getString("paths.'/api/v1/events'.get.responses.'200'.content.'application/json'.examples.'goal.reached'.value.items[0].data.cause"))
                .isEqualTo("OPERATIONAL_GOALS");
        assertThat(document.getList("security")).isNotEmpty();
        assertThat(document.getString("components.schemas.ContentItem.properties.key.pattern")).isEqualTo("^[a-z0-9][a-z0-9-]{0,62}$");
    }

    /**
     * What generated clients rely on beyond what every answer proves (that is the contract filter's work): events typed
     * per type, typed parameters, strict request bodies, one server, OpenAPI 3.0.3.
     */
    @Test
    void generatedClientsGetTypedEventsParametersAndStrictBodies() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(document.getString("openapi")).isEqualTo("3.0.3");
        assertThat(document.getList("servers.url")).containsExactly("/");

        Map<String, String> mapping = document.getMap("components.schemas.Event.discriminator.mapping");
        assertThat(document.getString("components.schemas.Event.discriminator.propertyName")).isEqualTo("type");
        for (org.waarom.api.event.EventType type : org.waarom.api.event.EventType.values()) {
            String envelope = mapping.get(type.value()).replace("#/components/schemas/", "");
            assertThat(document.getList("components.schemas." + envelope + ".properties.type.enum")).as(type.value()).containsExactly(type.value());
            String payload = document.getString("components.schemas." + envelope + ".properties.data.$ref").replace("#/components/schemas/", "");
            assertThat(document.getMap("components.schemas." + payload + ".properties")).as(type.value() + " payload").isNotEmpty();
        }
        assertThat(document.getString("components.schemas.VersionAdoptedEvent.properties.data.$ref")).endsWith("/VersionAdoption");
        assertThat(document.getString("paths.'/api/v1/organizations/{org}/webhooks'.post.callbacks.event.'{$request.body#/url}'.post"
                + ".requestBody.content.'application/json'.schema.$ref")).endsWith("/Event");

        assertThat(document.getList("components.schemas.ElementTypeName.enum")).containsExactly("mission", "vision", "values", "strategy");
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            @SuppressWarnings("unchecked") Map<String, Object> operation = (Map<String, Object>) value;
            @SuppressWarnings("unchecked") List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            for (Map<String, Object> parameter : parameters) {
                @SuppressWarnings("unchecked") Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
                String name = method + " " + path + " " + parameter.get("name");
                if (Set.of("n", "id", "page", "size", "limit", "against").contains(parameter.get("name"))) {
                    assertThat(schema.get("type")).as(name).isEqualTo("integer");
                    assertThat(schema).as(name).containsKey("minimum");
                }
                if ("type".equals(parameter.get("name")) && "path".equals(parameter.get("in"))) {
                    assertThat(schema.get("$ref")).as(name).isEqualTo("#/components/schemas/ElementTypeName");
                }
            }
        }));
        // The API refuses unknown fields (400): a request body says so.
        assertThat(document.getBoolean("components.schemas.VersionRequest.additionalProperties")).isFalse();
        assertThat(document.getBoolean("components.schemas.CreateOrganization.additionalProperties")).isFalse();
        // Adopting needs no body; drafting does.
        String versions = "paths.'/api/v1/organizations/{org}/elements/{type}/versions";
        assertThat(document.getBoolean(versions + "/{n}/adopt'.post.requestBody.required")).isFalse();
        assertThat(document.getBoolean(versions + "'.post.requestBody.required")).isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
