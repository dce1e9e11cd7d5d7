package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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

/** {@code GET …/versions/{n}/diff?against={m}} over HTTP (docs/api-guide.md#elements-and-versions). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DiffResourceTest {

    @Test
    void addedRemovedAndChangedValuesBetweenTwoAdoptedVersions() {
        String org = newOrganization("diff");
        draft(org, "values", values(
                value("respect", "Respect", "We vragen eerst.", "We kloppen aan."),
                value("zorg", "Zorg", "We helpen."),
                value("vertrouwen", "Vertrouwen", "We vertrouwen.")));
        adopt(org, "values", 1, null);
        draft(org, "values", values(
                value("respect", "Eerbied", "We kloppen aan.", "We luisteren."),
                value("vertrouwen", "Vertrouwen", "We vertrouwen."),
                value("moed", "Moed", "We durven.")));
        adopt(org, "values", 2, null);

        Response diff = asAdmin().get(versions(org, "values") + "/2/diff?against=1");

        diff.then().statusCode(200).contentType(ContentType.JSON)
                .body("from", equalTo(1))
                .body("to", equalTo(2))
                .body("statement.changed", equalTo(false))
                .body("statement.ops", empty())
                .body("items.added.key", contains("moed"))
                .body("items.added[0].title", equalTo("Moed"))
                .body("items.removed.key", contains("zorg"))
                .body("items.removed[0].title", equalTo("Zorg"))
                .body("items.changed.key", contains("respect"))
                .body("items.changed[0].fields.field", contains("title", "behaviours"));
        JsonPath json = diff.jsonPath();
        assertThat(json.getString("items.changed[0].fields[0].from")).isEqualTo("Respect");
        assertThat(json.getString("items.changed[0].fields[0].to")).isEqualTo("Eerbied");
        assertThat(json.getList("items.changed[0].fields[1].from", String.class)).containsExactly("We vragen eerst.", "We kloppen aan.");
        assertThat(json.getList("items.changed[0].fields[1].to", String.class)).containsExactly("We kloppen aan.", "We luisteren.");
        assertThat(json.getList("items.changed[0].fields[1].added", String.class)).containsExactly("We luisteren.");
        assertThat(json.getList("items.changed[0].fields[1].removed", String.class)).containsExactly("We vragen eerst.");
        // "vertrouwen" only shifted up because "zorg" was removed: not a change, not a move.
        assertThat(json.getList("items.changed.key", String.class)).doesNotContain("vertrouwen");
        // Title changes carry no added/removed lists.
        assertThat(json.getMap("items.changed[0].fields[0]")).doesNotContainKeys("added", "removed");
    }

    @Test
    void reorderedValuesAreReportedAsAPositionChange() {
        String org = newOrganization("diff-move");
        draft(org, "values", values(
                value("a", "A", "a."), value("b", "B", "b."), value("c", "C", "c."), value("d", "D", "d.")));
        adopt(org, "values", 1, null);
        draft(org, "values", values(
                value("b", "B", "b."), value("c", "C", "c."), value("d", "D", "d."), value("a", "A", "a.")));
        adopt(org, "values", 2, null);

        asAdmin().get(versions(org, "values") + "/2/diff?against=1").then().statusCode(200)
                .body("items.added", empty())
                .body("items.removed", empty())
                .body("items.changed.key", contains("a"))
                .body("items.changed[0].fields.field", contains("position"))
                .body("items.changed[0].fields[0].from", equalTo(0))
                .body("items.changed[0].fields[0].to", equalTo(3));
    }

    @Test
    void aSwappedPairIsReported() {
        String org = newOrganization("diff-swap");
        draft(org, "strategy", body("Plan.", item("a"), item("b"), item("c")));
        adopt(org, "strategy", 1, null);
        draft(org, "strategy", body("Plan.", item("a"), item("c"), item("b")));
        adopt(org, "strategy", 2, null);

        JsonPath json = asAdmin().get(versions(org, "strategy") + "/2/diff?against=1").then().statusCode(200).extract().jsonPath();

        List<String> moved = json.getList("items.changed.key", String.class);
        assertThat(moved).isNotEmpty().isSubsetOf("b", "c");
        assertThat(json.getList("items.changed.fields.field", List.class)).allSatisfy(fields -> assertThat(fields).containsExactly("position"));
    }

    @Test
    void theStatementIsDiffedWordByWordAndTheOpsRebuildBothTexts() {
        String org = newOrganization("diff-stmt");
        String first = "We ondersteunen mensen met een beperking.";
        String second = "We ondersteunen personen met een beperking om het leven te leiden dat ze kiezen.";
        draft(org, "vision", statement(first));
        adopt(org, "vision", 1, null);
        draft(org, "vision", statement(second));
        adopt(org, "vision", 2, null);

        JsonPath json = asAdmin().get(versions(org, "vision") + "/2/diff?against=1").then().statusCode(200)
                .body("statement.changed", equalTo(true))
                .body("items.added", empty()).body("items.removed", empty()).body("items.changed", empty())
                .extract().jsonPath();

        List<Map<String, String>> ops = json.getList("statement.ops");
        assertThat(rebuild(ops, "delete")).isEqualTo(first);
        assertThat(rebuild(ops, "insert")).isEqualTo(second);
        assertThat(ops).extracting(op -> op.get("op")).containsOnly("equal", "delete", "insert");
        assertThat(ops.get(0)).isEqualTo(Map.of("op", "equal", "text", "We ondersteunen "));
        assertThat(ops).contains(Map.of("op", "delete", "text", "mensen"), Map.of("op", "insert", "text", "personen"));
    }

    @Test
    void theDiffCanGoBackwardsAndAgainstItself() {
        String org = newOrganization("diff-back");
        draft(org, "values", values(value("respect", "Respect", "Doen.")));
        adopt(org, "values", 1, null);
        draft(org, "values", values(value("respect", "Respect", "Doen."), value("zorg", "Zorg", "Helpen.")));
        adopt(org, "values", 2, null);

        asAdmin().get(versions(org, "values") + "/1/diff?against=2").then().statusCode(200)
                .body("from", equalTo(2)).body("to", equalTo(1))
                .body("items.added", empty())
                .body("items.removed.key", contains("zorg"));
        asAdmin().get(versions(org, "values") + "/2/diff?against=2").then().statusCode(200)
                .body("from", equalTo(2)).body("to", equalTo(2))
                .body("statement.changed", equalTo(false))
                .body("items.added", empty()).body("items.removed", empty()).body("items.changed", empty());
    }

    @Test
    void aDraftCanBeDiffedAgainstTheAdoptedVersion() {
        String org = newOrganization("diff-draft");
        draft(org, "mission", statement("Wij zorgen."));
        adopt(org, "mission", 1, null);
        draft(org, "mission", statement("Wij zorgen samen."));

        asAdmin().get(versions(org, "mission") + "/2/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2))
                .body("statement.changed", equalTo(true));
    }

    // ---------------------------------------------------------------------------------------------
    // The default "against"

    @Test
    void withoutAgainstTheDiffIsFromTheVersionItWasBasedOn() {
        String org = newOrganization("diff-based");
        draft(org, "vision", statement("Een."));
        adopt(org, "vision", 1, null);
        draft(org, "vision", statement("Twee."));
        adopt(org, "vision", 2, null);
        draft(org, "vision", Map.of("content", Map.of("statement", "Een, opnieuw."), "basedOn", 1));

        asAdmin().get(versions(org, "vision") + "/3/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(3));
        // The version in effect is the default basis of a new draft, so 2 compares with 1.
        asAdmin().get(versions(org, "vision") + "/2/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2));
    }

    @Test
    void withoutAgainstOrBasedOnTheDiffIsFromThePreviousNumber() {
        String org = newOrganization("diff-prev");
        String etag = draft(org, "strategy", statement("Eerste poging.")).header("ETag");
        asAdmin().header("If-Match", etag).delete(versions(org, "strategy") + "/1").then().statusCode(204);
        // Nothing was ever adopted, so version 2 is based on nothing.
        draft(org, "strategy", statement("Tweede poging.")).then().body("basedOn", equalTo(null));

        asAdmin().get(versions(org, "strategy") + "/2/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2))
                .body("statement.changed", equalTo(true));
    }

    @Test
    void version1WithoutAgainstIs400NamingAgainst() {
        String org = newOrganization("diff-one");
        draft(org, "mission", statement("Enige versie."));

        Response response = asAdmin().get(versions(org, "mission") + "/1/diff");

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("against");
    }

    @Test
    void againstAVersionThatDoesNotExistIs400NamingAgainst() {
        String org = newOrganization("diff-none");
        draft(org, "mission", statement("Eerste."));
        adopt(org, "mission", 1, null);
        draft(org, "mission", statement("Tweede."));

        for (String against : List.of("3", "99", "0", "-1", "abc", "1.5")) {
            Response response = asAdmin().get(versions(org, "mission") + "/2/diff?against=" + against);
            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).as("against=%s", against).containsExactly("against");
        }
    }

    @Test
    void anUnknownVersionIs404() {
        String org = newOrganization("diff-404");
        draft(org, "mission", statement("Eerste."));

        assertProblem(asAdmin().get(versions(org, "mission") + "/2/diff?against=1"), 404, "not-found");
        assertProblem(asAdmin().get(versions(org, "mission") + "/2/diff"), 404, "not-found");
        assertProblem(asAdmin().get(versions(org, "mission") + "/abc/diff?against=1"), 404, "not-found");
        assertProblem(asAdmin().get(versions(org, "vision") + "/1/diff?against=1"), 404, "not-found");
        assertProblem(asAdmin().get(versions(org, "visie") + "/1/diff?against=1"), 404, "not-found");
        assertProblem(asAdmin().get(versions(org + "-x", "mission") + "/1/diff?against=1"), 404, "not-found");
    }

    // ---------------------------------------------------------------------------------------------

    private static String rebuild(List<Map<String, String>> ops, String kind) {
        return ops.stream().filter(op -> op.get("op").equals("equal") || op.get("op").equals(kind))
                .map(op -> op.get("text")).collect(Collectors.joining());
    }

    private static Map<String, Object> item(String key) {
        return Map.of("key", key, "title", key.toUpperCase());
    }

    @SafeVarargs
    private static Map<String, Object> body(String statement, Map<String, Object>... items) {
        return Map.of("content", Map.of("statement", statement, "items", List.of(items)), "changeReason", "test");
    }
}
