package org.waarom.api.organization;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.errorFields;
import static org.waarom.api.ApiTestSupport.links;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.uniqueSlug;

/** Organisations over HTTP (docs/api-guide.md#conventions): create, list with paging, read, change with If-Match. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class OrganizationResourceTest {

    private static final String ORGANIZATIONS = "/api/v1/organizations";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    // ---------------------------------------------------------------------------------------------
    // Create

    @Test
    void createAnswers201WithLocationETagAndTheOrganisation() {
        String slug = uniqueSlug("create");
        Response created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Zorg A", "defaultLanguage", "fr", "languages", List.of("fr", "nl", "en")))
                .post(ORGANIZATIONS);

        created.then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("slug", equalTo(slug))
                .body("name", equalTo("Zorg A"))
                .body("defaultLanguage", equalTo("fr"))
                .body("languages", contains("fr", "nl", "en"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        assertThat(created.header("Location")).endsWith("/api/v1/organizations/" + slug).startsWith("http");
        String etag = created.header("ETag");
        assertThat(etag).matches("\"[^\"]+\"");

        // The Location names it, and it reads back as it was answered, with the same tag.
        asAdmin().get(created.header("Location")).then().statusCode(200)
                .header("ETag", etag)
                .body("slug", equalTo(slug))
                .body("name", equalTo("Zorg A"))
                .body("languages", contains("fr", "nl", "en"))
                .body("createdAt", equalTo(created.path("createdAt")));
    }

    @Test
    void theNameIsStoredWithoutSurroundingWhitespaceAndKeepsItsCharacters() {
        String slug = uniqueSlug("chars");
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "  Zorg Één & <Twee>  "))
                .post(ORGANIZATIONS).then().statusCode(201).body("name", equalTo("Zorg Één & <Twee>"));
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(200).body("name", equalTo("Zorg Één & <Twee>"));
    }

    @Test
    void theDefaultLanguageIsDutchWhenOmitted() {
        String slug = uniqueSlug("nl");
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Zonder taal"))
                .post(ORGANIZATIONS).then().statusCode(201)
                .body("defaultLanguage", equalTo("nl"))
                .body("languages", contains("nl"));

        String other = uniqueSlug("nl");
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", other, "name", "Met talen", "languages", List.of("fr", "en", "nl")))
                .post(ORGANIZATIONS).then().statusCode(201)
                .body("defaultLanguage", equalTo("nl"))
                .body("languages", contains("nl", "fr", "en"));
    }

    @Test
    void theLanguagesAlwaysStartWithTheDefaultLanguageOnce() {
        String missing = uniqueSlug("lang");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", missing, "name", "Frans", "defaultLanguage", "fr", "languages", List.of("en", "de")))
                .post(ORGANIZATIONS).then().statusCode(201)
                .body("languages", contains("fr", "en", "de"));

        String repeated = uniqueSlug("lang");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", repeated, "name", "Dubbel", "defaultLanguage", "en", "languages", List.of("nl", "en", "nl", "en")))
                .post(ORGANIZATIONS).then().statusCode(201)
                .body("languages", contains("en", "nl"));
        asAdmin().get(ORGANIZATIONS + "/" + repeated).then().body("languages", contains("en", "nl"));
    }

    @Test
    void aSecondOrganisationWithTheSameSlugIs409AndTheFirstIsKept() {
        String slug = uniqueSlug("dup");
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Eerste")).post(ORGANIZATIONS).then().statusCode(201);

        Response duplicate = asAdmin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Tweede")).post(ORGANIZATIONS);

        assertProblem(duplicate, 409, "conflict").body("detail", org.hamcrest.Matchers.containsString(slug));
        assertThat(duplicate.header("Location")).isNull();
        asAdmin().get(ORGANIZATIONS + "/" + slug).then().statusCode(200).body("name", equalTo("Eerste"));
    }

    @ParameterizedTest(name = "slug \"{0}\" is refused")
    @ValueSource(strings = {"Zorg-a", "ZORG", "-zorg", "a", "zorg a", "zorg_a", "zorg.a", "zörg", "",
            "a123456789b123456789c123456789d123456789e123456789f123456789ghij"})
    void anInvalidSlugIs400NamingSlug(String slug) {
        Response response = asAdmin().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Zorg")).post(ORGANIZATIONS);

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("slug");
        assertThat(response.jsonPath().getString("errors[0].message")).isNotBlank();
        if (!slug.isEmpty()) {
            asAdmin().get(ORGANIZATIONS + "/{slug}", slug).then().statusCode(404);
        }
    }

    @Test
    void slugsOfTwoAnd63CharactersAreAccepted() {
        // Each test JVM has its own throw-away database, and no other test uses a two-character slug.
        String two = "q7";
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", two, "name", "Kort")).post(ORGANIZATIONS).then().statusCode(201);
        asAdmin().get(ORGANIZATIONS + "/" + two).then().statusCode(200).body("slug", equalTo(two));

        String base = uniqueSlug("long");
        String long63 = base + "x".repeat(63 - base.length());
        assertThat(long63).hasSize(63);
        asAdmin().contentType(ContentType.JSON).body(Map.of("slug", long63, "name", "Lang")).post(ORGANIZATIONS).then().statusCode(201);
        asAdmin().get(ORGANIZATIONS + "/" + long63).then().statusCode(200).body("slug", equalTo(long63));
    }

    @Test
    void aMissingSlugIs400NamingSlug() {
        Response response = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Zonder slug")).post(ORGANIZATIONS);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("slug");
    }

    @Test
    void aMissingBlankOrTooLongNameIs400NamingName() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("slug", uniqueSlug("name")),
                Map.of("slug", uniqueSlug("name"), "name", ""),
                Map.of("slug", uniqueSlug("name"), "name", "   "),
                Map.of("slug", uniqueSlug("name"), "name", "n".repeat(201)))) {
            Response response = asAdmin().contentType(ContentType.JSON).body(body).post(ORGANIZATIONS);

            assertProblem(response, 400, "invalid-request");
            assertThat(errorFields(response)).as("errors for %s", body).containsExactly("name");
            asAdmin().get(ORGANIZATIONS + "/" + body.get("slug")).then().statusCode(404);
        }
    }

    @ParameterizedTest(name = "defaultLanguage \"{0}\" is refused")
    @ValueSource(strings = {"nederlands", "NL", "n1", "n", "", "nl-BE"})
    void aBadDefaultLanguageIs400NamingIt(String language) {
        Response response = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", uniqueSlug("deflang"), "name", "Zorg", "defaultLanguage", language)).post(ORGANIZATIONS);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("defaultLanguage");
    }

    @Test
    void aBadLanguageIs400NamingItsIndex() {
        Response second = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", uniqueSlug("langs"), "name", "Zorg", "languages", List.of("nl", "FR", "en"))).post(ORGANIZATIONS);
        assertProblem(second, 400);
        assertThat(errorFields(second)).containsExactly("languages[1]");

        Response first = asAdmin().contentType(ContentType.JSON)
                .body("{\"slug\": \"" + uniqueSlug("langs") + "\", \"name\": \"Zorg\", \"languages\": [null, \"fr\"]}").post(ORGANIZATIONS);
        assertProblem(first, 400);
        assertThat(errorFields(first)).containsExactly("languages[0]");

        Response several = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", uniqueSlug("langs"), "name", "Zorg", "languages", List.of("english", "nl", "x"))).post(ORGANIZATIONS);
        assertProblem(several, 400);
        assertThat(errorFields(several)).containsExactly("languages[0]", "languages[2]");
    }

    @Test
    void atMostTwentyLanguages() {
        List<String> languages = IntStream.range(0, 21).mapToObj(i -> "" + (char) ('a' + i) + (char) ('a' + i)).toList();
        Response response = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", uniqueSlug("many"), "name", "Zorg", "languages", languages)).post(ORGANIZATIONS);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("languages");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Response response = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", "Not A Slug", "name", " ", "defaultLanguage", "dutch", "languages", List.of("nl", "??")))
                .post(ORGANIZATIONS);

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactlyInAnyOrder("slug", "name", "defaultLanguage", "languages[1]");
    }

    // ---------------------------------------------------------------------------------------------
    // List

    @Test
    void theListIsPaginatedWithLinksAcrossEveryPage() {
        List<String> mine = List.of(newOrganization("page"), newOrganization("page"), newOrganization("page"));

        Response firstPage = asAdmin().queryParam("size", 1).get(ORGANIZATIONS);
        firstPage.then().statusCode(200).contentType(ContentType.JSON)
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("items.size()", equalTo(1));
        long total = firstPage.jsonPath().getLong("total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(firstPage.jsonPath().getMap("$")).containsOnlyKeys("items", "page", "size", "total");
        Map<String, String> firstLinks = links(firstPage.header("Link"));
        assertThat(firstLinks).containsOnlyKeys("first", "next", "last");
        assertThat(firstLinks.get("first")).contains("page=0").contains("size=1");
        assertThat(firstLinks.get("next")).contains("page=1").contains("size=1");
        assertThat(firstLinks.get("last")).contains("page=" + (total - 1)).contains("size=1");

        // Follow "next" to the end: every organisation exactly once, in slug order, prev pointing back. In pages of a size
        // that makes about eight of them (the suite has made hundreds of organisations by now; one per page costs minutes).
        int size = (int) Math.max(1, (total + 7) / 8);
        long pages = (total + size - 1) / size;
        List<String> slugs = new ArrayList<>();
        Response page = asAdmin().queryParam("size", size).get(ORGANIZATIONS);
        for (int number = 0; ; number++) {
            assertThat(page.jsonPath().getInt("page")).isEqualTo(number);
            assertThat(page.jsonPath().getLong("total")).isEqualTo(total);
            slugs.addAll(page.jsonPath().getList("items.slug", String.class));
            Map<String, String> pageLinks = links(page.header("Link"));
            assertThat(pageLinks).containsKeys("first", "last");
            if (number > 0) {
                assertThat(pageLinks.get("prev")).contains("page=" + (number - 1));
            } else {
                assertThat(pageLinks).doesNotContainKey("prev");
            }
            if (!pageLinks.containsKey("next")) {
                assertThat(number).isEqualTo(pages - 1);
                assertThat(pageLinks.get("last")).contains("page=" + (pages - 1)).contains("size=" + size);
                break;
            }
            assertThat(number).isLessThan((int) pages);
            page = asAdmin().get(pageLinks.get("next"));
            page.then().statusCode(200);
        }
        assertThat(slugs).hasSize((int) total).doesNotHaveDuplicates().isSorted().containsAll(mine);

        // A middle page links in both directions.
        Response middle = asAdmin().queryParam("page", 1).queryParam("size", 1).get(ORGANIZATIONS);
        middle.then().statusCode(200).body("page", equalTo(1)).body("items[0].slug", equalTo(slugs.get(1)));
        assertThat(links(middle.header("Link"))).containsOnlyKeys("first", "prev", "next", "last");
    }

    @Test
    void theListDefaultsToPage0Of20AndPagesPastTheEndAreEmpty() {
        newOrganization("deflt");
        Response response = asAdmin().get(ORGANIZATIONS);
        response.then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
        long total = response.jsonPath().getLong("total");
        assertThat(response.jsonPath().getList("items")).hasSize((int) Math.min(total, 20));
        assertThat(links(response.header("Link")).get("first")).contains("size=20");

        Response beyond = asAdmin().queryParam("page", total + 5).queryParam("size", 1).get(ORGANIZATIONS);
        beyond.then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo((int) total));
        assertThat(links(beyond.header("Link"))).doesNotContainKey("next").containsKey("prev");
    }

    @Test
    void aPageOf200IsTheLargestAllowed() {
        newOrganization("max");
        asAdmin().queryParam("size", 200).get(ORGANIZATIONS).then().statusCode(200).body("size", equalTo(200));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"size=0", "size=201", "size=-1", "size=abc", "size=1.5", "page=-1", "page=abc", "page=1e3", "page=99999999999"})
    void aBadPageOrSizeIs400NamingTheParameter(String query) {
        String parameter = query.substring(0, query.indexOf('='));
        Response response = asAdmin().get(ORGANIZATIONS + "?" + query);

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly(parameter);
    }

    @Test
    void badPageAndSizeAreBothReported() {
        Response response = asAdmin().get(ORGANIZATIONS + "?page=x&size=0");

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactlyInAnyOrder("page", "size");
    }

    // ---------------------------------------------------------------------------------------------
    // Read

    @Test
    void anUnknownOrganisationIs404() {
        Response response = asAdmin().get(ORGANIZATIONS + "/" + uniqueSlug("nobody"));

        assertProblem(response, 404, "not-found");
        assertThat(response.jsonPath().getString("detail")).contains("nobody");
    }

    @Test
    void ifNoneMatchAnswers304UntilTheOrganisationChanges() {
        String org = newOrganization("etag");
        Response read = asAdmin().get(ORGANIZATIONS + "/" + org);
        read.then().statusCode(200).header("Cache-Control", notNullValue());
        String etag = read.header("ETag");
        assertThat(etag).isNotBlank();

        Response notModified = asAdmin().header("If-None-Match", etag).get(ORGANIZATIONS + "/" + org);
        notModified.then().statusCode(304).header("ETag", etag);
        assertThat(notModified.asString()).isEmpty();
        asAdmin().header("If-None-Match", "\"something-else\"").get(ORGANIZATIONS + "/" + org).then().statusCode(200);
        asAdmin().header("If-None-Match", "W/" + etag).get(ORGANIZATIONS + "/" + org).then().statusCode(304);
        asAdmin().header("If-None-Match", "\"a\", " + etag).get(ORGANIZATIONS + "/" + org).then().statusCode(304);

        String newTag = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"name\": \"Nieuwe naam\"}")
                .patch(ORGANIZATIONS + "/" + org).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-None-Match", etag).get(ORGANIZATIONS + "/" + org).then().statusCode(200)
                .header("ETag", newTag).body("name", equalTo("Nieuwe naam"));
    }

    // ---------------------------------------------------------------------------------------------
    // Change

    @ParameterizedTest(name = "PATCH as {0}")
    @ValueSource(strings = {MERGE_PATCH, "application/json"})
    void aChangeNeedsTheCurrentETag(String mediaType) {
        String org = newOrganization("patch");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        Response withoutIfMatch = asAdmin().contentType(mediaType).body("{\"name\": \"Zonder If-Match\"}").patch(ORGANIZATIONS + "/" + org);
        assertProblem(withoutIfMatch, 428, "precondition-required");

        Response changed = asAdmin().header("If-Match", etag).contentType(mediaType).body("{\"name\": \"Zorg A vzw\"}")
                .patch(ORGANIZATIONS + "/" + org);
        changed.then().statusCode(200).contentType(ContentType.JSON)
                .body("slug", equalTo(org))
                .body("name", equalTo("Zorg A vzw"))
                .body("defaultLanguage", equalTo("nl"))
                .body("languages", contains("nl", "fr", "en"));
        String newTag = changed.header("ETag");
        assertThat(newTag).isNotBlank().isNotEqualTo(etag);

        Response stale = asAdmin().header("If-Match", etag).contentType(mediaType).body("{\"name\": \"Verloren update\"}")
                .patch(ORGANIZATIONS + "/" + org);
        assertProblem(stale, 412, "precondition-failed");

        asAdmin().get(ORGANIZATIONS + "/" + org).then().statusCode(200)
                .header("ETag", newTag)
                .body("name", equalTo("Zorg A vzw"));
    }

    @ParameterizedTest(name = "PATCH as {0}")
    @ValueSource(strings = {MERGE_PATCH, MERGE_PATCH + "; charset=UTF-8", "application/json", "application/json; charset=UTF-8"})
    void nonAsciiNamesArriveIntact(String mediaType) {
        String org = newOrganization("utf");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        asAdmin().header("If-Match", etag)
                .contentType(mediaType)
                .body("{\"name\": \"Zorg Één – Cliënt\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .patch(ORGANIZATIONS + "/" + org).then().statusCode(200).body("name", equalTo("Zorg Één – Cliënt"));
        asAdmin().get(ORGANIZATIONS + "/" + org).then().body("name", equalTo("Zorg Één – Cliënt"));
    }

    @Test
    void aPatchOnlyChangesTheFieldsItNames() {
        String slug = uniqueSlug("partial");
        String etag = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Deels", "defaultLanguage", "nl", "languages", List.of("nl", "fr")))
                .post(ORGANIZATIONS).then().statusCode(201).extract().header("ETag");
        String createdAt = asAdmin().get(ORGANIZATIONS + "/" + slug).path("createdAt");

        asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"languages\": [\"nl\", \"de\"]}")
                .patch(ORGANIZATIONS + "/" + slug).then().statusCode(200)
                .body("name", equalTo("Deels"))
                .body("defaultLanguage", equalTo("nl"))
                .body("languages", contains("nl", "de"))
                .body("createdAt", equalTo(createdAt));
    }

    @Test
    void aNewDefaultLanguageComesFirst() {
        String org = newOrganization("deflang");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"defaultLanguage\": \"fr\"}")
                .patch(ORGANIZATIONS + "/" + org).then().statusCode(200)
                .body("defaultLanguage", equalTo("fr"))
                .body("languages", contains("fr", "nl", "en"));
    }

    @Test
    void languagesWithoutTheDefaultLanguageAre400() {
        String org = newOrganization("nodef");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        Response response = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"languages\": [\"fr\", \"en\"]}")
                .patch(ORGANIZATIONS + "/" + org);

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("languages");
        asAdmin().get(ORGANIZATIONS + "/" + org).then().header("ETag", etag).body("languages", contains("nl", "fr", "en"));
    }

    @Test
    void ifMatchStarAndAListContainingTheCurrentTagMatch() {
        String org = newOrganization("star");
        asAdmin().header("If-Match", "*").contentType(MERGE_PATCH).body("{\"name\": \"Ster\"}")
                .patch(ORGANIZATIONS + "/" + org).then().statusCode(200).body("name", equalTo("Ster"));
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");
        asAdmin().header("If-Match", "\"old\", " + etag).contentType(MERGE_PATCH).body("{\"name\": \"Lijst\"}")
                .patch(ORGANIZATIONS + "/" + org).then().statusCode(200).body("name", equalTo("Lijst"));
    }

    @Test
    void aWeakTagNeverMatchesIfMatch() {
        String org = newOrganization("weak");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        Response response = asAdmin().header("If-Match", "W/" + etag).contentType(MERGE_PATCH).body("{\"name\": \"Zwak\"}")
                .patch(ORGANIZATIONS + "/" + org);

        assertProblem(response, 412, "precondition-failed");
    }

    @Test
    void theSlugCannotBeChanged() {
        String org = newOrganization("slug");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        Response response = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"slug\": \"" + org + "-new\", \"name\": \"Nieuwe naam\"}").patch(ORGANIZATIONS + "/" + org);

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly("slug");
        asAdmin().get(ORGANIZATIONS + "/" + org).then().statusCode(200).header("ETag", etag).body("name", equalTo("Test " + org));
        asAdmin().get(ORGANIZATIONS + "/" + org + "-new").then().statusCode(404);

        // Sending the slug it already has is harmless.
        asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"slug\": \"" + org + "\", \"name\": \"Zelfde slug\"}")
                .patch(ORGANIZATIONS + "/" + org).then().statusCode(200).body("slug", equalTo(org)).body("name", equalTo("Zelfde slug"));
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        String org = newOrganization("unknown");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");

        Response response = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"name\": \"X\", \"colour\": \"red\"}")
                .patch(ORGANIZATIONS + "/" + org);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly("colour");
        asAdmin().get(ORGANIZATIONS + "/" + org).then().header("ETag", etag).body("name", equalTo("Test " + org));
    }

    @Test
    void invalidValuesInAPatchAre400NamingTheField() {
        String org = newOrganization("badpatch");
        String etag = asAdmin().get(ORGANIZATIONS + "/" + org).header("ETag");
        Map<String, String> cases = new HashMap<>();
        cases.put("{\"name\": \"   \"}", "name");
        cases.put("{\"name\": \"" + "n".repeat(201) + "\"}", "name");
        cases.put("{\"defaultLanguage\": \"dutch\"}", "defaultLanguage");
        cases.put("{\"languages\": []}", "languages");
        cases.put("{\"languages\": [\"nl\", \"FR\"]}", "languages[1]");

        cases.forEach((body, field) -> {
            Response response = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body(body).patch(ORGANIZATIONS + "/" + org);
            assertProblem(response, 400);
            assertThat(errorFields(response)).as("errors for %s", body).containsExactly(field);
        });
        asAdmin().get(ORGANIZATIONS + "/" + org).then().header("ETag", etag);
    }

    @ParameterizedTest(name = "{0}: null")
    @ValueSource(strings = {"name", "defaultLanguage", "languages", "publicReads", "slug"})
    void aNullForARequiredFieldInAPatchIs400AndChangesNothing(String field) {
        String org = newOrganization("nullpatch");
        var before = asAdmin().get(ORGANIZATIONS + "/" + org).then().statusCode(200).extract();
        String etag = before.header("ETag");

        Response response = asAdmin().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"" + field + "\": null}")
                .patch(ORGANIZATIONS + "/" + org);

        assertProblem(response, 400, "invalid-request");
        assertThat(errorFields(response)).containsExactly(field);
        asAdmin().get(ORGANIZATIONS + "/" + org).then().statusCode(200).header("ETag", etag)
                .body("name", equalTo("Test " + org))
                .body("languages", contains("nl", "fr", "en"))
                .body("updatedAt", equalTo(before.path("updatedAt")));
    }

    @Test
    void patchingAnUnknownOrganisationIs404() {
        Response response = asAdmin().header("If-Match", "*").contentType(MERGE_PATCH).body("{\"name\": \"X\"}")
                .patch(ORGANIZATIONS + "/" + uniqueSlug("ghost"));

        assertProblem(response, 404, "not-found");
    }
}
