package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
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
import static org.waarom.api.element.Translations.body;
import static org.waarom.api.element.Translations.item;
import static org.waarom.api.element.Translations.itemsContent;

/**
 * Easy-read texts (docs/api-guide.md#easy-read-texts, issue 18): written per version and language like translations, with
 * the version's item keys and a DRAFT/APPROVED status, in any of the organisation's languages (the default first of all);
 * served by the reads that poll (current element, a version, the current values, the document) when asked for with
 * {@code ?variant=easy-read}, after the language is negotiated, with their own ETag; the standard text otherwise, and the
 * answer says which. (Organisations of the tests speak nl, the default, fr and en.)
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class EasyReadTest {

    private static final Map<String, Object> RESPECT_EASY = item("respect", "Respect", "Jij beslist wat je wil.", "We vragen het eerst aan jou.");
    private static final Map<String, Object> OPENNESS_EASY = item("openheid", "Eerlijk zijn", null, "We zeggen wat we doen.");
    private static final Map<String, Object> RESPECT_FR = item("respect", "Respect", "Nous partons de ce que la personne veut.",
            "Nous demandons avant d'agir.");
    private static final Map<String, Object> OPENNESS_FR = item("openheid", "Ouverture", null, "Nous disons ce que nous faisons.");
    private static final Map<String, Object> RESPECT_EN_EASY = item("respect", "Respect", "You decide what you want.", "We ask you first.");
    private static final Map<String, Object> OPENNESS_EN_EASY = item("openheid", "Being honest", null, "We say what we do.");

    @Test
    void anEasyReadTextIsWrittenReadListedApprovedAndDeleted() {
        String org = TranslationTest.valuesOrganization("easy");
        String path = easyRead(org, "values", 1, "nl");
        Response standard = asAdmin().get(current(org)).then().statusCode(200).extract().response();

        // In the default language: that is where clients need it most.
        Response created = asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_EASY, OPENNESS_EASY))).put(path);
        created.then().statusCode(201)
                .header("Location", endsWith(path))
                .header("ETag", notNullValue())
                .body("element", equalTo("values"))
                .body("version", equalTo(1))
                .body("variant", equalTo("easy-read"))
                .body("language", equalTo("nl"))
                .body("status", equalTo("DRAFT"))
                .body("complete", equalTo(true))
                .body("content.items.title", contains("Respect", "Eerlijk zijn"))
                .body("createdBy", equalTo("bootstrap-admin"));
        String createdTag = created.header("ETag");
        asAdmin().get(path).then().statusCode(200).header("ETag", createdTag).body("status", equalTo("DRAFT"));
        asAdmin().header("If-None-Match", createdTag).get(path).then().statusCode(304);
        asAdmin().get(easyReads(org, "values", 1)).then().statusCode(200)
                .body("variant", equalTo("easy-read"))
                .body("defaultLanguage", equalTo("nl"))
                .body("items.language", contains("nl"))
                .body("items[0].status", equalTo("DRAFT"))
                .body("items[0].complete", equalTo(true))
                .body("missing", contains("fr", "en"));
        // It is not a translation: the translations are as they were.
        asAdmin().get(versions(org, "values") + "/1/translations").then().body("variant", equalTo("standard")).body("items", empty())
                .body("missing", contains("fr", "en"));

        // A draft is never served: asked for easy-read, the reader gets the full text and is told so.
        asAdmin().queryParam("variant", "easy-read").get(current(org)).then().statusCode(200)
                .header("Waarom-Variant", "standard").header("Content-Language", "nl")
                .header("ETag", standard.header("ETag"))
                .body("variant", equalTo("standard")).body("content.items[0].description", equalTo("We vertrekken van wat de persoon wil."));

        // Approving is a change of the text: it needs the text's ETag.
        assertProblem(asAdmin().contentType(ContentType.JSON).body(body("APPROVED", itemsContent(RESPECT_EASY, OPENNESS_EASY))).put(path), 428);
        String approvedTag = asAdmin().header("If-Match", createdTag).contentType(ContentType.JSON)
                .body(body("APPROVED", itemsContent(RESPECT_EASY, OPENNESS_EASY))).put(path)
                .then().statusCode(200).body("status", equalTo("APPROVED")).extract().header("ETag");
        assertThat(approvedTag).isNotEqualTo(createdTag);

        Response easy = asAdmin().queryParam("variant", "easy-read").get(current(org)).then().statusCode(200)
                .header("Waarom-Variant", "easy-read").header("Content-Language", "nl").header("Vary", "Accept, Accept-Language")
                .header("Cache-Control", "private, no-cache")
                .body("variant", equalTo("easy-read")).body("language", equalTo("nl")).body("version", equalTo(1))
                .body("content.items.key", contains("respect", "openheid"))
                .body("content.items[0].description", equalTo("Jij beslist wat je wil."))
                .extract().response();
        // Its own strong tag, naming the version's state (so it serves as If-Match of the version too).
        String easyTag = easy.header("ETag");
        String state = standard.header("ETag");
        assertThat(easyTag).startsWith(state.substring(0, state.length() - 1) + "~nl-e");
        asAdmin().queryParam("variant", "easy-read").header("If-None-Match", easyTag).get(current(org)).then().statusCode(304)
                .header("ETag", easyTag);
        // A copy of the other variant is not current for it, either way round.
        asAdmin().queryParam("variant", "easy-read").header("If-None-Match", standard.header("ETag")).get(current(org)).then().statusCode(200);
        asAdmin().header("If-None-Match", easyTag).get(current(org)).then().statusCode(200).header("ETag", standard.header("ETag"))
                .header("Waarom-Variant", "standard").body("variant", equalTo("standard"));
        asAdmin().queryParam("variant", "standard").get(current(org)).then().header("ETag", standard.header("ETag"));
        // The version itself did not change.
        assertThat(asAdmin().get(versions(org, "values") + "/1").header("ETag")).isEqualTo(standard.header("ETag"));
        asAdmin().queryParam("variant", "easy-read").get(versions(org, "values") + "/1").then().statusCode(200).header("ETag", easyTag)
                .body("variant", equalTo("easy-read"));

        // Deleted: readers who ask for easy-read get the full text again.
        assertProblem(asAdmin().delete(path), 428);
        asAdmin().header("If-Match", approvedTag).delete(path).then().statusCode(204);
        assertProblem(asAdmin().get(path), 404, "not-found");
        asAdmin().queryParam("variant", "easy-read").get(current(org)).then().header("Waarom-Variant", "standard")
                .header("ETag", standard.header("ETag")).body("variant", equalTo("standard"));
        asAdmin().get(easyReads(org, "values", 1)).then().body("items", empty()).body("missing", contains("nl", "fr", "en"));
    }

    @Test
    void itemKeysMustBeExactlyTheVersionsAndNothingIsStored() {
        String org = TranslationTest.valuesOrganization("easykeys");
        Response refused = asAdmin().contentType(ContentType.JSON)
                .body(body("APPROVED", itemsContent(RESPECT_EASY, item("eerlijk", "Eerlijk", null, "We zeggen de waarheid."))))
                .put(easyRead(org, "values", 1, "nl"));
        assertProblem(refused, 400, "invalid-request");
        assertThat(refused.jsonPath().getString("detail")).startsWith("The easy-read text does not fit the version's content");
        assertThat(errorFields(refused)).containsExactly("content.items", "content.items");
        List<String> messages = refused.jsonPath().getList("errors.message", String.class);
        assertThat(messages.get(0)).contains("misses").contains("openheid");
        assertThat(messages.get(1)).contains("eerlijk").contains("respect, openheid");

        // The element type's content rules hold for it too: a value needs a behaviour, even in plain words.
        Response rules = asAdmin().contentType(ContentType.JSON)
                .body(body("APPROVED", itemsContent(item("respect", "Respect", null), OPENNESS_EASY))).put(easyRead(org, "values", 1, "nl"));
        assertProblem(rules, 400);
        assertThat(errorFields(rules)).contains("content.items[0].behaviours");

        asAdmin().get(easyReads(org, "values", 1)).then().body("items", empty());
        assertProblem(asAdmin().get(easyRead(org, "values", 1, "nl")), 404);
        JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getList("items.type", String.class)).doesNotContain("element.easy-read.changed");
    }

    @Test
    void theLanguageIsAnyOfTheOrganisationsAndTheVariantIsOneOfTwo() {
        String org = TranslationTest.valuesOrganization("easylang");
        Response notTheirs = asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_EASY, OPENNESS_EASY)))
                .put(easyRead(org, "values", 1, "de"));
        assertProblem(notTheirs, 400, "invalid-request");
        assertThat(errorFields(notTheirs)).containsExactly("lang");
        assertThat(notTheirs.jsonPath().getString("errors[0].message")).contains("nl, fr, en");
        for (String bad : List.of("NL", "nl-BE", "xx")) {
            assertProblem(asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_EASY, OPENNESS_EASY)))
                    .put(easyRead(org, "values", 1, bad)), 400);
        }
        assertProblem(asAdmin().get(easyRead(org, "values", 9, "nl")), 404);
        assertProblem(asAdmin().get(easyReads(org, "values", 9)), 404);

        for (String read : List.of(current(org), versions(org, "values") + "/1", "/api/v1/organizations/" + org + "/values/current",
                "/api/v1/organizations/" + org + "/document")) {
            Response unknown = asAdmin().queryParam("variant", "simple").get(read);
            assertProblem(unknown, 400, "invalid-request");
            assertThat(errorFields(unknown)).as(read).containsExactly("variant");
        }
    }

    @Test
    void theLanguageIsNegotiatedFirstThenItsEasyReadTextIsServedWhereThereIsOne() {
        String org = TranslationTest.valuesOrganization("easyneg");
        Translations.create(org, "values", 1, "fr", "APPROVED", itemsContent(RESPECT_FR, OPENNESS_FR));
        createEasyRead(org, "values", 1, "nl", "APPROVED", itemsContent(RESPECT_EASY, OPENNESS_EASY));
        // English has no translation, only an easy-read text.
        createEasyRead(org, "values", 1, "en", "APPROVED", itemsContent(RESPECT_EN_EASY, OPENNESS_EN_EASY));

        // French has a full translation but no easy-read text: French it is, the full text, and the answer says so.
        asAdmin().queryParam("variant", "easy-read").header("Accept-Language", "fr-BE, nl;q=0.5").get(current(org)).then().statusCode(200)
                .header("Content-Language", "fr").header("Waarom-Variant", "standard")
                .body("language", equalTo("fr")).body("variant", equalTo("standard")).body("content.items[1].title", equalTo("Ouverture"));
        // English exists as easy-read only: served when easy-read is asked for, not otherwise.
        Response english = asAdmin().queryParam("variant", "easy-read").queryParam("lang", "en").get(current(org)).then().statusCode(200)
                .header("Content-Language", "en").header("Waarom-Variant", "easy-read")
                .body("variant", equalTo("easy-read")).body("content.items[1].title", equalTo("Being honest")).extract().response();
        asAdmin().queryParam("lang", "en").get(current(org)).then().header("Content-Language", "nl").body("variant", equalTo("standard"));
        // No language asked for: the default language's easy-read text.
        Response dutch = asAdmin().queryParam("variant", "easy-read").get(current(org)).then()
                .header("Content-Language", "nl").body("variant", equalTo("easy-read")).extract().response();
        assertThat(List.of(english.header("ETag"), dutch.header("ETag"))).doesNotHaveDuplicates()
                .allSatisfy(tag -> assertThat(tag).contains("~"));
        asAdmin().queryParam("variant", "easy-read").header("Accept-Language", "en").header("If-None-Match", english.header("ETag"))
                .get(current(org)).then().statusCode(304);

        // The values for HR systems, JSON and CSV: the same choice, with the variant in the body or in the header.
        String values = "/api/v1/organizations/" + org + "/values/current";
        asAdmin().queryParam("variant", "easy-read").get(values).then().statusCode(200)
                .header("Waarom-Variant", "easy-read").body("variant", equalTo("easy-read"))
                .body("values[0].description", equalTo("Jij beslist wat je wil."));
        asAdmin().get(values).then().header("Waarom-Variant", "standard").body("variant", equalTo("standard"));
        Response csv = asAdmin().queryParam("variant", "easy-read").header("Accept", "text/csv").get(values).then().statusCode(200)
                .header("Waarom-Variant", "easy-read").header("Content-Language", "nl").header("ETag", endsWith("~csv\""))
                .body(containsString("Jij beslist wat je wil.")).extract().response();
        assertThat(csv.header("ETag")).isNotEqualTo(asAdmin().header("Accept", "text/csv").get(values).header("ETag"));
        asAdmin().queryParam("variant", "easy-read").header("Accept", "text/csv").header("If-None-Match", csv.header("ETag")).get(values)
                .then().statusCode(304);
    }

    @Test
    void aDraftsEasyReadTextIsServedWhileCompleteAndItsTagServesAsIfMatch() {
        String org = newOrganization("easydraft");
        String etag = draft(org, "values", values(value("respect", "Respect", "We vragen voor we handelen."))).header("ETag");
        createEasyRead(org, "values", 1, "nl", "APPROVED", itemsContent(RESPECT_EASY));
        Response easy = asAdmin().queryParam("variant", "easy-read").get(versions(org, "values") + "/1").then().statusCode(200)
                .body("variant", equalTo("easy-read")).body("status", equalTo("DRAFT")).extract().response();
        // Writing it did not change the draft: the editor's ETag still holds, and the easy-read read's tag names the same state.
        asAdmin().get(versions(org, "values") + "/1").then().header("ETag", etag);
        asAdmin().header("If-Match", easy.header("ETag")).contentType(ContentType.JSON)
                .body(values(value("respect", "Respect", "We vragen voor we handelen."), value("openheid", "Openheid", "We zeggen wat we doen.")))
                .put(versions(org, "values") + "/1").then().statusCode(200);

        // The draft has an item the easy-read text misses: incomplete, listed so, and not served.
        asAdmin().get(easyReads(org, "values", 1)).then().body("items[0].complete", equalTo(false));
        asAdmin().queryParam("variant", "easy-read").get(versions(org, "values") + "/1").then().statusCode(200)
                .header("Waarom-Variant", "standard").body("variant", equalTo("standard")).body("content.items.key", contains("respect", "openheid"));
    }

    @Test
    void aWithdrawnVersionTakesNoEasyReadText() {
        String org = newOrganization("easywithdrawn");
        String etag = draft(org, "values", values(value("respect", "Respect", "We vragen."))).header("ETag");
        asAdmin().header("If-Match", etag).delete(versions(org, "values") + "/1").then().statusCode(204);
        Response refused = asAdmin().contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_EASY))).put(easyRead(org, "values", 1, "nl"));
        assertProblem(refused, 409, "conflict");
        assertThat(refused.jsonPath().getString("detail")).contains("easy-read texts can no longer be written");
    }

    @Test
    void editorsWriteItEveryoneInTheOrganisationReadsIt() {
        String org = TranslationTest.valuesOrganization("easyroles");
        String reader = TestKeys.organizationKey(org, "reader").key();
        String editor = TestKeys.organizationKey(org, "editor").key();
        assertProblem(as(reader).contentType(ContentType.JSON).body(body("DRAFT", itemsContent(RESPECT_EASY, OPENNESS_EASY)))
                .put(easyRead(org, "values", 1, "nl")), 403);
        asAdmin().get(easyReads(org, "values", 1)).then().body("items", empty());
        String tag = as(editor).contentType(ContentType.JSON).body(body("APPROVED", itemsContent(RESPECT_EASY, OPENNESS_EASY)))
                .put(easyRead(org, "values", 1, "nl")).then().statusCode(201).extract().header("ETag");
        as(reader).get(easyRead(org, "values", 1, "nl")).then().statusCode(200);
        as(reader).get(easyReads(org, "values", 1)).then().statusCode(200);
        as(reader).queryParam("variant", "easy-read").get(current(org)).then().statusCode(200).body("variant", equalTo("easy-read"));
        assertProblem(as(reader).header("If-Match", tag).delete(easyRead(org, "values", 1, "nl")), 403);
        // Another organisation's easy-read text does not exist for this one's editor.
        String other = TranslationTest.valuesOrganization("easyother");
        assertProblem(as(editor).get(easyRead(other, "values", 1, "nl")), 404);
    }

    @Test
    void everyChangeWritesAnEventOfItsOwnTypeAndAnAuditEntry() {
        String org = TranslationTest.valuesOrganization("easyevents");
        String etag = createEasyRead(org, "values", 1, "nl", "DRAFT", itemsContent(RESPECT_EASY, OPENNESS_EASY)).header("ETag");
        String approved = asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(body("APPROVED", itemsContent(RESPECT_EASY, OPENNESS_EASY))).put(easyRead(org, "values", 1, "nl"))
                .then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", approved).delete(easyRead(org, "values", 1, "nl")).then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath feed = asAdmin().get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> changes = feed.getList("items.findAll { it.type == 'element.easy-read.changed' }.data");
            assertThat(changes).extracting(data -> data.get("status")).containsExactly("DRAFT", "APPROVED", "MISSING");
            assertThat(changes.get(1)).containsEntry("element", "values").containsEntry("version", 1).containsEntry("language", "nl")
                    .containsEntry("versionStatus", "ADOPTED").containsEntry("by", "bootstrap-admin");
            assertThat(feed.getList("items.type", String.class)).doesNotContain("element.translation.changed");
        });
        asAdmin().queryParam("action", "easyRead.write").get("/api/v1/organizations/" + org + "/audit-log").then().statusCode(200)
                .body("total", equalTo(2)).body("items.status", contains(200, 201));
        asAdmin().queryParam("action", "easyRead.delete").get("/api/v1/organizations/" + org + "/audit-log").then()
                .body("total", equalTo(1)).body("items[0].status", equalTo(204));
    }

    @Test
    void theDocumentOffersItPerElementInEveryRepresentation() {
        String org = TranslationTest.valuesOrganization("easydoc");
        draft(org, "mission", Map.of("content", Map.of("statement", "Wij ondersteunen mensen met een beperking."), "changeReason", "test"));
        adopt(org, "mission", 1, null);
        createEasyRead(org, "values", 1, "nl", "APPROVED", itemsContent(RESPECT_EASY, OPENNESS_EASY));
        createEasyRead(org, "values", 1, "en", "APPROVED", itemsContent(RESPECT_EN_EASY, OPENNESS_EN_EASY));
        String document = "/api/v1/organizations/" + org + "/document";

        Response standard = asAdmin().get(document).then().statusCode(200).header("Waarom-Variant", "standard")
                .body("variant", equalTo("standard")).body("values.variant", equalTo("standard")).body("vision.variant", nullValue())
                .extract().response();
        Response easy = asAdmin().queryParam("variant", "easy-read").get(document).then().statusCode(200)
                .header("Waarom-Variant", "easy-read").header("Content-Language", "nl")
                .body("variant", equalTo("easy-read"))
                .body("values.variant", equalTo("easy-read")).body("values.items[0].description", equalTo("Jij beslist wat je wil."))
                // The mission has no easy-read text: its full text, and it says so.
                .body("mission.variant", equalTo("standard")).body("mission.statement", equalTo("Wij ondersteunen mensen met een beperking."))
                .extract().response();
        assertThat(easy.header("ETag")).isNotEqualTo(standard.header("ETag"));
        asAdmin().queryParam("variant", "easy-read").header("If-None-Match", easy.header("ETag")).get(document).then().statusCode(304);

        // A language into which only easy-read texts exist is the document's language when easy-read is asked for.
        asAdmin().queryParam("variant", "easy-read").queryParam("lang", "en").get(document).then().statusCode(200)
                .header("Content-Language", "en").body("language", equalTo("en"))
                .body("values.language", equalTo("en")).body("values.variant", equalTo("easy-read"))
                .body("mission.language", equalTo("nl")).body("mission.variant", equalTo("standard"));
        asAdmin().queryParam("lang", "en").get(document).then().header("Content-Language", "nl");

        String html = asAdmin().queryParam("variant", "easy-read").header("Accept", "text/html").get(document).then().statusCode(200)
                .header("Waarom-Variant", "easy-read").extract().asString();
        assertThat(html).contains("Makkelijk lezen", "Jij beslist wat je wil.");
        String markdown = asAdmin().queryParam("variant", "easy-read").header("Accept", "text/markdown").get(document).then().statusCode(200)
                .extract().asString();
        assertThat(markdown).contains("Makkelijk lezen", "Jij beslist wat je wil");
        assertThat(asAdmin().header("Accept", "text/html").get(document).asString()).doesNotContain("Makkelijk lezen", "Jij beslist");
    }

    // --- helpers -----------------------------------------------------------------------------------

    static String easyReads(String org, String type, int version) {
        return versions(org, type) + "/" + version + "/easy-read";
    }

    static String easyRead(String org, String type, int version, String language) {
        return easyReads(org, type, version) + "/" + language;
    }

    private static String current(String org) {
        return "/api/v1/organizations/" + org + "/elements/values";
    }

    /** Creates the easy-read text (201 expected) and returns the answer. */
    static Response createEasyRead(String org, String type, int version, String language, String status, Map<String, Object> content) {
        return asAdmin().contentType(ContentType.JSON).body(body(status, content))
                .put(easyRead(org, type, version, language)).then().statusCode(201).extract().response();
    }
}
