package org.waarom.api.consultation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
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
 * Consultation rounds (docs/api-guide.md#consultation-rounds-drafting-the-text-together, issue 8): a draft in
 * consultation cannot change until its round
 * closes, by hand or at its deadline; feedback is anchored to what the version says; participants change
 * their own feedback while the round is open; the summary adds it up and stays attached to the adopted version.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ConsultationTest {

    static final Map<String, Object> VISION = Map.of("changeReason", "Nieuwe visie", "content", Map.of(
            "statement", "Wij streven naar een samenleving waarin iedereen meetelt.",
            "items", List.of(Map.of("key", "inclusie", "title", "Inclusie"), Map.of("key", "netwerk", "title", "Sterk netwerk"))));

    // --- lifecycle ---------------------------------------------------------------------------------

    @Test
    void anOpenRoundFreezesTheDraftUntilItIsClosedByHandThenTheDraftIsEditedAndAdopted() {
        String org = newOrganization("consult");
        String etag = draft(org, "vision", VISION).header("ETag");
        String version = versions(org, "vision") + "/1";

        assertProblem(asAdmin().contentType(ContentType.JSON).body(round(inDays(7), "EMPLOYEES")).post(version + "/consultations"), 428);
        Response opened = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(round(inDays(7), "EMPLOYEES", "CLIENTS"))
                .post(version + "/consultations");
        opened.then().statusCode(201)
                .header("Location", endsWith("/api/v1/organizations/" + org + "/consultations/" + opened.jsonPath().getLong("id")))
                .body("status", equalTo("OPEN")).body("element", equalTo("vision")).body("version", equalTo(1))
                .body("audience", equalTo(List.of("EMPLOYEES", "CLIENTS"))).body("summary.total", equalTo(0));
        long id = opened.jsonPath().getLong("id");

        Response inConsultation = asAdmin().get(version);
        inConsultation.then().body("status", equalTo("IN_CONSULTATION"))
                .body("consultations[0].id", equalTo((int) id)).body("consultations[0].status", equalTo("OPEN"))
                .body("consultations[0].href", equalTo("/api/v1/organizations/" + org + "/consultations/" + id));
        String frozenTag = inConsultation.header("ETag");
        assertThat(frozenTag).isNotEqualTo(etag);

        // The text under consultation does not change: not edited, withdrawn, adopted, nor consulted on twice.
        assertProblem(asAdmin().header("If-Match", frozenTag).contentType(ContentType.JSON).body(VISION).put(version), 409, "conflict")
                .body("detail", containsString("close the round first"));
        assertProblem(asAdmin().header("If-Match", frozenTag).delete(version), 409).body("detail", containsString("close the round first"));
        assertProblem(asAdmin().header("If-Match", frozenTag).contentType(ContentType.JSON).post(version + "/adopt"), 409)
                .body("detail", containsString("close the round first"));
        assertProblem(asAdmin().header("If-Match", frozenTag).contentType(ContentType.JSON).body(round(inDays(7), "EMPLOYEES"))
                .post(version + "/consultations"), 409).body("detail", containsString("in consultation already"));
        // A version in consultation is the element's one open version (docs/api-guide.md#elements-and-versions):
        // no second draft beside it.
        assertProblem(asAdmin().contentType(ContentType.JSON).body(VISION).post(versions(org, "vision")), 409, "conflict");
        asAdmin().get("/api/v1/organizations/" + org + "/elements").then()
                .body("find { it.element == 'vision' }.openStatus", equalTo("IN_CONSULTATION"));

        asAdmin().post(consultation(org, id) + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedBy", notNullValue()).body("closedAt", notNullValue());
        assertProblem(asAdmin().post(consultation(org, id) + "/close"), 409).body("detail", containsString("closed at"));

        Response reopened = asAdmin().get(version);
        reopened.then().body("status", equalTo("DRAFT")).body("consultations[0].status", equalTo("CLOSED"));
        String edited = asAdmin().header("If-Match", reopened.header("ETag")).contentType(ContentType.JSON).body(VISION).put(version)
                .then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", edited).contentType(ContentType.JSON).post(version + "/adopt").then().statusCode(200)
                .body("status", equalTo("ADOPTED"))
                .body("consultations", hasSize(1)).body("consultations[0].id", equalTo((int) id));
        // The summary stays attached to the adopted text.
        asAdmin().get("/api/v1/organizations/" + org + "/elements/vision").then().body("consultations[0].id", equalTo((int) id));
        asAdmin().get(consultation(org, id)).then().statusCode(200).body("status", equalTo("CLOSED"));

        assertThat(eventTypes(org)).containsSubsequence("consultation.opened", "consultation.closed", "element.version.adopted");
    }

    @Test
    void aRoundClosesAtItsDeadlineAndTheDraftCanThenBeAdopted() {
        String org = newOrganization("deadline");
        String etag = draft(org, "vision", VISION).header("ETag");
        String version = versions(org, "vision") + "/1";
        TestKeys.IssuedKey contributor = TestKeys.organizationKey(org, "contributor");
        long id = asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(round(Instant.now().plusSeconds(2), "EMPLOYEES")).post(version + "/consultations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long feedback = feedback(as(contributor.key()), org, id, Map.of("statement", true), "SUPPORT", "Helder.")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> asAdmin().get(consultation(org, id)).then().body("status", equalTo("CLOSED")));
        asAdmin().get(consultation(org, id)).then().body("closedBy", nullValue()).body("summary.total", equalTo(1));
        asAdmin().get("/api/v1/organizations/" + org + "/consultations?status=OPEN").then().body("total", equalTo(0));

        assertProblem(feedback(as(contributor.key()), org, id, Map.of("statement", true), "CONCERN", "Te laat."), 409)
                .body("detail", containsString("closed"));
        assertProblem(as(contributor.key()).contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("statement", true), "stance", "CONCERN", "text", "Toch niet."))
                .put(consultation(org, id) + "/feedback/" + feedback), 409);
        assertProblem(as(contributor.key()).delete(consultation(org, id) + "/feedback/" + feedback), 409);
        assertProblem(asAdmin().post(consultation(org, id) + "/close"), 409);

        Response draftAgain = asAdmin().get(version);
        draftAgain.then().body("status", equalTo("DRAFT")).body("consultations[0].status", equalTo("CLOSED"));
        asAdmin().header("If-Match", draftAgain.header("ETag")).contentType(ContentType.JSON).post(version + "/adopt").then().statusCode(200);
        List<Map<String, Object>> closed = events(org).stream().filter(event -> "consultation.closed".equals(event.get("type"))).toList();
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).get("data")).asString().contains("closedBy=DEADLINE", "total=1");
    }

    @Test
    void aDeadlineMustLieInTheFutureAndOnlyDraftsAreConsultedOn() {
        String org = newOrganization("rules");
        String etag = draft(org, "vision", VISION).header("ETag");
        String version = versions(org, "vision") + "/1";
        Response past = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(round(Instant.now().minusSeconds(60), "EMPLOYEES"))
                .post(version + "/consultations");
        assertProblem(past, 400);
        assertThat(errorFields(past)).containsExactly("deadline");
        Response noAudience = asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("question", "?", "deadline", inDays(3).toString(), "audience", List.of())).post(version + "/consultations");
        assertProblem(noAudience, 400);
        assertProblem(asAdmin().header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("question", "?", "deadline", inDays(3).toString(), "audience", List.of("MARTIANS"))).post(version + "/consultations"), 400);
        assertProblem(asAdmin().header("If-Match", "\"vision-1-r99\"").contentType(ContentType.JSON).body(round(inDays(3), "EMPLOYEES"))
                .post(version + "/consultations"), 412);

        String adopted = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).post(version + "/adopt").then().statusCode(200).extract().header("ETag");
        assertProblem(asAdmin().header("If-Match", adopted).contentType(ContentType.JSON).body(round(inDays(3), "EMPLOYEES"))
                .post(version + "/consultations"), 409).body("detail", containsString("only a draft"));
        assertProblem(asAdmin().get("/api/v1/organizations/" + org + "/consultations/987654321"), 404);
        assertProblem(asAdmin().get("/api/v1/organizations/" + org + "/consultations/abc"), 404);
        assertProblem(asAdmin().get("/api/v1/organizations/" + org + "/consultations?status=HALF"), 400);
    }

    // --- feedback ----------------------------------------------------------------------------------

    @Test
    void feedbackIsAnchoredToWhatTheConsultedVersionSays() {
        String org = newOrganization("anchors");
        long vision = openRound(org, "vision", VISION, "EMPLOYEES");
        TestKeys.IssuedKey contributor = TestKeys.organizationKey(org, "contributor");
        RequestSpecification participant = as(contributor.key());

        Response unknown = feedback(participant, org, vision, Map.of("item", "respect"), "SUPPORT", "Ja.");
        assertProblem(unknown, 400).body("errors[0].message", containsString("[inclusie, netwerk]"));
        assertThat(errorFields(unknown)).containsExactly("anchor.item");
        assertThat(errorFields(feedback(participant, org, vision, Map.of(), "SUPPORT", "Ja."))).containsExactly("anchor");
        assertThat(errorFields(feedback(participant, org, vision, Map.of("item", "inclusie", "statement", true), "SUPPORT", "Ja.")))
                .containsExactly("anchor");
        assertProblem(feedback(participant, org, vision, Map.of("item", "inclusie"), "MAYBE", "Ja."), 400);
        assertProblem(feedback(participant, org, vision, Map.of("item", "inclusie"), "SUPPORT", " "), 400);
        Response otherAudience = participant.contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("item", "inclusie"), "stance", "SUPPORT", "text", "Ja.", "audience", "CLIENTS"))
                .post(consultation(org, vision) + "/feedback");
        assertThat(errorFields(otherAudience)).containsExactly("audience");

        feedback(participant, org, vision, Map.of("item", "inclusie"), "SUPPORT", "Ja.").then().statusCode(201)
                .body("anchor.item", equalTo("inclusie")).body("anchor.statement", nullValue())
                .body("audience", equalTo("EMPLOYEES")).body("by", equalTo(contributor.name()));
        feedback(participant, org, vision, Map.of("statement", true), "CONCERN", "Te vaag.").then().statusCode(201)
                .body("anchor.statement", equalTo(true));

        // Values without a statement: feedback goes to the values themselves.
        long valuesRound = openRound(org, "values", values(value("respect", "Respect", "We kloppen aan.")), "EMPLOYEES");
        Response noStatement = feedback(participant, org, valuesRound, Map.of("statement", true), "SUPPORT", "Ja.");
        assertProblem(noStatement, 400);
        assertThat(errorFields(noStatement)).containsExactly("anchor.statement");
        feedback(participant, org, valuesRound, Map.of("item", "respect"), "SUPPORT", "Ja.").then().statusCode(201);
    }

    @Test
    void aParticipantChangesAndWithdrawsOnlyTheirOwnFeedbackWhileTheRoundIsOpen() {
        String org = newOrganization("own");
        long id = openRound(org, "vision", VISION, "EMPLOYEES");
        TestKeys.IssuedKey an = TestKeys.organizationKey(org, "contributor");
        TestKeys.IssuedKey bo = TestKeys.organizationKey(org, "contributor");
        Response first = feedback(as(an.key()), org, id, Map.of("item", "netwerk"), "CONCERN", "Wie draagt het netwerk?");
        long mine = first.then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(first.header("Location")).endsWith("/consultations/" + id + "/feedback/" + mine);

        as(an.key()).contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("item", "inclusie"), "stance", "SUGGESTION", "text", "Schrijf 'iedereen hoort erbij'."))
                .put(consultation(org, id) + "/feedback/" + mine).then().statusCode(200)
                .body("anchor.item", equalTo("inclusie")).body("stance", equalTo("SUGGESTION")).body("text", equalTo("Schrijf 'iedereen hoort erbij'."));
        assertProblem(as(bo.key()).contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("item", "inclusie"), "stance", "SUPPORT", "text", "Overgenomen."))
                .put(consultation(org, id) + "/feedback/" + mine), 404);
        assertProblem(as(bo.key()).delete(consultation(org, id) + "/feedback/" + mine), 404);
        as(bo.key()).get(consultation(org, id) + "/participation").then().statusCode(200).body("feedback", hasSize(0))
                .body("content.items[0].key", equalTo("inclusie")).body("audience", nullValue());
        as(an.key()).get(consultation(org, id) + "/participation").then().statusCode(200).body("feedback[0].id", equalTo((int) mine));

        long second = feedback(as(an.key()), org, id, Map.of("statement", true), "SUPPORT", "Mooi.").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(an.key()).delete(consultation(org, id) + "/feedback/" + second).then().statusCode(204);
        asAdmin().get(consultation(org, id)).then().body("summary.total", equalTo(1)).body("feedback[0].text", equalTo("Schrijf 'iedereen hoort erbij'."));

        assertThat(eventTypes(org)).containsSubsequence("feedback.received", "feedback.changed", "feedback.received", "feedback.withdrawn");

        asAdmin().post(consultation(org, id) + "/close").then().statusCode(200);
        assertProblem(as(an.key()).contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("item", "inclusie"), "stance", "SUPPORT", "text", "Toch."))
                .put(consultation(org, id) + "/feedback/" + mine), 409);
        assertProblem(as(an.key()).delete(consultation(org, id) + "/feedback/" + mine), 409);
    }

    @Test
    void theSummaryCountsPerStanceAnchorAndAudience() {
        String org = newOrganization("summary");
        long id = openRound(org, "vision", VISION, "EMPLOYEES", "CLIENTS", "PARTNERS");
        RequestSpecification employee = as(TestKeys.organizationKey(org, "contributor").key());
        String clients = invite(org, id, "CLIENTS", "Cliëntenraad").jsonPath().getString("token");
        feedback(employee, org, id, Map.of("statement", true), "SUPPORT", "Ja.").then().statusCode(201);
        feedback(employee, org, id, Map.of("item", "inclusie"), "CONCERN", "Hoe dan?").then().statusCode(201);
        feedback(given().queryParam("token", clients), org, id, Map.of("item", "inclusie"), "SUGGESTION", "Ook in de vrije tijd.")
                .then().statusCode(201);
        feedback(given().queryParam("token", clients), org, id, Map.of("item", "inclusie"), "SUPPORT", "Goed zo.").then().statusCode(201);

        // The counting itself is ConsultationSummariesTest's; here the summary is in the answer, with the invitation's
        // audience, the anchors and the stances of the stored feedback.
        asAdmin().get(consultation(org, id)).then().statusCode(200)
                .body("summary.total", equalTo(4))
                .body("summary.byAudience", equalTo(Map.of("EMPLOYEES", 2, "CLIENTS", 2, "PARTNERS", 0)))
                .body("summary.byAnchor[1].anchor.item", equalTo("inclusie"))
                .body("summary.byAnchor[1].byStance", equalTo(Map.of("SUPPORT", 1, "CONCERN", 1, "SUGGESTION", 1)))
                .body("feedback", hasSize(4))
                .body("feedback.text", equalTo(List.of("Ja.", "Hoe dan?", "Ook in de vrije tijd.", "Goed zo.")))
                .body("feedback[2].by", equalTo("Cliëntenraad")).body("feedback[2].audience", equalTo("CLIENTS"));
        asAdmin().get("/api/v1/organizations/" + org + "/consultations?status=OPEN").then().statusCode(200)
                .header("Link", containsString("rel=\"first\""))
                .body("total", equalTo(1)).body("items[0].summary.total", equalTo(4)).body("items[0]", not(hasKey("feedback")));
        asAdmin().get("/api/v1/organizations/" + org + "/consultations?status=CLOSED").then().body("total", equalTo(0));
        asAdmin().get(versions(org, "vision") + "/1/consultations").then().statusCode(200).body("items[0].id", equalTo((int) id));
    }

    // --- invitations -------------------------------------------------------------------------------

    @Test
    void anInvitationTokenGivesAndChangesItsOwnFeedbackInItsRoundAndNothingElse() {
        String org = newOrganization("invited");
        long id = openRound(org, "vision", VISION, "EMPLOYEES", "CLIENTS");
        assertThat(errorFields(asAdmin().contentType(ContentType.JSON).body(Map.of("audience", "PARTNERS", "label", "Thuiszorg Noord"))
                .post(consultation(org, id) + "/invitations"))).containsExactly("audience");
        Response invitation = invite(org, id, "CLIENTS", "Cliëntenraad");
        invitation.then().statusCode(201).header("Location", containsString("/consultations/" + id + "/invitations/"))
                .body("token", startsWith("winv_")).body("audience", equalTo("CLIENTS"))
                .body("link", containsString("/pages/" + org + "/consultations/" + id + "?token=winv_"));
        String token = invitation.jsonPath().getString("token");
        assertThat(token).hasSize(5 + 43);
        asAdmin().get(consultation(org, id) + "/invitations").then().body("total", equalTo(1))
                .body("items[0].label", equalTo("Cliëntenraad")).body("items[0]", not(hasKey("token")));

        // What the link's page shows, for programs: the question, the text, and (later) the participant's own feedback.
        given().queryParam("token", token).get(consultation(org, id) + "/participation").then().statusCode(200)
                .body("question", equalTo("Herken je je hierin?")).body("content.statement", startsWith("Wij streven"))
                .body("audience", equalTo("CLIENTS")).body("feedback", hasSize(0));
        Response given = feedback(given().queryParam("token", token), org, id, Map.of("item", "inclusie"), "CONCERN", "Wij willen meer inspraak.");
        given.then().statusCode(201).body("audience", equalTo("CLIENTS")).body("by", equalTo("Cliëntenraad"))
                .header("Location", not(containsString("token")));
        long feedbackId = given.jsonPath().getLong("id");
        given().queryParam("token", token).contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("item", "inclusie"), "stance", "SUGGESTION", "text", "Meer inspraak, ook in de raad van bestuur."))
                .put(consultation(org, id) + "/feedback/" + feedbackId).then().statusCode(200).body("stance", equalTo("SUGGESTION"));
        assertThat(errorFields(given().queryParam("token", token).contentType(ContentType.JSON)
                .body(Map.of("anchor", Map.of("item", "inclusie"), "stance", "SUPPORT", "text", "Ja.", "audience", "EMPLOYEES"))
                .post(consultation(org, id) + "/feedback"))).containsExactly("audience");
        // Someone else's feedback is not the token's to change.
        long employees = feedback(as(TestKeys.organizationKey(org, "contributor").key()), org, id, Map.of("statement", true), "SUPPORT", "Ja.")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertProblem(given().queryParam("token", token).delete(consultation(org, id) + "/feedback/" + employees), 404);

        // Nothing else: not the round with everyone's feedback, not another round, not the organisation's other data.
        long other = openRound(org, "strategy", Map.of("changeReason", "t", "content", Map.of("statement", "Samen sterk.")), "CLIENTS");
        for (Response refused : List.of(
                given().queryParam("token", token).get(consultation(org, id)),
                given().queryParam("token", token).get("/api/v1/organizations/" + org + "/consultations"),
                given().queryParam("token", token).post(consultation(org, id) + "/close"),
                given().queryParam("token", token).get(consultation(org, id) + "/invitations"),
                given().queryParam("token", token).get(consultation(org, other) + "/participation"),
                feedback(given().queryParam("token", token), org, other, Map.of("statement", true), "SUPPORT", "Ja."),
                given().queryParam("token", token).get(versions(org, "vision") + "/1"),
                given().queryParam("token", token).get("/api/v1/organizations/" + org),
                given().queryParam("token", token).get("/api/v1/organizations/" + org + "/review-tasks.ics"),
                given().header("Authorization", "Bearer " + token).get(consultation(org, id) + "/participation"),
                feedback(given().queryParam("token", token), "elsewhere-" + org, id, Map.of("statement", true), "SUPPORT", "Ja."))) {
            assertProblem(refused, 401, "unauthorized").header("WWW-Authenticate", startsWith("Bearer "));
        }

        given().queryParam("token", token).get(consultation(org, id) + "/participation").then().statusCode(200)
                .body("feedback", hasSize(1)).body("feedback[0].text", equalTo("Meer inspraak, ook in de raad van bestuur."));
        // What it did is in the organisation's audit log, under the invitation.
        asAdmin().get("/api/v1/organizations/" + org + "/audit-log?action=consultation.giveFeedback").then().statusCode(200)
                .body("items.credential", hasItem(startsWith("invitation:")));
    }

    @Test
    void anInvitationEndsWhenItIsRevokedOrItsRoundCloses() {
        String org = newOrganization("revoked");
        long id = openRound(org, "vision", VISION, "CLIENTS", "FAMILIES");
        Response revoked = invite(org, id, "FAMILIES", "Familieraad");
        String revokedToken = revoked.jsonPath().getString("token");
        String kept = invite(org, id, "CLIENTS", "Cliëntenraad").jsonPath().getString("token");
        long given = feedback(given().queryParam("token", revokedToken), org, id, Map.of("statement", true), "SUPPORT", "Ja.")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        asAdmin().delete(consultation(org, id) + "/invitations/" + revoked.jsonPath().getLong("id")).then().statusCode(204);
        assertProblem(asAdmin().delete(consultation(org, id) + "/invitations/" + revoked.jsonPath().getLong("id")), 404);
        assertProblem(feedback(given().queryParam("token", revokedToken), org, id, Map.of("statement", true), "CONCERN", "Nog iets."), 401);
        assertProblem(given().queryParam("token", revokedToken).delete(consultation(org, id) + "/feedback/" + given), 401);
        asAdmin().get(consultation(org, id) + "/invitations").then().body("total", equalTo(1));
        // The feedback given through it stays.
        asAdmin().get(consultation(org, id)).then().body("summary.total", equalTo(1));

        given().queryParam("token", kept).get(consultation(org, id) + "/participation").then().statusCode(200);
        asAdmin().post(consultation(org, id) + "/close").then().statusCode(200);
        assertProblem(given().queryParam("token", kept).get(consultation(org, id) + "/participation"), 401);
        assertProblem(feedback(given().queryParam("token", kept), org, id, Map.of("statement", true), "SUPPORT", "Te laat."), 401);
        assertProblem(asAdmin().contentType(ContentType.JSON).body(Map.of("audience", "CLIENTS", "label", "Te laat"))
                .post(consultation(org, id) + "/invitations"), 409);
    }

    // --- helpers -----------------------------------------------------------------------------------

    static Map<String, Object> round(Instant deadline, String... audience) {
        return Map.of("question", "Herken je je hierin?", "deadline", deadline.toString(), "audience", List.of(audience));
    }

    static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    static String consultation(String org, long id) {
        return "/api/v1/organizations/" + org + "/consultations/" + id;
    }

    /** A draft of {@code type} with {@code body}, in a round open for a week; the round's id. */
    static long openRound(String org, String type, Map<String, Object> body, String... audience) {
        String etag = draft(org, type, body).header("ETag");
        return asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(round(inDays(7), audience))
                .post(versions(org, type) + "/1/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Response invite(String org, long id, String audience, String label) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("audience", audience, "label", label))
                .post(consultation(org, id) + "/invitations").then().statusCode(201).extract().response();
    }

    static Response feedback(RequestSpecification participant, String org, long id, Map<String, Object> anchor, String stance, String text) {
        return participant.contentType(ContentType.JSON).body(Map.of("anchor", anchor, "stance", stance, "text", text))
                .post(consultation(org, id) + "/feedback");
    }

    static List<Map<String, Object>> events(String org) {
        return asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static List<String> eventTypes(String org) {
        return events(org).stream().map(event -> (String) event.get("type")).toList();
    }
}
