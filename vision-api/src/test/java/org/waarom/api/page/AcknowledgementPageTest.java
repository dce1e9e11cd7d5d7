package org.waarom.api.page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * Acknowledgement links and their page (docs/participation.md#the-acknowledgement-page): made in bulk by an admin or HR
 * system, shown once, listed without tokens, revocable; the page records the acknowledgement as the API does, once per
 * basis, and stops when a significant new version replaces the basis.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AcknowledgementPageTest {

    @Test
    void anHrSystemMakesLinksInBulkShownOnceAndListedWithoutTokens() {
        String org = organizationWithValues();
        TestKeys.IssuedKey hrSystem = TestKeys.organizationKey(org, "admin");
        JsonPath created = as(hrSystem.key()).contentType(ContentType.JSON).body(Map.of("people", List.of(
                        Map.of("person", "hr-1", "name", "An Peeters", "language", "nl"), Map.of("person", "hr-2", "name", "Claire Dubois"))))
                .post(links(org, 1)).then().statusCode(201).header("Location", containsString(links(org, 1)))
                .body("items", hasSize(2)).body("items[0].person", equalTo("hr-1")).body("items[1].language", nullValue())
                .body("items[0].acknowledgementBasis", equalTo(1)).body("items[0].createdBy", equalTo(hrSystem.name()))
                .extract().jsonPath();
        assertThat(created.getString("items[0].token")).startsWith("wack_");
        assertThat(created.getString("items[0].link")).contains("/pages/" + org + "/acknowledgement?token=wack_");

        asAdmin().get(links(org, 1)).then().statusCode(200).body("total", equalTo(2)).body("items[0]", not(hasKey("token")))
                .body("items[0]", not(hasKey("link")));
        // One link per person in a request; a reader may not make them; a draft is not acknowledged.
        Response twice = asAdmin().contentType(ContentType.JSON).body(Map.of("people", List.of(Map.of("person", "hr-1", "name", "A"),
                Map.of("person", "hr-1", "name", "B")))).post(links(org, 1));
        assertProblem(twice, 400);
        assertThat(errorFields(twice)).containsExactly("people[1].person");
        assertProblem(as(TestKeys.organizationKey(org, "reader").key()).contentType(ContentType.JSON)
                .body(Map.of("people", List.of(Map.of("person", "hr-3", "name", "C")))).post(links(org, 1)), 403);
        draft(org, "values", values(value("respect", "Respect", "We kloppen aan.")));
        assertProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("people", List.of(Map.of("person", "hr-3", "name", "C"))))
                .post(links(org, 2)), 409);
    }

    @Test
    void pressingTheButtonRecordsTheAcknowledgementOnceAndSaysWhen() {
        String org = organizationWithValues();
        String link = link(org, 1, "hr-7", "An Peeters", "fr");
        String html = given().get(link).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer")).header("Cache-Control", equalTo("no-store"))
                .extract().asString();
        // The link's language for the page's words; the text in the organisation's own language, marked as such.
        assertThat(html).contains("<html lang=\"fr\"", "Bonjour An Peeters", "J&#39;ai lu ce texte", "lang=\"nl\"", "We vragen toestemming.")
                .doesNotContain("<script");

        Response pressed = press(link);
        pressed.then().statusCode(303).header("Location", containsString("done=recorded"));
        asAdmin().get(versions(org, "values") + "/1/acknowledgements").then().body("total", equalTo(1));
        asAdmin().contentType(ContentType.JSON).body(Map.of("expected", List.of("hr-7"))).post(versions(org, "values") + "/1/acknowledgements/status")
                .then().body("acknowledged[0].person", equalTo("hr-7")).body("acknowledged[0].recordedBy", equalTo("An Peeters"));
        assertThat(given().get(pressed.header("Location")).asString()).contains("Merci.");

        // Again, also after a new version that is no significant change: the same acknowledgement, and when it was given.
        draft(org, "values", values(value("respect", "Respect", "We kloppen aan en wachten.")));
        adopt(org, "values", 2, null);
        Response again = press(link);
        again.then().statusCode(303).header("Location", containsString("done=already"));
        assertThat(given().get(again.header("Location")).asString()).contains("Vous avez confirmé le", "We kloppen aan en wachten.");
        asAdmin().get(versions(org, "values") + "/2/acknowledgements").then().body("total", equalTo(1));
        List<?> events = asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events").jsonPath()
                .getList("items.findAll { it.type == 'element.version.acknowledged' }");
        assertThat(events).hasSize(1);
    }

    @Test
    void aRevokedLinkOrASignificantNewVersionEndsIt() {
        String org = organizationWithValues();
        String revoked = link(org, 1, "hr-8", "Jonas Maes", null);
        long id = asAdmin().get(links(org, 1)).jsonPath().getLong("items[0].id");
        asAdmin().delete(links(org, 1) + "/" + id).then().statusCode(204);
        asAdmin().delete(links(org, 1) + "/" + id).then().statusCode(404);
        String refused = given().header("Accept-Language", "nl").get(revoked).then().statusCode(401).extract().asString();
        assertThat(refused).contains("Deze link werkt niet").doesNotContain(org);
        press(revoked).then().statusCode(401);

        String replaced = link(org, 1, "hr-9", "Eva Claes", "nl");
        draft(org, "values", values(value("moed", "Moed", "We spreken ons uit.")));
        String etag = asAdmin().get(versions(org, "values") + "/2").header("ETag");
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("significantChange", true))
                .post(versions(org, "values") + "/2/adopt").then().statusCode(200);
        assertThat(given().get(replaced).then().statusCode(410).extract().asString()).contains("Deze tekst is vervangen")
                .doesNotContain("Ik heb dit gelezen");
        press(replaced).then().statusCode(303);
        asAdmin().get(versions(org, "values") + "/2/acknowledgements").then().body("total", equalTo(0));
    }

    @Test
    void aFormFromAnotherSiteIsRefused() {
        String org = organizationWithValues();
        String link = link(org, 1, "hr-5", "An", null);
        given().redirects().follow(false).header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site").post(link)
                .then().statusCode(403);
        asAdmin().get(versions(org, "values") + "/1/acknowledgements").then().body("total", equalTo(0));
    }

    private static String organizationWithValues() {
        String org = newOrganization("ack-link");
        draft(org, "values", values(value("respect", "Respect", "We vragen toestemming.")));
        adopt(org, "values", 1, null);
        return org;
    }

    /** A new link's path and query (the token), for one person. */
    static String link(String org, int version, String person, String name, String language) {
        Map<String, Object> one = language == null ? Map.of("person", person, "name", name) : Map.of("person", person, "name", name, "language", language);
        String link = asAdmin().contentType(ContentType.JSON).body(Map.of("people", List.of(one))).post(links(org, version))
                .then().statusCode(201).extract().jsonPath().getString("items[0].link");
        return link.substring(link.indexOf("/pages/"));
    }

    static Response press(String link) {
        return given().redirects().follow(false).post(link);
    }

    static String links(String org, int version) {
        return versions(org, "values") + "/" + version + "/acknowledgement-links";
    }
}
