package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;
import static org.waarom.api.element.Translations.create;
import static org.waarom.api.element.Translations.item;
import static org.waarom.api.element.Translations.itemsContent;
import static org.waarom.api.element.Translations.statementContent;

/**
 * Reads of the current element and of a version serve the negotiated language (docs/api-guide.md#translations-and-languages,
 * issue 7): {@code ?lang=} wins, else {@code Accept-Language}; only approved translations are served;
 * everything else falls back to the default language; {@code Content-Language} and {@code language}
 * say what was served. The organisation speaks nl (default), fr and en; its values have an approved
 * French translation and a draft English one.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class NegotiatedReadTest {

    private static final String RESPECT_FR = "Nous partons de ce que la personne veut.";
    private static final String RESPECT_NL = "We vertrekken van wat de persoon wil.";

    @Test
    void withoutALanguageTheDefaultIsServedAsBefore() {
        String org = translatedValues("negnone");
        asAdmin().get(current(org)).then().statusCode(200)
                .header("Content-Language", "nl")
                .header("Vary", containsString("Accept-Language"))
                .body("language", equalTo("nl"))
                .body("content.items[0].description", equalTo(RESPECT_NL));
    }

    @Test
    void acceptLanguageWithQualityValuesRegionsAndWildcardPicksAnApprovedTranslation() {
        String org = translatedValues("negaccept");
        assertServed(asAdmin().header("Accept-Language", "fr-BE").get(current(org)), "fr");
        assertServed(asAdmin().header("Accept-Language", "de, fr;q=0.4, nl;q=0.3").get(current(org)), "fr");
        assertServed(asAdmin().header("Accept-Language", "nl;q=0.9, fr").get(current(org)), "fr");
        assertServed(asAdmin().header("Accept-Language", "fr;q=0.5, nl").get(current(org)), "nl");
        // en is a draft: never served, so the next acceptable language is.
        assertServed(asAdmin().header("Accept-Language", "en, fr;q=0.5").get(current(org)), "fr");
        assertServed(asAdmin().header("Accept-Language", "en").get(current(org)), "nl");
        // Not available at all: the default language.
        assertServed(asAdmin().header("Accept-Language", "de-DE, de;q=0.9").get(current(org)), "nl");
        // The wildcard prefers the default language; q=0 excludes one.
        assertServed(asAdmin().header("Accept-Language", "*").get(current(org)), "nl");
        assertServed(asAdmin().header("Accept-Language", "nl;q=0, *").get(current(org)), "fr");
        assertServed(asAdmin().header("Accept-Language", "fr;q=0, nl;q=0").get(current(org)), "nl");
        // A header that makes no sense is a preference that cannot be read, not an error.
        assertServed(asAdmin().header("Accept-Language", ";;q=, ***, fr;q=7").get(current(org)), "nl");
    }

    @Test
    void theLangParameterWinsAndIsChecked() {
        String org = translatedValues("neglang");
        assertServed(asAdmin().queryParam("lang", "fr").header("Accept-Language", "nl").get(current(org)), "fr");
        assertServed(asAdmin().queryParam("lang", "fr-BE").get(current(org)), "fr");
        // A valid but unavailable language falls back to the default, whatever Accept-Language says.
        assertServed(asAdmin().queryParam("lang", "en").header("Accept-Language", "fr").get(current(org)), "nl");
        assertServed(asAdmin().queryParam("lang", "de").get(current(org)), "nl");

        Response invalid = asAdmin().queryParam("lang", "fr_BE").get(current(org));
        assertProblem(invalid, 400, "invalid-request");
        assertThat(errorFields(invalid)).containsExactly("lang");
        assertProblem(asAdmin().queryParam("lang", "*").get(versions(org, "values") + "/1"), 400);
    }

    @Test
    void theTranslatedContentReplacesTheVersionsTextAndKeepsItsOrder() {
        String org = translatedValues("negcontent");
        asAdmin().queryParam("lang", "fr").get(current(org)).then().statusCode(200)
                .body("version", equalTo(1))
                .body("status", equalTo("ADOPTED"))
                .body("content.items.key", contains("respect", "openheid"))
                .body("content.items.title", contains("Respect", "Ouverture"))
                .body("content.items[0].behaviours", contains("Nous demandons avant d'agir."))
                .body("content.items[0].description", equalTo(RESPECT_FR));
        asAdmin().queryParam("lang", "fr").get(versions(org, "values") + "/1").then().statusCode(200)
                .header("Content-Language", "fr").body("language", equalTo("fr")).body("content.items[1].title", equalTo("Ouverture"));
        // History and diff stay in the default language.
        asAdmin().header("Accept-Language", "fr").get(versions(org, "values")).then().body("items[0].language", equalTo("nl"));
    }

    @Test
    void aTranslationInALanguageTheOrganisationDroppedIsNoLongerServed() {
        String org = translatedValues("negdropped");
        assertServed(asAdmin().queryParam("lang", "fr").get(current(org)), "fr");
        String etag = asAdmin().get("/api/v1/organizations/" + org).header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json").body(Map.of("languages", List.of("nl", "en")))
                .patch("/api/v1/organizations/" + org).then().statusCode(200);
        assertServed(asAdmin().queryParam("lang", "fr").get(current(org)), "nl");
    }

    @Test
    void anEditorWhoReadADraftInFrenchCanStillEditIt() {
        String org = newOrganization("negedit");
        draft(org, "vision", statement("Iedereen telt mee."));
        create(org, "vision", 1, "fr", "APPROVED", statementContent("Chacun compte."));
        Response french = asAdmin().header("Accept-Language", "fr").get(versions(org, "vision") + "/1");
        french.then().statusCode(200).header("Content-Language", "fr").body("content.statement", equalTo("Chacun compte."));
        String defaultTag = asAdmin().get(versions(org, "vision") + "/1").header("ETag");
        assertThat(french.header("ETag")).isNotEqualTo(defaultTag);

        // The French tag names the same state of the version: it is a valid If-Match.
        asAdmin().header("If-Match", french.header("ETag")).contentType(ContentType.JSON).body(statement("Iedereen telt mee, altijd."))
                .put(versions(org, "vision") + "/1").then().statusCode(200);
        // … once: after the edit it is stale like any other tag of the old state.
        assertProblem(asAdmin().header("If-Match", french.header("ETag")).contentType(ContentType.JSON).body(statement("Nog eens."))
                .put(versions(org, "vision") + "/1"), 412);
    }

    private static void assertServed(Response response, String language) {
        response.then().statusCode(200).header("Content-Language", language).body("language", equalTo(language))
                .body("content.items[0].description", equalTo(language.equals("fr") ? RESPECT_FR : RESPECT_NL));
    }

    private static String current(String org) {
        return "/api/v1/organizations/" + org + "/elements/values";
    }

    /** Values adopted in nl, with an APPROVED French and a DRAFT English translation. */
    static String translatedValues(String prefix) {
        String org = TranslationTest.valuesOrganization(prefix);
        create(org, "values", 1, "fr", "APPROVED", itemsContent(
                item("respect", "Respect", RESPECT_FR, "Nous demandons avant d'agir."),
                item("openheid", "Ouverture", null, "Nous disons ce que nous faisons.")));
        create(org, "values", 1, "en", "DRAFT", itemsContent(
                item("respect", "Respect", "We start from what the person wants.", "We ask before we act."),
                item("openheid", "Openness", null, "We say what we do.")));
        return org;
    }
}
