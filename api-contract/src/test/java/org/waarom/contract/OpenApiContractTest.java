package org.waarom.contract;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The filter fails a test exactly when an exchange breaks the document: a stand-in API serves a small document and
 * answers that keep or break it. (Installed for every test, like in the modules that use it.)
 */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.3", "info": {"title": "stand-in", "version": "1"},
             "paths": {
               "/api/things/{id}": {"get": {"operationId": "getThing",
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
                 "responses": {
                   "200": {"description": "A thing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                   "404": {"description": "No such thing", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
               "/api/things": {"post": {"operationId": "createThing",
                 "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}}},
                 "responses": {
                   "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                   "400": {"description": "Invalid", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
             "components": {"schemas": {
               "Kind": {"type": "string", "enum": ["SMALL", "LARGE"]},
               "NewThing": {"type": "object", "required": ["name"], "additionalProperties": false,
                            "properties": {"name": {"type": "string", "minLength": 1}}},
               "Thing": {"type": "object", "required": ["id", "name", "kind", "note"],
                         "properties": {"id": {"type": "integer"}, "name": {"type": "string"},
                                        "kind": {"type": "string", "enum": ["SMALL", "LARGE", null], "nullable": true},
                                        "note": {"type": "string", "nullable": true}}}}}}
            """;

    private static WireMockServer api;

    @BeforeAll
    static void start() {
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        OpenApiContract.install();
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void serveDocument() {
        api.resetAll();
        api.stubFor(get(urlPathEqualTo("/q/openapi")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(DOCUMENT)));
    }

    @Test
    void anAnswerAsDescribedPassesIncludingNullWhereTheDocumentAllowsIt() {
        answer(get(urlPathEqualTo("/api/things/1")), 200, "application/json", "{\"id\": 1, \"name\": \"a\", \"kind\": null, \"note\": null}");
        assertThatCode(() -> given().baseUri(api.baseUrl()).get("/api/things/1")).doesNotThrowAnyException();
    }

    @Test
    void aNullWhereTheDocumentAllowsNoneFailsTheTest() {
        answer(get(urlPathEqualTo("/api/things/1")), 200, "application/json", "{\"id\": 1, \"name\": null, \"kind\": \"SMALL\", \"note\": \"x\"}");
        assertThatThrownBy(() -> given().baseUri(api.baseUrl()).get("/api/things/1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/name");
    }

    @Test
    void aMissingRequiredOrAnUndeclaredPropertyFailsTheTest() {
        answer(get(urlPathEqualTo("/api/things/1")), 200, "application/json", "{\"id\": 1, \"name\": \"a\", \"kind\": \"SMALL\", \"extra\": 1}");
        assertThatThrownBy(() -> given().baseUri(api.baseUrl()).get("/api/things/1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("note").hasMessageContaining("extra");
    }

    @Test
    void aStatusTheOperationDoesNotDeclareFailsTheTest() {
        answer(get(urlPathEqualTo("/api/things/1")), 409, "application/problem+json", "{}");
        assertThatThrownBy(() -> given().baseUri(api.baseUrl()).get("/api/things/1"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("409");
    }

    @Test
    void aRequestTheDocumentRefusesMustBeRefusedByTheApi() {
        answer(post(urlPathEqualTo("/api/things")), 201, "application/json", "{\"id\": 2, \"name\": \"a\", \"kind\": null, \"note\": null}");
        assertThatThrownBy(() -> given().baseUri(api.baseUrl()).contentType(ContentType.JSON).body("{\"name\": \"a\", \"colour\": \"red\"}").post("/api/things"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("refuses the request");

        answer(post(urlPathEqualTo("/api/things")), 400, "application/problem+json", "{\"status\": 400}");
        assertThatCode(() -> given().baseUri(api.baseUrl()).contentType(ContentType.JSON).body("{\"name\": \"a\", \"colour\": \"red\"}").post("/api/things"))
                .doesNotThrowAnyException();
    }

    @Test
    void aPathTheDocumentDoesNotHaveMustBeAnswered404AsAProblem() {
        answer(get(urlPathEqualTo("/api/nothing")), 404, "application/problem+json", "{\"status\": 404}");
        assertThatCode(() -> given().baseUri(api.baseUrl()).get("/api/nothing")).doesNotThrowAnyException();

        answer(get(urlPathEqualTo("/api/nothing")), 200, "application/json", "{}");
        assertThatThrownBy(() -> given().baseUri(api.baseUrl()).get("/api/nothing"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no operation");
    }

    private static void answer(MappingBuilder request, int status, String contentType, String body) {
        api.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
    }
}
