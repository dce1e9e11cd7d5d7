package org.waarom.api.page;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * The consultation page (docs/participation.md): the invitation's link as a page, with the same token rules as the API,
 * forms that post and redirect, errors next to their fields, and refusals that tell nothing. Drawn in a real browser by
 * the end-to-end module's ParticipationBrowserTest; here the HTTP of it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ConsultationPageTest {

    static final Map<String, Object> VISION_1 = Map.of("changeReason", "Eerste visie", "content", Map.of(
            "statement", "Wij streven naar een samenleving waarin iedereen meetelt.",
            "items", List.of(Map.of("key", "inclusie", "title", "Inclusie", "description", "Iedereen hoort erbij."))));
    static final Map<String, Object> VISION_2 = Map.of("changeReason", "Nieuwe visie", "content", Map.of(
            "statement", "Wij streven naar een samenleving waarin iedereen echt meetelt.",
            "items", List.of(Map.of("key", "inclusie", "title", "Inclusie", "description", "Iedereen hoort erbij."),
                    Map.of("key", "netwerk", "title", "Sterk netwerk", "description", "Niemand staat er alleen voor."))));

    @Test
    void theLinkLeadsToAPageWithTheQuestionTheDraftAndWhatChanges() {
        Round round = roundWithAdoptedVersion("page");
        assertThat(round.link).contains("/pages/" + round.org + "/consultations/" + round.id + "?token=winv_");

        Response page = open(round).get(pagePath(round));
        page.then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-store"));
        String html = page.asString();
        assertThat(html).contains("<html lang=\"nl\"", "Geef je mening", "Herken je je hierin?", "Ontwerpversie 2",
                "vergeleken met versie 1", "<ins><span class=\"sr\">nieuwe tekst: </span>echt </ins>", "Sterk netwerk", "Nieuw");
        // The organisation's name on the page, its own style sheet allowed by digest, and no script anywhere.
        assertThat(html).contains(round.name).doesNotContain("<script");
    }

    @Test
    void feedbackIsGivenChangedAndWithdrawnByFormAndCountedInTheRound() {
        Round round = roundWithAdoptedVersion("forms");
        Response given = post(round, "/feedback", Map.of("anchor", "item:netwerk", "stance", "CONCERN", "text", "Wie helpt als familie wegvalt?"));
        given.then().statusCode(303).header("Location", containsString("/pages/" + round.org + "/consultations/" + round.id + "?token=winv_"))
                .header("Location", containsString("done=saved"));
        asAdmin().get(consultation(round.org, round.id)).then().statusCode(200)
                .body("summary.total", equalTo(1)).body("summary.byStance.CONCERN", equalTo(1))
                .body("feedback[0].audience", equalTo("CLIENTS")).body("feedback[0].by", equalTo("Cliëntenraad"));
        long feedbackId = asAdmin().get(consultation(round.org, round.id)).jsonPath().getLong("feedback[0].id");

        String page = open(round).get(pagePath(round) + "&done=saved").asString();
        assertThat(page).contains("Je reactie is bewaard", "Wie helpt als familie wegvalt?", "Je reactie wijzigen", "Deze reactie intrekken");

        post(round, "/feedback/" + feedbackId, Map.of("anchor", "item:netwerk", "stance", "SUGGESTION", "text", "Een buddy per bewoner."))
                .then().statusCode(303);
        asAdmin().get(consultation(round.org, round.id)).then()
                .body("summary.total", equalTo(1)).body("summary.byStance.SUGGESTION", equalTo(1)).body("feedback[0].text", equalTo("Een buddy per bewoner."));

        post(round, "/feedback/" + feedbackId + "/withdrawal", Map.of()).then().statusCode(303).header("Location", containsString("done=withdrawn"));
        asAdmin().get(consultation(round.org, round.id)).then().body("summary.total", equalTo(0));

        // What the token holder did is in the organisation's audit log, under the invitation.
        asAdmin().queryParam("action", "consultationPage.give").get("/api/v1/organizations/" + round.org + "/audit-log").then().statusCode(200)
                .body("items[0].credential", startsWith("invitation:")).body("items[0].target", not(containsString("token")));
    }

    @Test
    void aRefusedFormIsThePageAgainWithEachErrorBesideItsFieldAndWhatWasTyped() {
        Round round = roundWithAdoptedVersion("errors");
        Response refused = post(round, "/feedback", Map.of("anchor", "statement", "text", "Mooi, maar <b>vaag</b>."));
        refused.then().statusCode(400).contentType(startsWith("text/html"));
        String html = refused.asString();
        assertThat(html).contains("Je reactie is niet bewaard", "id=\"new-statement-stance-error\"",
                "Kies of je dit steunt, een bezwaar hebt of een voorstel hebt.", "Mooi, maar &lt;b&gt;vaag&lt;/b&gt;.");
        assertThat(post(round, "/feedback", Map.of("anchor", "statement", "stance", "SUPPORT", "text", "   ")).asString())
                .contains("aria-invalid=\"true\"", "Schrijf je reactie.");
        assertThat(post(round, "/feedback", Map.of("anchor", "statement", "stance", "SUPPORT", "text", "x".repeat(4001))).asString())
                .contains("Schrijf hoogstens 4000 tekens (nu 4001).");
        // In the language the page was asked in.
        given().header("Accept-Language", "fr").contentType(FORM).formParams(Map.of("anchor", "statement", "text", "Oui"))
                .post(pagePath(round).replace("?", "/feedback?")).then().statusCode(400)
                .body(containsString("Choisissez si vous soutenez"));
        asAdmin().get(consultation(round.org, round.id)).then().body("summary.total", equalTo(0));
    }

    @Test
    void thePageSpeaksTheLanguageAskedForAndTheTextFallsBackAsTheApiDoes() {
        Round round = roundWithAdoptedVersion("lang");
        String translation = versions(round.org, "vision") + "/2/translations/fr";
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "APPROVED", "content", Map.of(
                        "statement", "Nous visons une société où chacun compte vraiment.",
                        "items", List.of(Map.of("key", "inclusie", "title", "Inclusion", "description", "Chacun a sa place."),
                                Map.of("key", "netwerk", "title", "Un réseau solide", "description", "Personne n'est seul.")))))
                .put(translation).then().statusCode(201);

        // French asked for: French words and the approved French text, offered beside Dutch; no diff, version 1 has no French.
        String french = given().header("Accept-Language", "fr-BE, nl;q=0.5").get(pagePath(round)).then().statusCode(200).extract().asString();
        assertThat(french).contains("<html lang=\"fr\"", "Donnez votre avis", "Un réseau solide", "hreflang=\"nl\"", "&amp;lang=nl")
                .doesNotContain("compare");
        // German asked for: German words, the Dutch text (the default language) marked as Dutch, with its diff.
        String german = given().get(pagePath(round) + "&lang=de").then().statusCode(200).extract().asString();
        assertThat(german).contains("<html lang=\"de\"", "Ihre Meinung zählt", "<div lang=\"nl\">", "Sterk netwerk", "mit Version 1 verglichen");
        // A language the page has no words in: the text's language (else English); a malformed ?lang= is no reason to fail.
        assertThat(given().get(pagePath(round) + "&lang=es").then().statusCode(200).extract().asString()).contains("<html lang=\"nl\"");
        given().get(pagePath(round) + "&lang=%3Cx%3E").then().statusCode(200);
    }

    @Test
    void nothingAFormCanSendIsA500() {
        Round round = roundWithAdoptedVersion("nasty");
        List<Map<String, String>> forms = List.of(Map.of(), Map.of("anchor", "item:bestaat-niet", "stance", "SUPPORT", "text", "x"),
                Map.of("anchor", "elders", "stance", "SUPPORT", "text", "x"), Map.of("anchor", "statement", "stance", "support", "text", "x"),
                Map.of("anchor", "statement", "stance", "SUPPORT", "text", "nul\u0000teken"), Map.of("anchor", "item:" + "a".repeat(500), "stance", "CONCERN", "text", "x"));
        for (Map<String, String> form : forms) {
            int status = post(round, "/feedback", form).statusCode();
            assertThat(status).as(form.toString()).isBetween(300, 499);
        }
        assertThat(post(round, "/feedback/999999", Map.of("anchor", "statement", "stance", "SUPPORT", "text", "x")).statusCode()).isEqualTo(404);
        assertThat(post(round, "/feedback/abc", Map.of("anchor", "statement", "stance", "SUPPORT", "text", "x")).statusCode()).isBetween(400, 499);
        assertThat(given().contentType(ContentType.JSON).body("{}").post(pagePath(round).replace("?", "/feedback?")).statusCode()).isBetween(400, 499);
    }

    @Test
    void aFormFromAnotherSiteIsRefused() {
        Round round = roundWithAdoptedVersion("csrf");
        Response refused = given().header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site").contentType(FORM)
                .formParams(Map.of("anchor", "statement", "stance", "SUPPORT", "text", "Ja")).post(pagePath(round).replace("?", "/feedback?"));
        assertThat(refused.statusCode()).isEqualTo(403);
        asAdmin().get(consultation(round.org, round.id)).then().body("summary.total", equalTo(0));
    }

    @Test
    void aClosedRoundIsReadOnlyAndARevokedOrWrongLinkTellsNothing() {
        Round round = roundWithAdoptedVersion("closed");
        post(round, "/feedback", Map.of("anchor", "statement", "stance", "SUPPORT", "text", "Goed zo.")).then().statusCode(303);
        asAdmin().post(consultation(round.org, round.id) + "/close").then().statusCode(200);

        String closed = open(round).get(pagePath(round)).then().statusCode(200).extract().asString();
        assertThat(closed).contains("Deze ronde is gesloten op", "Goed zo.").doesNotContain("<form", "<textarea");
        post(round, "/feedback", Map.of("anchor", "statement", "stance", "CONCERN", "text", "Toch niet.")).then().statusCode(409)
                .body(containsString("De ronde is gesloten. Je reactie is niet bewaard."));

        Round other = roundWithAdoptedVersion("revoked");
        long invitation = asAdmin().get(consultation(other.org, other.id) + "/invitations").jsonPath().getLong("items[0].id");
        asAdmin().delete(consultation(other.org, other.id) + "/invitations/" + invitation).then().statusCode(204);
        String revoked = given().get(pagePath(other)).then().statusCode(401).contentType(startsWith("text/html")).extract().asString();
        // The same page for a revoked token, another round's token, no token and a made-up one: no organisation, no round.
        String otherRound = given().get("/pages/" + other.org + "/consultations/" + round.id + "?token=" + round.token).then().statusCode(401)
                .extract().asString();
        String none = given().get("/pages/" + other.org + "/consultations/" + other.id).then().statusCode(401).extract().asString();
        String madeUp = given().get("/pages/nobody/consultations/1?token=winv_made-up").then().statusCode(401).extract().asString();
        assertThat(List.of(revoked, otherRound, none, madeUp)).allSatisfy(html -> assertThat(html)
                .contains("This link does not work").doesNotContain(other.name, round.name, other.org, round.org));
        assertThat(revoked).isEqualTo(none).isEqualTo(madeUp);
        // Nor is the token a credential for anything else.
        given().queryParam("token", round.token).get("/api/v1/organizations/" + round.org).then().statusCode(401);
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** As a browser sends a form of a UTF-8 page (REST Assured would add charset=ISO-8859-1). */
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    record Round(String org, String name, long id, String token, String link) {
    }

    /** Version 1 adopted, version 2 in a round for clients, and an invitation of the clients' council. */
    static Round roundWithAdoptedVersion(String prefix) {
        String org = newOrganization(prefix);
        draft(org, "vision", VISION_1).then().statusCode(201);
        adopt(org, "vision", 1, null);
        String etag = draft(org, "vision", VISION_2).header("ETag");
        long id = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(round(inDays(7), "EMPLOYEES", "CLIENTS"))
                .post(versions(org, "vision") + "/2/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
        Response invitation = invite(org, id, "CLIENTS", "Cliëntenraad");
        String name = asAdmin().get("/api/v1/organizations/" + org).jsonPath().getString("name");
        return new Round(org, name, id, invitation.jsonPath().getString("token"), invitation.jsonPath().getString("link"));
    }

    static String consultation(String org, long id) {
        return "/api/v1/organizations/" + org + "/consultations/" + id;
    }

    static Map<String, Object> round(Instant deadline, String... audience) {
        return Map.of("question", "Herken je je hierin?", "deadline", deadline.toString(), "audience", List.of(audience));
    }

    static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    static Response invite(String org, long id, String audience, String label) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("audience", audience, "label", label))
                .post(consultation(org, id) + "/invitations").then().statusCode(201).extract().response();
    }

    static String pagePath(Round round) {
        return "/pages/" + round.org + "/consultations/" + round.id + "?token=" + round.token;
    }

    static RequestSpecification open(Round round) {
        return given().redirects().follow(false);
    }

    static Response post(Round round, String suffix, Map<String, ?> form) {
        RequestSpecification request = given().redirects().follow(false).contentType(FORM);
        if (!form.isEmpty()) {
            request = request.formParams(form);
        }
        return request.post(pagePath(round).replace("?", suffix + "?"));
    }
}
