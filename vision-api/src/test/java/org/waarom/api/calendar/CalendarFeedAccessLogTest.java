package org.waarom.api.calendar;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.calendar.CalendarFeedTest.createFeed;
import static org.waarom.api.calendar.CalendarFeedTest.ics;

/**
 * A calendar subscription URL carries its feed token in the query string. When an operator switches
 * the HTTP access log on, it must record the feed's path but never the token (application.properties
 * sets a pattern without the query string).
 */
@QuarkusTest
@TestProfile(CalendarFeedAccessLogTest.AccessLogOn.class)
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class CalendarFeedAccessLogTest {

    /** The access log as an operator switches it on (QUARKUS_HTTP_ACCESS_LOG_ENABLED=true), with the configured pattern. */
    public static class AccessLogOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.access-log.enabled", "true");
        }
    }

    private static final String ACCESS_LOG = "io.quarkus.http.access-log";

    @Test
    void theAccessLogRecordsTheFeedsPathButNeverItsToken() {
        List<String> lines = new CopyOnWriteArrayList<>();
        SimpleFormatter formatter = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger accessLog = Logger.getLogger(ACCESS_LOG);
        accessLog.addHandler(capture);
        try {
            String org = newOrganization("icslog");
            String token = createFeed(TestKeys.organizationKey(org, "reader").key(), org, "Outlook").path("token");
            String wrong = "wcal_wrongTokenInTheAccessLogTest0123456789abcd";
            given().queryParam("token", token).get(ics(org)).then().statusCode(200);
            given().queryParam("token", wrong).get(ics(org)).then().statusCode(401);

            // Written when each response ends, so possibly just after the client has it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(lines).filteredOn(line -> line.contains(ics(org))).hasSize(2));
            assertThat(lines).noneMatch(line -> line.contains(token) || line.contains(wrong) || line.contains("token="));
            assertThat(lines).filteredOn(line -> line.contains(ics(org)))
                    .anyMatch(line -> line.contains("GET " + ics(org) + " ") && line.contains(" 200 "))
                    .anyMatch(line -> line.contains("GET " + ics(org) + " ") && line.contains(" 401 "));
        } finally {
            accessLog.removeHandler(capture);
        }
    }
}
