package org.waarom.api.document;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.document.Documents.adopted;
import static org.waarom.api.document.Documents.document;
import static org.waarom.api.document.Documents.goalAction;
import static org.waarom.api.document.Documents.measure;
import static org.waarom.api.document.Documents.statement;
import static org.waarom.api.document.Documents.translate;

/**
 * Cheap polling of the vision document (docs/intranet.md#the-vision-document): a strong ETag per language and
 * representation, Last-Modified, 304 on If-None-Match and on If-Modified-Since, and never a 304 for a copy
 * that an adoption, a translation, a measurement or a goal's change made stale.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class DocumentPollingTest {

    private static final Map<String, String> FORMS = Map.of("json", "application/json", "html", "text/html", "md", "text/markdown");

    @Test
    void theETagDiffersPerLanguageAndRepresentationAndValidatesOnlyItsOwn() {
        String org = frenchMission("docetags");
        Map<String, String> tags = new LinkedHashMap<>();
        for (String language : new String[]{"nl", "fr"}) {
            FORMS.forEach((form, accept) -> {
                Response read = asAdmin().accept(accept).header("Accept-Language", language).get(document(org));
                read.then().statusCode(200).header("Content-Language", language)
                        .header("Cache-Control", containsString("private")).header("Cache-Control", containsString("no-cache"));
                assertThat(read.headers().getValues("Vary")).containsExactly("Accept, Accept-Language");
                assertThat(read.header("Access-Control-Allow-Origin")).isNull();
                tags.put(language + " " + form, read.header("ETag"));
            });
        }
        assertThat(tags.values()).doesNotHaveDuplicates()
                .allSatisfy(tag -> assertThat(tag).startsWith("\"").endsWith("\"").doesNotStartWith("W/"));
        // The same representation read again has the same tag …
        assertThat(asAdmin().accept("text/html").header("Accept-Language", "fr").get(document(org)).header("ETag")).isEqualTo(tags.get("fr html"));
        // … and each tag answers 304 for its own representation only.
        asAdmin().accept("text/html").header("Accept-Language", "fr").header("If-None-Match", tags.get("fr html")).get(document(org))
                .then().statusCode(304).header("ETag", tags.get("fr html")).body(emptyString());
        asAdmin().accept("text/html").header("If-None-Match", tags.get("fr html")).get(document(org))
                .then().statusCode(200).header("ETag", tags.get("nl html"));
        asAdmin().accept("text/markdown").header("Accept-Language", "fr").header("If-None-Match", tags.get("fr html")).get(document(org))
                .then().statusCode(200).header("ETag", tags.get("fr md"));
        asAdmin().header("If-None-Match", tags.get("nl md") + ", " + tags.get("nl json")).get(document(org)).then().statusCode(304);
    }

    @Test
    void ifModifiedSinceAnswers304WhileNothingChangedAndIfNoneMatchGoesFirst() {
        String org = frenchMission("docsince");
        for (String accept : FORMS.values()) {
            String lastModified = lastModified(() -> asAdmin().accept(accept).get(document(org)));
            asAdmin().accept(accept).header("If-Modified-Since", lastModified).get(document(org)).then()
                    .statusCode(304).header("Last-Modified", lastModified).body(emptyString());
            asAdmin().accept(accept).header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").get(document(org)).then().statusCode(200);
            // A tag that does not match decides, whatever the date says.
            asAdmin().accept(accept).header("If-None-Match", "\"document-nl-stale~json\"").header("If-Modified-Since", lastModified)
                    .get(document(org)).then().statusCode(200);
        }
    }

    @Test
    void anAdoptionATranslationApprovalAMeasurementAndAReachedGoalEachChangeTheDocument() {
        DocumentTest.Full full = DocumentTest.full("docchanges");
        String org = full.org();

        Validators before = Validators.of(() -> asAdmin().accept("text/html").queryParam("lang", "fr"), org);
        adopted(org, "mission", statement("Een nieuwe missie."));
        before.stale(() -> asAdmin().accept("text/html").queryParam("lang", "fr"), org).then()
                .body(containsString("Een nieuwe missie.")).body(containsString("Versie 2"));

        // Approving a translation changes the French document, not the Dutch one.
        Validators french = Validators.of(() -> asAdmin().queryParam("lang", "fr"), org);
        Validators dutch = Validators.of(() -> asAdmin().queryParam("lang", "nl"), org);
        translate(org, "mission", 2, "fr", "DRAFT", statement("Une nouvelle mission."));
        asAdmin().queryParam("lang", "fr").header("If-None-Match", french.etag()).get(document(org)).then().statusCode(304);
        translate(org, "mission", 2, "fr", "APPROVED", statement("Une nouvelle mission."));
        french.stale(() -> asAdmin().queryParam("lang", "fr"), org).then()
                .header("Content-Language", "fr").body("mission.statement", equalTo("Une nouvelle mission."));
        asAdmin().queryParam("lang", "nl").header("If-None-Match", dutch.etag()).get(document(org)).then().statusCode(304);

        Validators beforeMeasurement = Validators.of(() -> asAdmin().accept("text/markdown"), org);
        measure(org, full.indicator(), 58, "2026-04-30");
        beforeMeasurement.stale(() -> asAdmin().accept("text/markdown"), org).then().body(containsString("90\u00a0%"));

        // A goal that leaves the document is a change too: abandoned …
        long extra = Documents.strategicGoal(org, "Nog een doel", "vision");
        Validators beforeAbandoned = Validators.of(() -> asAdmin(), org);
        goalAction(org, extra, "abandon");
        beforeAbandoned.stale(() -> asAdmin(), org).then().body("goals.id", equalTo(List.of((int) full.strategic())));

        // … or reached (the only operational goal by hand, and with it its strategic goal).
        Validators beforeReached = Validators.of(() -> asAdmin(), org);
        goalAction(org, full.operational(), "reach");
        beforeReached.stale(() -> asAdmin(), org).then().body("goals", equalTo(List.of()));
    }

    /** A document in French for the mission only: the French document exists, the rest falls back to Dutch. */
    private static String frenchMission(String prefix) {
        String org = newOrganization(prefix);
        adopted(org, "mission", statement("We ondersteunen mensen met een beperking."));
        adopted(org, "values", Documents.items(null, Documents.item("respect", "Respect", null, "We vragen voor we handelen.")));
        translate(org, "mission", 1, "fr", "APPROVED", statement("Nous soutenons les personnes handicapées."));
        return org;
    }

    /** The ETag and Last-Modified of a copy of the document, and the check that neither still validates it after a change. */
    private record Validators(String etag, String lastModified) {

        static Validators of(Supplier<RequestSpecification> request, String org) {
            String lastModified = DocumentPollingTest.lastModified(() -> request.get().get(document(org)));
            return new Validators(request.get().get(document(org)).header("ETag"), lastModified);
        }

        /** Asserts that the copy is stale by either validator; returns the fresh answer. */
        Response stale(Supplier<RequestSpecification> request, String org) {
            request.get().header("If-Modified-Since", lastModified).get(document(org)).then().statusCode(200);
            Response fresh = request.get().header("If-None-Match", etag).get(document(org));
            fresh.then().statusCode(200);
            assertThat(fresh.header("ETag")).isNotEqualTo(etag);
            return fresh;
        }
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
}
