package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.value;
import static org.waarom.api.ApiTestSupport.values;
import static org.waarom.api.ApiTestSupport.versions;
import static org.waarom.api.element.Translations.item;
import static org.waarom.api.element.Translations.itemsContent;
import static org.waarom.api.element.Translations.translation;

/**
 * Cheap polling of the reads HR systems and intranets repeat (docs/hr-systems.md#polling-cheaply, issue 7): a
 * strong ETag per language and per representation, Last-Modified, Cache-Control and Vary; 304 on
 * If-None-Match and on If-Modified-Since, If-None-Match first; and never a 304 for a copy that an
 * adoption or a translation change made stale.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class CheapPollingTest {

    @Test
    void theETagDiffersPerLanguageAndPerRepresentation() {
        String org = NegotiatedReadTest.translatedValues("pollvariants");
        String dutch = asAdmin().get(current(org)).then().statusCode(200).extract().header("ETag");
        String french = asAdmin().header("Accept-Language", "fr").get(current(org)).then().statusCode(200).extract().header("ETag");
        String valuesJson = asAdmin().get(currentValues(org)).then().statusCode(200).extract().header("ETag");
        String valuesJsonFrench = asAdmin().header("Accept-Language", "fr").get(currentValues(org)).then().statusCode(200).extract().header("ETag");
        String valuesCsv = asAdmin().accept("text/csv").get(currentValues(org)).then().statusCode(200).extract().header("ETag");
        String valuesCsvFrench = asAdmin().accept("text/csv").queryParam("lang", "fr").get(currentValues(org)).then().statusCode(200).extract().header("ETag");
        assertThat(Set.of(dutch, french, valuesJson, valuesJsonFrench, valuesCsv, valuesCsvFrench)).hasSize(6)
                .allSatisfy(tag -> assertThat(tag).startsWith("\"").endsWith("\"").doesNotStartWith("W/"));
        // A language that falls back is the default-language representation, with its tag.
        assertThat(asAdmin().header("Accept-Language", "de").get(current(org)).header("ETag")).isEqualTo(dutch);

        // Each tag validates only its own representation.
        asAdmin().header("If-None-Match", french).header("Accept-Language", "fr").get(current(org)).then().statusCode(304);
        asAdmin().header("If-None-Match", french).get(current(org)).then().statusCode(200).header("Content-Language", "nl");
        asAdmin().header("If-None-Match", valuesCsv).accept("text/csv").get(currentValues(org)).then().statusCode(304);
        asAdmin().header("If-None-Match", valuesCsv).get(currentValues(org)).then().statusCode(200).header("ETag", valuesJson);
        asAdmin().header("If-None-Match", valuesJson + ", " + valuesCsv).get(currentValues(org)).then().statusCode(304);
    }

    @Test
    void readsSendTheirCachingHeadersAnd304HasNoBody() {
        String org = NegotiatedReadTest.translatedValues("pollheaders");
        for (String path : new String[]{current(org), versions(org, "values") + "/1", currentValues(org)}) {
            Response read = asAdmin().header("Accept-Language", "fr").get(path);
            read.then().statusCode(200)
                    .header("Cache-Control", containsString("private"))
                    .header("Cache-Control", containsString("no-cache"))
                    .header("Content-Language", "fr");
            assertThat(read.headers().getValues("Vary")).containsExactly("Accept, Accept-Language");
            asAdmin().header("Accept-Language", "fr").header("If-None-Match", read.header("ETag")).get(path).then()
                    .statusCode(304)
                    .header("ETag", read.header("ETag"))
                    .header("Vary", containsString("Accept-Language"))
                    .header("Cache-Control", containsString("no-cache"))
                    .body(emptyString());
        }
    }

    @Test
    void lastModifiedAndIfModifiedSinceAnswer304WhileNothingChanged() {
        String org = NegotiatedReadTest.translatedValues("pollsince");
        for (String path : new String[]{current(org), versions(org, "values") + "/1", currentValues(org)}) {
            // Last-Modified has whole seconds: it comes once the second of the last change has passed.
            String lastModified = lastModified(() -> asAdmin().header("Accept-Language", "fr").get(path));
            asAdmin().header("Accept-Language", "fr").header("If-Modified-Since", lastModified).get(path).then()
                    .statusCode(304).header("Last-Modified", lastModified).body(emptyString());
            asAdmin().header("Accept-Language", "fr").header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").get(path).then()
                    .statusCode(200).header("Content-Language", "fr");
        }
    }

    @Test
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
        String org = NegotiatedReadTest.translatedValues("pollprecedence");
        String lastModified = lastModified(() -> asAdmin().get(currentValues(org)));
        String etag = asAdmin().get(currentValues(org)).header("ETag");
        // A date that alone would answer 304 does not, when the tag does not match …
        asAdmin().header("If-None-Match", "\"values-0-r0~json\"").header("If-Modified-Since", lastModified).get(currentValues(org)).then()
                .statusCode(200).body("version", equalTo(1));
        // … and a matching tag answers 304 with a date that alone would not.
        asAdmin().header("If-None-Match", etag).header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").get(currentValues(org)).then()
                .statusCode(304);
    }

    @Test
    void invalidOrFutureDatesAreIgnored() {
        String org = NegotiatedReadTest.translatedValues("polldates");
        String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));
        lastModified(() -> asAdmin().get(current(org)));
        for (String date : new String[]{"yesterday", "2026-06-02T09:00:00Z", "", future}) {
            asAdmin().header("If-Modified-Since", date).get(current(org)).then().statusCode(200).body("language", equalTo("nl"));
        }
    }

    @Test
    void anAdoptionIsSeenAtOnceByEveryValidator() {
        String org = TranslationTest.valuesOrganization("polladopt");
        Response before = asAdmin().get(currentValues(org)).then().statusCode(200).extract().response();
        String lastModified = lastModified(() -> asAdmin().get(currentValues(org)));
        String currentTag = asAdmin().get(current(org)).header("ETag");

        draft(org, "values", values(value("zorg", "Zorg", "We zorgen voor elkaar.")));
        adopt(org, "values", 2, null);

        asAdmin().header("If-None-Match", before.header("ETag")).get(currentValues(org)).then().statusCode(200)
                .body("version", equalTo(2)).body("values[0].key", equalTo("zorg"));
        asAdmin().header("If-Modified-Since", lastModified).get(currentValues(org)).then().statusCode(200).body("version", equalTo(2));
        asAdmin().header("If-None-Match", currentTag).get(current(org)).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aVersionAdoptedForLaterIsSeenWhenItTakesEffect() {
        String org = TranslationTest.valuesOrganization("pollfuture");
        draft(org, "values", values(value("zorg", "Zorg", "We zorgen voor elkaar.")));
        Instant takesEffect = Instant.now().plusSeconds(6);
        adopt(org, "values", 2, takesEffect.toString());
        asAdmin().get(currentValues(org)).then().body("version", equalTo(1));
        String lastModified = lastModified(() -> asAdmin().get(currentValues(org)));

        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(takesEffect));
        // Nothing was written when version 2 took effect, yet the date must not claim the copy is current.
        asAdmin().header("If-Modified-Since", lastModified).get(currentValues(org)).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aTranslationChangeIsSeenAtOnceByEveryValidator() {
        String org = NegotiatedReadTest.translatedValues("polltranslate");
        String frenchTag = asAdmin().header("Accept-Language", "fr").get(current(org)).header("ETag");
        String lastModified = lastModified(() -> asAdmin().header("Accept-Language", "fr").get(current(org)));
        String dutchTag = asAdmin().get(current(org)).header("ETag");

        Translations.replace(org, "values", 1, "fr", "APPROVED", itemsContent(
                item("respect", "Le respect", null, "Nous frappons avant d'entrer."),
                item("openheid", "Ouverture", null, "Nous disons ce que nous faisons.")));

        asAdmin().header("Accept-Language", "fr").header("If-None-Match", frenchTag).get(current(org)).then().statusCode(200)
                .body("content.items[0].title", equalTo("Le respect"));
        asAdmin().header("Accept-Language", "fr").header("If-Modified-Since", lastModified).get(current(org)).then().statusCode(200)
                .body("content.items[0].title", equalTo("Le respect"));
        // The version itself did not change: the default-language copy stays valid.
        asAdmin().header("If-None-Match", dutchTag).get(current(org)).then().statusCode(304);

        // Set back to DRAFT, it is no longer served: French readers get Dutch, and no validator hides that.
        String newFrenchTag = asAdmin().header("Accept-Language", "fr").get(current(org)).header("ETag");
        String newLastModified = lastModified(() -> asAdmin().header("Accept-Language", "fr").get(current(org)));
        Translations.replace(org, "values", 1, "fr", "DRAFT", itemsContent(
                item("respect", "Le respect", null, "Nous frappons avant d'entrer."),
                item("openheid", "Ouverture", null, "Nous disons ce que nous faisons.")));
        asAdmin().header("Accept-Language", "fr").header("If-None-Match", newFrenchTag).get(current(org)).then().statusCode(200)
                .header("Content-Language", "nl");
        asAdmin().header("Accept-Language", "fr").header("If-Modified-Since", newLastModified).get(current(org)).then().statusCode(200)
                .header("Content-Language", "nl");
    }

    @Test
    void aDeletedTranslationIsSeenAtOnceByEveryValidator() {
        String org = NegotiatedReadTest.translatedValues("polldelete");
        String frenchTag = asAdmin().accept("text/csv").queryParam("lang", "fr").get(currentValues(org)).header("ETag");
        String lastModified = lastModified(() -> asAdmin().accept("text/csv").queryParam("lang", "fr").get(currentValues(org)));
        String translationTag = asAdmin().get(translation(org, "values", 1, "fr")).header("ETag");
        asAdmin().header("If-Match", translationTag).delete(translation(org, "values", 1, "fr")).then().statusCode(204);

        asAdmin().accept("text/csv").queryParam("lang", "fr").header("If-None-Match", frenchTag).get(currentValues(org)).then()
                .statusCode(200).header("Content-Language", "nl");
        asAdmin().accept("text/csv").queryParam("lang", "fr").header("If-Modified-Since", lastModified).get(currentValues(org)).then()
                .statusCode(200).header("Content-Language", "nl");
    }

    /** The Last-Modified of the read, once it is sent (the second of the last change has passed). */
    private static String lastModified(Supplier<Response> read) {
        String[] header = new String[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            header[0] = read.get().then().statusCode(200).extract().header("Last-Modified");
            return header[0] != null;
        });
        return header[0];
    }

    private static String current(String org) {
        return "/api/v1/organizations/" + org + "/elements/values";
    }

    private static String currentValues(String org) {
        return "/api/v1/organizations/" + org + "/values/current";
    }
}
