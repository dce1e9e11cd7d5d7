package org.waarom.api.review;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;
import static org.waarom.api.ApiTestSupport.newOrganization;

/**
 * Review links (docs/review-page.md#the-link): made by the API when a reminder is recorded, one per recipient, shown once;
 * a reminder recorded twice makes none; sending an unsent reminder again replaces its links. What a link opens is
 * ReviewPageTest's.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ReviewLinkTest {

    private static final Map<String, Object> AN = Map.of("name", "An Peeters", "email", "an@zorg-a.be");
    private static final Map<String, Object> BERT = Map.of("email", "bert@zorg-a.be");

    @Test
    void recordingAReminderAnswersOneLinkPerRecipientWithItsTokenThisOnce() {
        String org = newOrganization("links");
        long task = openTask(org);
        Response recorded = record(org, task, "UPCOMING", List.of(AN, BERT, Map.of("email", "AN@zorg-a.be")));
        recorded.then().statusCode(201).body("links", hasSize(2))
                .body("links[0].recipient.name", equalTo("An Peeters")).body("links[0].recipient.email", equalTo("an@zorg-a.be"))
                .body("links[1].recipient.email", equalTo("bert@zorg-a.be"));
        String token = recorded.jsonPath().getString("links[0].token");
        assertThat(token).startsWith("wrev_").hasSizeGreaterThan(40);
        assertThat(recorded.jsonPath().getString("links[0].link")).endsWith("/pages/" + org + "/review-tasks/" + task + "?token=" + token);
        assertThat(recorded.jsonPath().getString("links[1].token")).isNotEqualTo(token);

        // Only hashes are kept: no read shows a token again.
        asAdmin().get(reminders(org, task) + "/" + recorded.jsonPath().getLong("id")).then().statusCode(200).body("links", nullValue());
        asAdmin().get(tasks(org) + "/" + task).then().statusCode(200).body("reminders[0].links", nullValue());
        asAdmin().get(tasks(org) + "/" + task + "/links").then().statusCode(200).body("total", equalTo(2))
                .body("items[0].token", nullValue()).body("items[0].link", nullValue())
                .body("items[0].reminder", equalTo(recorded.jsonPath().getInt("id")));
    }

    @Test
    void aReminderRecordedTwiceMakesNoSecondLinkAndSendingItAgainReplacesItsLinks() {
        String org = newOrganization("linkstwice");
        long task = openTask(org);
        Response first = record(org, task, "DUE", List.of(AN));
        long reminder = first.jsonPath().getLong("id");
        assertProblem(record(org, task, "DUE", List.of(AN)), 409, "conflict").body("reminder.links", nullValue());
        asAdmin().get(tasks(org) + "/" + task + "/links").then().body("total", equalTo(1));

        // The retry of an unsent reminder: new links, the earlier ones revoked; still one per recipient.
        Response again = asAdmin().post(reminders(org, task) + "/" + reminder + "/links").then().extract().response();
        again.then().statusCode(200).body("id", equalTo((int) reminder)).body("links", hasSize(1));
        assertThat(again.jsonPath().getString("links[0].token")).startsWith("wrev_").isNotEqualTo(first.jsonPath().getString("links[0].token"));
        asAdmin().get(tasks(org) + "/" + task + "/links").then().body("total", equalTo(1))
                .body("items[0].id", equalTo(again.jsonPath().getInt("links[0].id")));

        // Once sent, its links went out with it.
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "SENT")).patch(reminders(org, task) + "/" + reminder).then().statusCode(200);
        assertProblem(asAdmin().post(reminders(org, task) + "/" + reminder + "/links").then().extract().response(), 409, "conflict");
    }

    @Test
    void sendingAgainMakesLinksOnlyForRecipientsWhoseMessageDidNotGoOut() {
        String org = newOrganization("linksdelivered");
        long task = openTask(org);
        Response first = record(org, task, "DUE", List.of(AN, BERT));
        long reminder = first.jsonPath().getLong("id");
        long toAn = first.jsonPath().getLong("links[0].id");
        String deliveredAt = asAdmin().post(reminders(org, task) + "/" + reminder + "/links/" + toAn + "/delivery").then().statusCode(200)
                .body("id", equalTo((int) toAn)).body("token", nullValue()).extract().jsonPath().getString("deliveredAt");
        assertThat(deliveredAt).isNotNull();
        // Repeating it changes nothing.
        asAdmin().post(reminders(org, task) + "/" + reminder + "/links/" + toAn + "/delivery").then().statusCode(200)
                .body("deliveredAt", equalTo(deliveredAt));

        // The message to Bert failed: sending again makes Bert a new link, and leaves An's, which went out, as it is.
        Response again = asAdmin().post(reminders(org, task) + "/" + reminder + "/links").then().extract().response();
        again.then().statusCode(200).body("links", hasSize(1)).body("links[0].recipient.email", equalTo("bert@zorg-a.be"));
        asAdmin().get(tasks(org) + "/" + task + "/links").then().body("total", equalTo(2))
                .body("items[0].id", equalTo((int) toAn)).body("items[0].deliveredAt", notNullValue())
                .body("items[1].deliveredAt", nullValue());
        assertProblem(asAdmin().post(reminders(org, task) + "/" + reminder + "/links/" + first.jsonPath().getLong("links[1].id") + "/delivery")
                .then().extract().response(), 404, "not-found");
    }

    @Test
    void aWebhookReminderCarriesNoPersonalLink() {
        String org = newOrganization("linkswebhook");
        long task = openTask(org);
        asAdmin().contentType(ContentType.JSON).body(Map.of("kind", "DUE", "channel", "WEBHOOK", "recipients", List.of(AN, BERT)))
                .post(reminders(org, task)).then().statusCode(201).body("links", hasSize(0));
        asAdmin().get(tasks(org) + "/" + task + "/links").then().body("total", equalTo(0));
    }

    @Test
    void aLinkIsRevokedOnceAndThenLeavesTheList() {
        String org = newOrganization("linksrevoke");
        long task = openTask(org);
        long link = record(org, task, "UPCOMING", List.of(AN)).jsonPath().getLong("links[0].id");
        asAdmin().delete(tasks(org) + "/" + task + "/links/" + link).then().statusCode(204);
        asAdmin().get(tasks(org) + "/" + task + "/links").then().body("total", equalTo(0));
        assertProblem(asAdmin().delete(tasks(org) + "/" + task + "/links/" + link).then().extract().response(), 404, "not-found");
    }

    static String tasks(String org) {
        return "/api/v1/organizations/" + org + "/review-tasks";
    }

    static String reminders(String org, long task) {
        return tasks(org) + "/" + task + "/reminders";
    }

    static long openTask(String org) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("element", "vision", "reason", "CYCLE", "dueDate", "2027-01-01", "sourceKey", "cycle:vision:2027-01-01"))
                .post(tasks(org)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Response record(String org, long task, String kind, List<Map<String, Object>> recipients) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("kind", kind, "channel", "EMAIL", "recipients", recipients))
                .post(reminders(org, task)).then().extract().response();
    }
}
