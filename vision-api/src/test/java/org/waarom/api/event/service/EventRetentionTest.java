package org.waarom.api.event.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.Statement;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.newOrganization;

/** Events are kept for the retention (90 days); a cursor from before what is kept answers 410, the start of the feed never does. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class EventRetentionTest {

    @Inject
    EventService events;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCursorOlderThanTheRetentionAnswers410AndTheFeedCanBeFollowedAgainFromItsStart() throws Exception {
        String org = newOrganization("retention");
        // A consumer that read one event and then stopped following: it has not seen the organisation's.
        String oldCursor = asAdmin().get("/api/v1/events?limit=1").then().statusCode(200).extract().path("next");
        newOrganization("unseen");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Everything written so far becomes older than the retention (as time would make it).
            statement.execute("update event set occurred_at = now() - interval '100 days'");
        }
        asAdmin().get("/api/v1/events?limit=500&after=" + oldCursor).then().statusCode(200);
        String kept = newOrganization("kept");

        events.applyRetention();

        asAdmin().get("/api/v1/events?after=" + oldCursor).then().statusCode(410)
                .contentType("application/problem+json").body("type", endsWith("/gone"));
        asAdmin().get("/api/v1/events?limit=500").then().statusCode(200)
                .body("items.organization", not(hasItem(org)))
                .body("items.organization", hasItem(kept));
        // A consumer that starts afresh and follows to the end is past the removed event: no 410 for it.
        String cursor = asAdmin().get("/api/v1/events?limit=500").then().extract().path("next");
        int read;
        do {
            var page = asAdmin().get("/api/v1/events?limit=500&after=" + cursor).then().statusCode(200).extract().jsonPath();
            read = page.getList("items").size();
            cursor = page.getString("next");
        } while (read > 0);
        asAdmin().get("/api/v1/events?after=" + cursor).then().statusCode(200).body("items.size()", equalTo(0));
    }
}
