package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
import static org.waarom.api.element.Translations.body;
import static org.waarom.api.element.Translations.create;
import static org.waarom.api.element.Translations.item;
import static org.waarom.api.element.Translations.itemsContent;
import static org.waarom.api.element.Translations.statementContent;
import static org.waarom.api.element.Translations.translation;
import static org.waarom.api.element.Translations.translations;

/**
 * Translations of a version (docs/api-guide.md#translations-and-languages, issue 7): written per language with a
 * status, in the
 * version's shape and with exactly its item keys, in one of the organisation's other languages;
 * allowed on adopted versions without changing them; listed with what is missing and what became
 * incomplete; every change an event and an audit entry. (Organisations of the tests speak nl, the
 * default, fr and en.)
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class TranslationTest {

    private static final Map<String, Object> RESPECT_FR = item("respect", "Respect", "Nous partons de ce que la personne veut.",
            "Nous demandons avant d'agir.");
    private static final Map<String, Object> OPENNESS_FR = item("openheid", "Ouverture", null, "Nous disons ce que nous faisons.");

    @Test
    void aTranslationIsWrittenReadListedReplacedAndDeleted() {
        String org = valuesOrganization("translate");
        String path = translation(org, "values", 1, "fr");

        Response created = asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR))).put(path);
        created.then().statusCode(201)
                .header("Location", endsWith(path))
                .header("ETag", notNullValue())
                .body("element", equalTo("values"))
                .body("version", equalTo(1))
                .body("language", equalTo("fr"))
                .body("status", equalTo("DRAFT"))
                .body("complete", equalTo(true))
                .body("content.items.key", contains("respect", "openheid"))
                .body("content.items[0].description", equalTo("Nous partons de ce que la personne veut."))
                .body("createdBy", equalTo("bootstrap-admin"))
                .body("updatedAt", notNullValue());
        String createdTag = created.header("ETag");

        asAdmin().get(path).then().statusCode(200).header("ETag", createdTag)
                .body("status", equalTo("DRAFT")).body("content.items[1].title", equalTo("Ouverture"));
        asAdmin().header("If-None-Match", createdTag).get(path).then().statusCode(304);
        asAdmin().get(translations(org, "values", 1)).then().statusCode(200)
                .body("element", equalTo("values"))
                .body("version", equalTo(1))
                .body("defaultLanguage", equalTo("nl"))
                .body("items.language", contains("fr"))
                .body("items[0].status", equalTo("DRAFT"))
                .body("items[0].complete", equalTo(true))
                .body("items[0].updatedBy", equalTo("bootstrap-admin"))
                .body("items[0].updatedAt", notNullValue())
                .body("missing", contains("en"));

        // Replacing is a change: it needs the translation's current ETag.
        assertProblem(asAdmin().contentType(ContentType.JSON).body(body("APPROVED", itemsContent(RESPECT_FR, OPENNESS_FR))).put(path),
                428, "precondition-required");
        assertProblem(asAdmin().header("If-Match", "\"values-1-fr-t0-r9\"").contentType(ContentType.JSON)
                .body(body("APPROVED", itemsContent(RESPECT_FR, OPENNESS_FR))).put(path), 412, "precondition-failed");
        String approvedTag = asAdmin().header("If-Match", createdTag).contentType(ContentType.JSON)
                .body(body("APPROVED", itemsContent(RESPECT_FR, OPENNESS_FR))).put(path)
                .then().statusCode(200).header("Location", nullValue()).body("status", equalTo("APPROVED"))
                .extract().header("ETag");
        assertThat(approvedTag).isNotEqualTo(createdTag);
        // A translation that does not exist yet cannot be "replaced": If-Match names nothing.
        assertProblem(asAdmin().header("If-Match", approvedTag).contentType(ContentType.JSON)
                .body(body("DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR))).put(translation(org, "values", 1, "en")), 412);

        assertProblem(asAdmin().delete(path), 428);
        assertProblem(asAdmin().header("If-Match", createdTag).delete(path), 412);
        asAdmin().header("If-Match", approvedTag).delete(path).then().statusCode(204);
        assertProblem(asAdmin().get(path), 404, "not-found");
        asAdmin().get(translations(org, "values", 1)).then().body("items", empty()).body("missing", contains("fr", "en"));
        // Created again, it has a new ETag: a tag of the deleted one never matches it.
        String recreatedTag = create(org, "values", 1, "fr", "DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR)).header("ETag");
        assertThat(recreatedTag).isNotIn(createdTag, approvedTag);
    }

    @Test
    void everyChangeWritesAnEventAndAnAuditEntry() {
        String org = valuesOrganization("translevents");
        String etag = create(org, "values", 1, "fr", "DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR)).header("ETag");
        String approved = asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(body("APPROVED", itemsContent(RESPECT_FR, OPENNESS_FR))).put(translation(org, "values", 1, "fr"))
                .then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", approved).delete(translation(org, "values", 1, "fr")).then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> changes = feed.getList("items.findAll { it.type == 'element.translation.changed' }.data");
            assertThat(changes).extracting(data -> data.get("status")).containsExactly("DRAFT", "APPROVED", "MISSING");
            assertThat(changes.get(1)).containsEntry("element", "values").containsEntry("version", 1).containsEntry("language", "fr")
                    .containsEntry("versionStatus", "ADOPTED").containsEntry("by", "bootstrap-admin");
        });
        asAdmin().queryParam("action", "translation.write").get("/api/v1/organizations/" + org + "/audit-log").then().statusCode(200)
                .body("total", equalTo(2)).body("items.status", contains(200, 201));
        asAdmin().queryParam("action", "translation.delete").get("/api/v1/organizations/" + org + "/audit-log").then()
                .body("total", equalTo(1)).body("items[0].status", equalTo(204));
    }

    @Test
    void itemKeysMustBeExactlyTheVersions() {
        String org = valuesOrganization("transkeys");
        String path = translation(org, "values", 1, "fr");

        Response missingAndUnknown = asAdmin().contentType(ContentType.JSON)
                .body(body("DRAFT", itemsContent(RESPECT_FR, item("eerlijkheid", "Honnêteté", null, "Nous disons la vérité.")))).put(path);
        assertProblem(missingAndUnknown, 400, "invalid-request");
        assertThat(errorFields(missingAndUnknown)).containsExactly("content.items", "content.items");
        List<String> messages = missingAndUnknown.jsonPath().getList("errors.message", String.class);
        assertThat(messages.get(0)).contains("misses").contains("openheid");
        assertThat(messages.get(1)).contains("eerlijkheid").contains("respect, openheid");

        // Values have no statement here: there is nothing to translate.
        Response statement = asAdmin().contentType(ContentType.JSON)
                .body(body("DRAFT", Map.of("statement", "Nos valeurs", "items", List.of(RESPECT_FR, OPENNESS_FR)))).put(path);
        assertProblem(statement, 400);
        assertThat(errorFields(statement)).containsExactly("content.statement");

        // The content rules of the element type hold for translations too (here: every value has a behaviour, keys are unique).
        Response rules = asAdmin().contentType(ContentType.JSON)
                .body(body("DRAFT", itemsContent(item("respect", "Respect", null), RESPECT_FR, OPENNESS_FR))).put(path);
        assertProblem(rules, 400);
        assertThat(errorFields(rules)).contains("content.items[0].behaviours", "content.items[1].key");

        // A mission has a statement: its translation must have one.
        draft(org, "mission", statement("Wij ondersteunen mensen."));
        Response noStatement = asAdmin().contentType(ContentType.JSON).body(body("DRAFT", Map.of("items", List.of())))
                .put(translation(org, "mission", 1, "fr"));
        assertProblem(noStatement, 400);
        assertThat(errorFields(noStatement)).contains("content.statement");

        asAdmin().get(translations(org, "values", 1)).then().body("items", empty());
    }

    @Test
    void theStatusAndTheContentAreRequired() {
        String org = valuesOrganization("transstatus");
        String path = translation(org, "values", 1, "fr");
        Response noStatus = asAdmin().contentType(ContentType.JSON).body(Map.of("content", itemsContent(RESPECT_FR, OPENNESS_FR))).put(path);
        assertProblem(noStatus, 400);
        assertThat(errorFields(noStatus)).containsExactly("status");
        Response missingIsNotAStatus = asAdmin().contentType(ContentType.JSON)
                .body(body("MISSING", itemsContent(RESPECT_FR, OPENNESS_FR))).put(path);
        assertProblem(missingIsNotAStatus, 400);
        assertThat(errorFields(missingIsNotAStatus)).containsExactly("status");
        Response noContent = asAdmin().contentType(ContentType.JSON).body(Map.of("status", "DRAFT")).put(path);
        assertProblem(noContent, 400);
        assertThat(errorFields(noContent)).containsExactly("content");
        assertProblem(asAdmin().contentType(ContentType.JSON).put(path), 400);
    }

    @Test
    void theLanguageMustBeOneOfTheOrganisationsOtherLanguages() {
        String org = valuesOrganization("translang");
        Response notTheirs = asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR)))
                .put(translation(org, "values", 1, "de"));
        assertProblem(notTheirs, 400, "invalid-request");
        assertThat(errorFields(notTheirs)).containsExactly("lang");
        assertThat(notTheirs.jsonPath().getString("errors[0].message")).contains("fr, en");

        Response theDefault = asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR)))
                .put(translation(org, "values", 1, "nl"));
        assertProblem(theDefault, 400, "invalid-request");
        assertThat(errorFields(theDefault)).containsExactly("lang");
        assertThat(theDefault.jsonPath().getString("errors[0].message")).contains("default language");

        for (String bad : List.of("FR", "fr-BE", "xx")) {
            assertProblem(asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR)))
                    .put(translation(org, "values", 1, bad)), 400);
        }
        assertProblem(asAdmin().get(translation(org, "values", 1, "de")), 404);
        assertProblem(asAdmin().get(translation(org, "values", 1, "nl")), 404);
        assertProblem(asAdmin().get(translation(org, "values", 9, "fr")), 404);
        assertProblem(asAdmin().get(translations(org, "values", 9)), 404);
        assertProblem(asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_FR, OPENNESS_FR)))
                .put(translation(org, "values", 9, "fr")), 404);
        asAdmin().get(translations(org, "values", 1)).then().body("items", empty());
    }

    @Test
    void anAdoptedVersionIsTranslatedWithoutChangingIt() {
        String org = valuesOrganization("transadopted");
        Response before = asAdmin().get(versions(org, "values") + "/1").then().statusCode(200).extract().response();

        create(org, "values", 1, "fr", "APPROVED", itemsContent(RESPECT_FR, OPENNESS_FR));

        Response after = asAdmin().get(versions(org, "values") + "/1").then().statusCode(200)
                .header("Content-Language", "nl")
                .body("status", equalTo("ADOPTED"))
                .body("language", equalTo("nl"))
                .extract().response();
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(after.jsonPath().getMap("content")).isEqualTo(before.jsonPath().getMap("content"));
        assertThat(after.jsonPath().getString("updatedAt")).isEqualTo(before.jsonPath().getString("updatedAt"));
        asAdmin().get("/api/v1/organizations/" + org + "/elements/values").then()
                .body("content.items[0].title", equalTo("Respect")).body("content.items[0].behaviours[0]", equalTo("We vragen voor we handelen."));
    }

    @Test
    void aTranslationDoesNotInvalidateTheETagAnEditorHolds() {
        String org = newOrganization("transdraft");
        String etag = draft(org, "vision", statement("Iedereen telt mee.")).header("ETag");
        create(org, "vision", 1, "fr", "DRAFT", statementContent("Chacun compte."));
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(statement("Iedereen telt mee, altijd."))
                .put(versions(org, "vision") + "/1").then().statusCode(200);
    }

    @Test
    void editingADraftsItemsMakesItsTranslationIncompleteAndUnserved() {
        String org = newOrganization("transincomplete");
        String etag = draft(org, "values", values(value("respect", "Respect", "We vragen voor we handelen."))).header("ETag");
        create(org, "values", 1, "fr", "APPROVED", itemsContent(RESPECT_FR));
        asAdmin().queryParam("lang", "fr").get(versions(org, "values") + "/1").then().header("Content-Language", "fr");

        asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(values(value("respect", "Respect", "We vragen voor we handelen."), value("openheid", "Openheid", "We zeggen wat we doen.")))
                .put(versions(org, "values") + "/1").then().statusCode(200);

        asAdmin().get(translations(org, "values", 1)).then().body("items[0].language", equalTo("fr"))
                .body("items[0].status", equalTo("APPROVED")).body("items[0].complete", equalTo(false));
        asAdmin().get(translation(org, "values", 1, "fr")).then().statusCode(200).body("complete", equalTo(false));
        // Half a translation is never served: the reader gets the default language.
        asAdmin().queryParam("lang", "fr").get(versions(org, "values") + "/1").then().statusCode(200)
                .header("Content-Language", "nl").body("language", equalTo("nl"))
                .body("content.items.key", contains("respect", "openheid"));
        // Completing it serves it again.
        Translations.replace(org, "values", 1, "fr", "APPROVED", itemsContent(RESPECT_FR, OPENNESS_FR));
        asAdmin().queryParam("lang", "fr").get(versions(org, "values") + "/1").then()
                .header("Content-Language", "fr").body("content.items.title", contains("Respect", "Ouverture"));
    }

    @Test
    void aWithdrawnVersionTakesNoTranslations() {
        String org = newOrganization("transwithdrawn");
        String etag = draft(org, "vision", statement("Ingetrokken.")).header("ETag");
        asAdmin().header("If-Match", etag).delete(versions(org, "vision") + "/1").then().statusCode(204);
        assertProblem(asAdmin().contentType(ContentType.JSON).body(body("DRAFT", statementContent("Retiré.")))
                .put(translation(org, "vision", 1, "fr")), 409, "conflict");
        asAdmin().get(translations(org, "vision", 1)).then().statusCode(200).body("items", empty()).body("missing", hasItem("fr"));
    }

    /** An organisation whose values (respect, openheid) are adopted as version 1. */
    static String valuesOrganization(String prefix) {
        String org = newOrganization(prefix);
        draft(org, "values", values(
                Map.of("key", "respect", "title", "Respect", "description", "We vertrekken van wat de persoon wil.",
                        "behaviours", List.of("We vragen voor we handelen.")),
                value("openheid", "Openheid", "We zeggen wat we doen.")));
        adopt(org, "values", 1, null);
        return org;
    }
}
