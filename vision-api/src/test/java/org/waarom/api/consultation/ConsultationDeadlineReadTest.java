package org.waarom.api.consultation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.api.consultation.service.ConsultationService;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * Reads never write (docs/architecture.md, issue 17): a round past its deadline reads as closed, and its version as a
 * draft again, while the database still holds it open; the minutely sweep then records the closing and its event,
 * and the version reads exactly as before, with the same ETag.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class ConsultationDeadlineReadTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Scheduler scheduler;

    @Inject
    ConsultationService consultations;

    @Test
    void aRoundPastItsDeadlineReadsClosedWithoutAWriteAndTheSweepRecordsIt() throws SQLException {
        // The sweep runs when this test says so, not in the middle of it.
        scheduler.pause(ConsultationService.DEADLINE_SWEEP);
        try {
            String org = newOrganization("deadline-read");
            String etag = draft(org, "vision", ConsultationTest.VISION).header("ETag");
            String version = versions(org, "vision") + "/1";
            Instant deadline = Instant.now().plusMillis(1_500).truncatedTo(ChronoUnit.MICROS);
            long id = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(ConsultationTest.round(deadline, "EMPLOYEES"))
                    .post(version + "/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
            List<Map<String, Object>> eventsBefore = ConsultationTest.events(org);
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(deadline.plusMillis(50)));

            // Every read shows the round closed at its deadline and the version a draft again ...
            Response read = asAdmin().get(version);
            read.then().statusCode(200).body("status", equalTo("DRAFT")).body("updatedBy", equalTo("system"))
                    .body("updatedAt", equalTo(deadline.toString()))
                    .body("consultations[0].status", equalTo("CLOSED")).body("consultations[0].closedAt", equalTo(deadline.toString()));
            asAdmin().get(versions(org, "vision")).then().statusCode(200)
                    .body("items[0].status", equalTo("DRAFT")).body("items[0].consultations[0].status", equalTo("CLOSED"));
            asAdmin().get("/api/v1/organizations/" + org + "/elements").then().statusCode(200);
            asAdmin().get(ConsultationTest.consultation(org, id)).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("closedAt", equalTo(deadline.toString()));
            asAdmin().get("/api/v1/organizations/" + org + "/consultations?status=OPEN").then().body("total", equalTo(0));
            asAdmin().get("/api/v1/organizations/" + org + "/consultations?status=CLOSED").then().body("total", equalTo(1));

            // ... and none of them wrote: the tables still hold the round open, and no event was recorded.
            assertThat(stored(id)).containsExactly("OPEN", "IN_CONSULTATION");
            assertThat(ConsultationTest.events(org)).isEqualTo(eventsBefore);

            // The sweep records the closing and its event; the version reads as it did, with the same ETag.
            consultations.closeDueRounds();
            assertThat(stored(id)).containsExactly("CLOSED", "DRAFT");
            List<Map<String, Object>> closed = ConsultationTest.events(org).stream()
                    .filter(event -> "consultation.closed".equals(event.get("type"))).toList();
            assertThat(closed).hasSize(1);
            assertThat(closed.get(0).get("data")).asString().contains("closedBy=DEADLINE");
            Response recorded = asAdmin().get(version);
            recorded.then().statusCode(200).body("status", equalTo("DRAFT")).body("updatedAt", equalTo(deadline.toString()));
            assertThat(recorded.header("ETag")).isEqualTo(read.header("ETag"));
            assertThat(recorded.jsonPath().getMap("")).isEqualTo(read.jsonPath().getMap(""));
        } finally {
            scheduler.resume(ConsultationService.DEADLINE_SWEEP);
        }
    }

    @Test
    void aChangeAfterTheDeadlineClosesTheRoundItselfAndAcceptsTheETagThatWasRead() {
        scheduler.pause(ConsultationService.DEADLINE_SWEEP);
        try {
            String org = newOrganization("deadline-write");
            String etag = draft(org, "vision", ConsultationTest.VISION).header("ETag");
            String version = versions(org, "vision") + "/1";
            Instant deadline = Instant.now().plusMillis(1_500);
            asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(ConsultationTest.round(deadline, "EMPLOYEES"))
                    .post(version + "/consultations").then().statusCode(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(deadline.plusMillis(50)));

            String read = asAdmin().get(version).then().body("status", equalTo("DRAFT")).extract().header("ETag");
            asAdmin().header("If-Match", read).contentType(ContentType.JSON).body(ConsultationTest.VISION).put(version)
                    .then().statusCode(200).body("status", equalTo("DRAFT"));
            assertThat(ConsultationTest.eventTypes(org)).containsSubsequence("consultation.closed", "element.version.updated");
        } finally {
            scheduler.resume(ConsultationService.DEADLINE_SWEEP);
        }
    }

    /** The round's status and its version's, as the tables hold them. */
    private List<String> stored(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select c.status, v.status from consultation c join element_version v on v.id = c.version_id where c.id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return List.of(row.getString(1), row.getString(2));
            }
        }
    }
}
