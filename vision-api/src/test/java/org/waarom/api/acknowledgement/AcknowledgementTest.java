package org.waarom.api.acknowledgement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.api.security.TestTokens;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.PLATFORM_ADMIN_KEY;
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

/** Acknowledgements of adopted versions (issue 8): once per person and version, counted per acknowledgement basis. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AcknowledgementTest {

    private static final String ACKNOWLEDGED = "element.version.acknowledged";

    @Test
    void everyEmployeeAcknowledgesOnceAndRepeatingIsHarmless() {
        String org = organizationWithValues();
        String anna = employee(org, "anna", "reader");
        String bert = employee(org, "bert", "contributor");

        Response first = acknowledge(anna, org, 1, null);
        first.then().statusCode(201)
                .header("Location", endsWith(acknowledgements(org, 1)))
                .body("element", equalTo("values")).body("version", equalTo(1))
                .body("person", equalTo("anna")).body("recordedBy", equalTo("anna@idp.test"));
        Response again = acknowledge(anna, org, 1, null);
        again.then().statusCode(200).body("person", equalTo("anna"))
                .body("acknowledgedAt", equalTo(first.jsonPath().getString("acknowledgedAt")));
        acknowledge(bert, org, 1, Map.of()).then().statusCode(201).body("person", equalTo("bert"));

        as(anna).get(acknowledgements(org, 1)).then().statusCode(200)
                .body("total", equalTo(2)).body("acknowledgementBasis", equalTo(1)).body("countedVersions", contains(1))
                .body("own.person", equalTo("anna"));
        // An API key is not a person: it sees the count, but has no acknowledgement of its own.
        asAdmin().get(acknowledgements(org, 1)).then().statusCode(200).body("total", equalTo(2)).body("own", nullValue());
        // One event per acknowledgement, none for the repeat.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(acknowledgedEvents(org))
                .extracting(data -> data.get("person")).containsExactly("anna", "bert"));
    }

    @Test
    void aPersonAcknowledgingManyTimesAtOnceIsRecordedOnce() throws Exception {
        String org = organizationWithValues();
        String carla = employee(org, "carla", "reader");
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<Response> attempt = () -> {
                    start.await();
                    return acknowledge(carla, org, 1, null);
                };
                answers.add(pool.submit(attempt));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> instants = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                instants.add(response.jsonPath().getString("acknowledgedAt"));
            }
            assertThat(statuses).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
            assertThat(instants).containsOnly(instants.get(0));
        } finally {
            pool.shutdownNow();
        }
        asAdmin().get(acknowledgements(org, 1)).then().body("total", equalTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(acknowledgedEvents(org)).hasSize(1));
    }

    @Test
    void onlyTheAdoptedVersionIsAcknowledged() {
        String org = newOrganization("ack-state");
        String dirk = employee(org, "dirk", "reader");
        draft(org, "values", values(value("respect", "Respect", "We kloppen aan.")));
        assertProblem(acknowledge(dirk, org, 1, null), 409, "conflict");
        // Never adopted: nothing counts.
        as(dirk).get(acknowledgements(org, 1)).then().statusCode(200).body("total", equalTo(0)).body("acknowledgementBasis", nullValue());
        adopt(org, "values", 1, null);
        acknowledge(dirk, org, 1, null).then().statusCode(201);
        draft(org, "values", values(value("respect", "Respect", "We kloppen aan en wachten.")));
        adopt(org, "values", 2, null);
        assertProblem(acknowledge(dirk, org, 1, null), 409, "conflict").body("detail", containsString("SUPERSEDED"));
        assertProblem(acknowledge(dirk, org, 7, null), 404, "not-found");
        assertProblem(as(dirk).contentType(ContentType.JSON).post("/api/v1/organizations/" + org + "/elements/principles/versions/1/acknowledgements"), 404);
    }

    @Test
    void onlyASignificantChangeAsksForAcknowledgementAgain() {
        String org = organizationWithValues();
        String eva = employee(org, "eva", "reader");
        String frans = employee(org, "frans", "reader");
        acknowledge(eva, org, 1, null).then().statusCode(201);

        // Version 2 is not a significant change: eva's acknowledgement of version 1 counts for it.
        draft(org, "values", values(value("respect", "Respect", "We kloppen aan en wachten.")));
        adopt(org, "values", 2, null).then().body("significantChange", equalTo(false)).body("acknowledgementBasis", equalTo(1));
        as(eva).get(acknowledgements(org, 2)).then().statusCode(200)
                .body("total", equalTo(1)).body("acknowledgementBasis", equalTo(1)).body("countedVersions", contains(1, 2))
                .body("own.version", equalTo(1));
        acknowledge(frans, org, 2, null).then().statusCode(201).body("version", equalTo(2));
        as(eva).get(acknowledgements(org, 2)).then().body("total", equalTo(2));
        // The two versions share their acknowledgements both ways.
        as(eva).get(acknowledgements(org, 1)).then().body("total", equalTo(2));

        // Version 3 is: everyone is asked again, and the version says so.
        draft(org, "values", values(value("respect", "Respect", "We vragen toestemming."), value("moed", "Moed", "We spreken ons uit.")));
        String etag = asAdmin().get(versions(org, "values") + "/3").header("ETag");
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(Map.of("significantChange", true))
                .post(versions(org, "values") + "/3/adopt").then().statusCode(200)
                .body("significantChange", equalTo(true)).body("acknowledgementBasis", equalTo(3));
        asAdmin().get(versions(org, "values") + "/3").then().body("significantChange", equalTo(true)).body("acknowledgementBasis", equalTo(3));
        as(eva).get(acknowledgements(org, 3)).then().body("total", equalTo(0)).body("countedVersions", contains(3)).body("own", nullValue());
        acknowledge(eva, org, 3, null).then().statusCode(201);
        as(eva).get(acknowledgements(org, 3)).then().body("total", equalTo(1)).body("own.version", equalTo(3));
        // The version before keeps its own count.
        as(eva).get(acknowledgements(org, 2)).then().body("total", equalTo(2));
        // A version after a significant change that is not one itself shares that change's basis.
        draft(org, "values", values(value("respect", "Respect", "We vragen toestemming."), value("moed", "Moed", "We spreken ons eerlijk uit.")));
        adopt(org, "values", 4, null).then().body("acknowledgementBasis", equalTo(3));
        as(eva).get(acknowledgements(org, 4)).then().body("total", equalTo(1)).body("countedVersions", contains(3, 4));
    }

    @Test
    void adminsRecordOnBehalfAndSeeWhoHasAndHasNot() {
        String org = organizationWithValues();
        TestKeys.IssuedKey hrSystem = TestKeys.organizationKey(org, "admin");
        acknowledge(hrSystem.key(), org, 1, Map.of("person", "hr-1")).then().statusCode(201)
                .body("person", equalTo("hr-1")).body("recordedBy", equalTo(hrSystem.name()));
        acknowledge(hrSystem.key(), org, 1, Map.of("person", "hr-2")).then().statusCode(201);
        acknowledge(hrSystem.key(), org, 1, Map.of("person", "hr-2")).then().statusCode(200);
        String gert = employee(org, "gert", "reader");
        acknowledge(gert, org, 1, null).then().statusCode(201);
        // A new version that is not a significant change: who acknowledged version 1 has acknowledged it.
        draft(org, "values", values(value("respect", "Respect", "We kloppen aan en wachten.")));
        adopt(org, "values", 2, null);
        acknowledge(hrSystem.key(), org, 2, Map.of("person", "hr-3")).then().statusCode(201);

        as(hrSystem.key()).contentType(ContentType.JSON).body(Map.of("expected", List.of("hr-4", "hr-1", "hr-3", "hr-2", "hr-1")))
                .post(acknowledgements(org, 2) + "/status").then().statusCode(200)
                .body("acknowledgementBasis", equalTo(1))
                .body("total", equalTo(4))
                .body("expected", equalTo(4))
                .body("acknowledged.person", contains("hr-1", "hr-3", "hr-2"))
                .body("acknowledged.version", contains(1, 2, 1))
                .body("missing", contains("hr-4"));
    }

    @Test
    void onlyAdminsActForSomeoneElseAndAKeyMustNameThePerson() {
        String org = organizationWithValues();
        String hanne = employee(org, "hanne", "editor");
        assertProblem(acknowledge(hanne, org, 1, Map.of("person", "hr-9")), 403, "forbidden");
        // Naming oneself is acknowledging as oneself.
        acknowledge(hanne, org, 1, Map.of("person", "hanne")).then().statusCode(201);
        TestKeys.IssuedKey intranet = TestKeys.organizationKey(org, "reader");
        Response keyWithoutPerson = acknowledge(intranet.key(), org, 1, null);
        assertProblem(keyWithoutPerson, 400, "invalid-request");
        assertThat(errorFields(keyWithoutPerson)).containsExactly("person");
        assertProblem(acknowledge(intranet.key(), org, 1, Map.of("person", "hr-9")), 403, "forbidden");
        Response blank = acknowledge(PLATFORM_ADMIN_KEY, org, 1, Map.of("person", " "));
        assertProblem(blank, 400);
        assertThat(errorFields(blank)).containsExactly("person");
        asAdmin().get(acknowledgements(org, 1)).then().body("total", equalTo(1));

        Response empty = asAdmin().contentType(ContentType.JSON).body(Map.of("expected", List.of())).post(acknowledgements(org, 1) + "/status");
        assertProblem(empty, 400);
        assertThat(errorFields(empty)).containsExactly("expected");
    }

    // --- helpers ---

    private static String organizationWithValues() {
        String org = newOrganization("ack");
        draft(org, "values", values(value("respect", "Respect", "We kloppen aan.")));
        adopt(org, "values", 1, null);
        return org;
    }

    /** A signed token of an employee with this role in the organisation; the subject is the person. */
    private static String employee(String org, String subject, String role) {
        return TestTokens.token(subject).groups("waarom:" + org + ":" + role).sign();
    }

    private static Response acknowledge(String credential, String org, int version, Map<String, Object> body) {
        var request = as(credential).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post(acknowledgements(org, version));
    }

    private static String acknowledgements(String org, int version) {
        return versions(org, "values") + "/" + version + "/acknowledgements";
    }

    private static List<Map<String, Object>> acknowledgedEvents(String org) {
        return asAdmin().queryParam("limit", 500).get("/api/v1/organizations/" + org + "/events").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(event -> ACKNOWLEDGED.equals(event.get("type")))
                .map(event -> {
                    @SuppressWarnings("unchecked") Map<String, Object> data = (Map<String, Object>) event.get("data");
                    return data;
                }).toList();
    }
}
