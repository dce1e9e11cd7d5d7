package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * The content rules (docs/api-guide.md#elements-and-versions) as a client meets them: 400 problem+json with
 * errors[].field, and nothing stored. Each content rule, its limits and its exact field path is a unit case in
 * {@link org.waarom.api.element.service.ContentValidatorTest}; here one request shows them reported together, one that
 * each type is held to its own rule, and one that the largest content they allow is stored. The rules of the request
 * around the content (content, changeReason, basedOn) and of an edit are checked here only.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ContentValidationTest {

    // ---------------------------------------------------------------------------------------------
    // The content rules: each is a unit case in ContentValidatorTest; here how a client meets them

    @Test
    void aDraftThatBreaksContentRulesIs400NamingEveryBrokenRuleAndStoresNothing() {
        String org = newOrganization("cv-all");
        Map<String, Object> noTitle = new HashMap<>();
        noTitle.put("key", "Bad Key");
        noTitle.put("behaviours", List.of());
        List<String> nullBehaviour = new ArrayList<>();
        nullBehaviour.add(null);
        Map<String, Object> withNullBehaviour = new HashMap<>(Map.of("key", "zorg", "title", "Zorg"));
        withNullBehaviour.put("behaviours", nullBehaviour);
        Response response = post(org, "values", body(Map.of("statement", "s".repeat(5001),
                "items", List.of(noTitle, value("ok", "OK", "Doen."), value("ok", "Nog eens", "Doen."), withNullBehaviour))));

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactlyInAnyOrder(
                "content.statement", "content.items[0].key", "content.items[0].title", "content.items[0].behaviours", "content.items[2].key",
                "content.items[3].behaviours[0]");
        assertThat(response.jsonPath().getList("errors.message", String.class)).allSatisfy(message -> assertThat(message).isNotBlank());
        assertNoVersions(org, "values");
        // The element is still free for a valid draft, numbered 1.
        draft(org, "values", values(value("respect", "Respect", "Doen."))).then().body("version", equalTo(1));
    }

    @Test
    void eachTypeIsHeldToItsOwnRule() {
        String org = newOrganization("cv-type");
        // Mission and vision need a statement (items do not replace it), values need a value, the strategy either.
        assertRefused(org, "mission", body(Map.of("items", List.of(item("diensten", "Diensten")))), "content.statement");
        assertRefused(org, "vision", body(Map.of("statement", "   ")), "content.statement");
        assertRefused(org, "values", body(Map.of("statement", "Alleen een zin.")), "content.items");
        assertRefused(org, "strategy", body(Map.of("statement", " ", "items", List.of())), "content");

        draft(org, "strategy", body(Map.of("items", List.of(item("kleinschalig", "Kleinschalig wonen")))))
                .then().body("content.items[0].key", equalTo("kleinschalig"));
    }

    @Test
    void theLargestContentTheRulesAllowIsStored() {
        String org = newOrganization("cv-max");
        String longestKey = "k".repeat(63);
        List<Map<String, Object>> items = IntStream.range(0, 50)
                .mapToObj(i -> value(i == 0 ? longestKey : "waarde-" + i, "Waarde " + i, "Gedrag " + i)).toList();
        draft(org, "values", body(Map.of("statement", "s".repeat(5000), "items", items)));

        asAdmin().get(versions(org, "values") + "/1").then().statusCode(200)
                .body("content.statement.length()", equalTo(5000))
                .body("content.items.size()", equalTo(50))
                .body("content.items[0].key", equalTo(longestKey));
    }

    // ---------------------------------------------------------------------------------------------
    // The request around the content

    @Test
    void contentIsRequired() {
        String org = newOrganization("cv-none");
        assertRefused(org, "vision", Map.of("changeReason", "Zonder inhoud"), "content");
    }

    @Test
    void aChangeReasonOver1000CharactersIsRefused() {
        String org = newOrganization("cv-reason");
        assertRefused(org, "vision", Map.of("content", Map.of("statement", "Een visie."), "changeReason", "r".repeat(1001)), "changeReason");
    }

    @Test
    void basedOnMustNameAnExistingVersion() {
        String org = newOrganization("cv-based");
        Response response = post(org, "vision", Map.of("content", Map.of("statement", "Een visie."), "basedOn", 3));

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("basedOn");
        assertThat(response.jsonPath().getString("errors[0].message")).contains("3");
        assertNoVersions(org, "vision");

        assertRefused(org, "vision", Map.of("content", Map.of("statement", "Een visie."), "basedOn", 0), "basedOn");
        assertRefused(org, "vision", Map.of("content", Map.of("statement", "Een visie."), "basedOn", -1), "basedOn");

        // With version 1 there, basedOn 1 is fine and basedOn 2 still is not.
        draft(org, "vision", statement("Versie een."));
        adopt(org, "vision", 1, null);
        assertRefused(org, "vision", Map.of("content", Map.of("statement", "Een visie."), "basedOn", 2), "basedOn");
        draft(org, "vision", Map.of("content", Map.of("statement", "Versie twee."), "basedOn", 1)).then().body("basedOn", equalTo(1));
    }

    // ---------------------------------------------------------------------------------------------
    // Editing a draft

    @Test
    void anEditWithInvalidContentIs400AndLeavesTheDraftUnchanged() {
        String org = newOrganization("cv-put");
        Response created = draft(org, "values", values(value("respect", "Respect", "We vragen eerst.")));
        String etag = created.header("ETag");
        String updatedAt = created.path("updatedAt");

        Response response = asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(values(value("respect", "Respect", "We vragen eerst."), value("zorg", "Zorg")))
                .put(versions(org, "values") + "/1");

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("content.items[1].behaviours");
        asAdmin().get(versions(org, "values") + "/1").then().statusCode(200)
                .header("ETag", etag)
                .body("content.items.size()", equalTo(1))
                .body("content.items[0].key", equalTo("respect"))
                .body("changeReason", equalTo("test"))
                .body("updatedAt", equalTo(updatedAt));

        // The same tag still works for a valid edit: the refused one changed nothing.
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(values(value("respect", "Respect", "We vragen eerst."), value("zorg", "Zorg", "We helpen.")))
                .put(versions(org, "values") + "/1").then().statusCode(200).body("content.items.size()", equalTo(2));
    }

    @Test
    void anEditWithAnUnknownBasedOnIs400AndLeavesTheDraftUnchanged() {
        String org = newOrganization("cv-putb");
        String etag = draft(org, "mission", statement("Eerste.")).header("ETag");

        Response response = asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("content", Map.of("statement", "Tweede."), "basedOn", 7))
                .put(versions(org, "mission") + "/1");

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("basedOn");
        asAdmin().get(versions(org, "mission") + "/1").then().header("ETag", etag).body("content.statement", equalTo("Eerste."));
    }

    @Test
    void contentIsStoredExactlyAsGiven() {
        String org = newOrganization("cv-exact");
        String text = "  <b>Niet vet</b> & \"geciteerd\" — één\nregel twee  ";
        draft(org, "vision", body(Map.of("statement", text, "items",
                List.of(Map.of("key", "a", "title", "<i>A</i>", "description", "x < y", "behaviours", List.of("  spaties  "))))))
                .then()
                .body("content.statement", equalTo(text))
                .body("content.items[0].title", equalTo("<i>A</i>"))
                .body("content.items[0].description", equalTo("x < y"))
                .body("content.items[0].behaviours[0]", equalTo("  spaties  "));
        asAdmin().get(versions(org, "vision") + "/1").then().body("content.statement", equalTo(text));
    }

    // ---------------------------------------------------------------------------------------------

    private static Response post(String org, String type, Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(versions(org, type));
    }

    /** POSTs {@code body} as a new draft and asserts a 400 problem naming exactly {@code field}, with nothing created. */
    private static void assertRefused(String org, String type, Object body, String field) {
        int before = asAdmin().get(versions(org, type)).then().statusCode(200).extract().path("total");
        Response response = post(org, type, body);
        assertProblem(response, 400);
        assertThat(errorFields(response)).as("errors of %s %s", type, body).containsExactly(field);
        asAdmin().get(versions(org, type)).then().body("total", equalTo(before));
    }

    private static void assertNoVersions(String org, String type) {
        asAdmin().get(versions(org, type)).then().statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    private static Map<String, Object> body(Map<String, Object> content) {
        return Map.of("content", content, "changeReason", "test");
    }

    private static Map<String, Object> item(String key, String title) {
        return Map.of("key", key, "title", title);
    }
}
