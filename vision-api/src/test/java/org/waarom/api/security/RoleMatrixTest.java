package org.waarom.api.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * What each role may and may not do (docs/api-guide.md#credentials-and-roles). Every cell of the matrix runs against its
 * own organisation: the operator prepares the state the action needs, then the role tries it.
 * Allowed: the action's success status. Refused: 403 problem+json, and nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class RoleMatrixTest {

    static final List<String> ROLES = List.of("admin", "editor", "approver", "quality-manager", "contributor", "reader",
            "platform-admin", "service");
    private static final String EVERY_ORGANIZATION_ROLE = "admin editor approver quality-manager contributor reader platform-admin";
    private static final String EVERYONE = EVERY_ORGANIZATION_ROLE + " service";
    /** Who records references: everyone who takes part in the work, not readers (and not the scheduler). */
    private static final String REFERENCE_AUTHORS = "admin editor approver quality-manager contributor platform-admin";

    /** One thing to try: who may, what it answers when allowed, how to prepare and do it, and how to see it did not happen. */
    enum Action {
        CREATE_DRAFT("admin editor platform-admin", 201,
                (f, as) -> as.contentType(ContentType.JSON).body(statement("Een nieuw ontwerp.")).post(versions(f.org, "vision")),
                f -> asAdmin().get(versions(f.org, "vision")).then().body("total", equalTo(0))),
        EDIT_DRAFT("admin editor platform-admin", 200,
                (f, as) -> as.header("If-Match", f.draftTag()).contentType(ContentType.JSON).body(statement("Bewerkt."))
                        .put(versions(f.org, "vision") + "/1"),
                f -> asAdmin().get(versions(f.org, "vision") + "/1").then().body("content.statement", equalTo(Fixture.DRAFT_TEXT))),
        WITHDRAW_DRAFT("admin editor platform-admin", 204,
                (f, as) -> as.header("If-Match", f.draftTag()).delete(versions(f.org, "vision") + "/1"),
                f -> asAdmin().get(versions(f.org, "vision") + "/1").then().body("status", equalTo("DRAFT"))),
        RESTORE_VERSION("admin editor platform-admin", 201,
                (f, as) -> {
                    f.adoptedVersion();
                    return as.contentType(ContentType.JSON).body("{}").post(versions(f.org, "vision") + "/1/restore");
                },
                f -> asAdmin().get(versions(f.org, "vision")).then().body("total", equalTo(1))),
        ADOPT("admin approver platform-admin", 200,
                (f, as) -> as.header("If-Match", f.draftTag()).contentType(ContentType.JSON).post(versions(f.org, "vision") + "/1/adopt"),
                f -> asAdmin().get(versions(f.org, "vision") + "/1").then().body("status", equalTo("DRAFT"))),
        READ_ELEMENTS(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> as.get("/api/v1/organizations/" + f.org + "/elements"), null),
        READ_CURRENT_VERSION(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    f.adoptedVersion();
                    return as.get("/api/v1/organizations/" + f.org + "/elements/vision");
                }, null),
        READ_HISTORY_AND_DIFF(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    f.adoptedVersion();
                    draft(f.org, "vision", statement("Tweede versie."));
                    as.get(versions(f.org, "vision")).then().statusCode(f.allowed ? 200 : 403);
                    as.get(versions(f.org, "vision") + "/2").then().statusCode(f.allowed ? 200 : 403);
                    return as.get(versions(f.org, "vision") + "/2/diff");
                }, null),
        WRITE_TRANSLATION("admin editor platform-admin", 201,
                (f, as) -> {
                    f.draftTag();
                    return as.contentType(ContentType.JSON).body(Map.of("status", "APPROVED", "content", Map.of("statement", "Le projet.")))
                            .put(versions(f.org, "vision") + "/1/translations/fr");
                },
                f -> asAdmin().get(versions(f.org, "vision") + "/1/translations").then().body("items", empty())),
        DELETE_TRANSLATION("admin editor platform-admin", 204,
                (f, as) -> as.header("If-Match", f.translationTag()).delete(versions(f.org, "vision") + "/1/translations/fr"),
                f -> asAdmin().get(versions(f.org, "vision") + "/1/translations/fr").then().statusCode(200)),
        READ_TRANSLATIONS(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    f.translationTag();
                    as.get(versions(f.org, "vision") + "/1/translations/fr").then().statusCode(f.allowed ? 200 : 403);
                    return as.get(versions(f.org, "vision") + "/1/translations");
                }, null),
        READ_CURRENT_VALUES(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    f.adoptedValues();
                    as.get("/api/v1/organizations/" + f.org + "/values/current").then().statusCode(f.allowed ? 200 : 403);
                    return as.accept("text/csv").get("/api/v1/organizations/" + f.org + "/values/current");
                }, null),
        READ_DOCUMENT(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    f.adoptedVersion();
                    as.accept("text/html").get("/api/v1/organizations/" + f.org + "/document").then().statusCode(f.allowed ? 200 : 403);
                    as.accept("text/markdown").get("/api/v1/organizations/" + f.org + "/document").then().statusCode(f.allowed ? 200 : 403);
                    return as.get("/api/v1/organizations/" + f.org + "/document");
                }, null),
        OPEN_PUBLIC_READS("admin platform-admin", 200,
                (f, as) -> as.header("If-Match", asAdmin().get("/api/v1/organizations/" + f.org).header("ETag"))
                        .contentType("application/merge-patch+json").body(Map.of("publicReads", List.of("mission", "document")))
                        .patch("/api/v1/organizations/" + f.org),
                f -> asAdmin().get("/api/v1/organizations/" + f.org).then().body("publicReads", empty())),
        READ_ORGANIZATION(EVERYONE, 200,
                (f, as) -> as.get("/api/v1/organizations/" + f.org), null),
        PATCH_ORGANIZATION("admin platform-admin", 200,
                (f, as) -> as.header("If-Match", asAdmin().get("/api/v1/organizations/" + f.org).header("ETag"))
                        .contentType("application/merge-patch+json").body(Map.of("name", "Nieuwe naam"))
                        .patch("/api/v1/organizations/" + f.org),
                f -> asAdmin().get("/api/v1/organizations/" + f.org).then().body("name", equalTo("Test " + f.org))),
        CREATE_KEY("admin platform-admin", 201,
                (f, as) -> as.contentType(ContentType.JSON).body(Map.of("name", "new-key", "roles", List.of("reader")))
                        .post("/api/v1/organizations/" + f.org + "/api-keys"),
                f -> asAdmin().get("/api/v1/organizations/" + f.org + "/api-keys").then().body("items.name", not(hasItem("new-key")))),
        LIST_KEYS("admin platform-admin", 200,
                (f, as) -> as.get("/api/v1/organizations/" + f.org + "/api-keys"), null),
        REVOKE_KEY("admin platform-admin", 204,
                (f, as) -> as.delete("/api/v1/organizations/" + f.org + "/api-keys/" + f.victim().id()),
                f -> as(f.victim().key()).get("/api/v1/me").then().statusCode(200)),
        READ_AUDIT_LOG("admin platform-admin", 200,
                (f, as) -> as.get("/api/v1/organizations/" + f.org + "/audit-log"), null),
        READ_REVIEW_CALENDAR(EVERYONE, 200,
                (f, as) -> as.get("/api/v1/organizations/" + f.org + "/review-tasks.ics"), null),
        CREATE_CALENDAR_FEED(EVERY_ORGANIZATION_ROLE, 201,
                (f, as) -> as.contentType(ContentType.JSON).body(Map.of("name", "Outlook")).post(f.calendarFeeds()),
                f -> asAdmin().get(f.calendarFeeds()).then().body("total", equalTo(0))),
        LIST_CALENDAR_FEEDS(EVERY_ORGANIZATION_ROLE, 200, (f, as) -> as.get(f.calendarFeeds()), null),
        REVOKE_OWN_CALENDAR_FEED(EVERY_ORGANIZATION_ROLE, 204,
                (f, as) -> {
                    // Its own feed where the role may make one; otherwise the operator's, which it may not touch either.
                    Response created = as.contentType(ContentType.JSON).body(Map.of("name", "Outlook")).post(f.calendarFeeds());
                    long id = created.statusCode() == 201 ? created.jsonPath().getLong("id") : f.operatorFeed();
                    return as.delete(f.calendarFeeds() + "/" + id);
                },
                f -> asAdmin().get(f.calendarFeeds()).then().body("total", equalTo(1))),
        OPEN_CONSULTATION("admin editor platform-admin", 201,
                (f, as) -> as.header("If-Match", f.draftTag()).contentType(ContentType.JSON).body(Fixture.roundRequest())
                        .post(versions(f.org, "vision") + "/1/consultations"),
                f -> asAdmin().get(versions(f.org, "vision") + "/1").then().body("status", equalTo("DRAFT"))),
        CLOSE_CONSULTATION("admin editor platform-admin", 200,
                (f, as) -> as.contentType(ContentType.JSON).post(f.consultation() + "/close"),
                f -> asAdmin().get(f.consultation()).then().body("status", equalTo("OPEN"))),
        READ_CONSULTATIONS(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    as.get(f.consultation()).then().statusCode(f.allowed ? 200 : 403);
                    as.get(versions(f.org, "vision") + "/1/consultations").then().statusCode(f.allowed ? 200 : 403);
                    return as.get("/api/v1/organizations/" + f.org + "/consultations");
                }, null),
        GIVE_FEEDBACK("admin editor approver quality-manager contributor platform-admin", 201,
                (f, as) -> {
                    as.get(f.consultation() + "/participation").then().statusCode(f.allowed ? 200 : 403);
                    return as.contentType(ContentType.JSON)
                            .body(Map.of("anchor", Map.of("statement", true), "stance", "SUPPORT", "text", "Mooi."))
                            .post(f.consultation() + "/feedback");
                },
                f -> asAdmin().get(f.consultation()).then().body("summary.total", equalTo(0))),
        INVITE("admin editor platform-admin", 201,
                (f, as) -> {
                    as.get(f.consultation() + "/invitations").then().statusCode(f.allowed ? 200 : 403);
                    return as.contentType(ContentType.JSON).body(Map.of("audience", "CLIENTS", "label", "Cliëntenraad"))
                            .post(f.consultation() + "/invitations");
                },
                f -> asAdmin().get(f.consultation() + "/invitations").then().body("total", equalTo(0))),
        REVOKE_INVITATION("admin editor platform-admin", 204,
                (f, as) -> as.delete(f.consultation() + "/invitations/" + f.invitation()),
                f -> asAdmin().get(f.consultation() + "/invitations").then().body("total", equalTo(1))),
        READ_ELEMENT_TYPES(EVERYONE, 200, (f, as) -> as.get("/api/v1/element-types"), null),
        READ_ME(EVERYONE, 200, (f, as) -> as.get("/api/v1/me"), null),
        LIST_ORGANIZATIONS(EVERYONE, 200, (f, as) -> as.get("/api/v1/organizations"), null),
        CREATE_ORGANIZATION("platform-admin", 201,
                (f, as) -> as.contentType(ContentType.JSON).body(Map.of("slug", f.org + "-new", "name", "Nieuw"))
                        .post("/api/v1/organizations"),
                f -> asAdmin().get("/api/v1/organizations/" + f.org + "-new").then().statusCode(404)),
        CREATE_PLATFORM_KEY("platform-admin", 201,
                (f, as) -> as.contentType(ContentType.JSON).body(Map.of("name", f.org + "-platform", "roles", List.of("service")))
                        .post("/api/v1/api-keys"),
                null),
        LIST_PLATFORM_KEYS("platform-admin", 200, (f, as) -> as.get("/api/v1/api-keys"), null),
        RECORD_REMINDER("admin platform-admin service", 201,
                (f, as) -> as.contentType(ContentType.JSON)
                        .body(Map.of("kind", "UPCOMING", "channel", "EMAIL", "recipients", List.of(Map.of("email", "an@zorg-a.be"))))
                        .post(f.reminders()),
                f -> asAdmin().get(f.reminders()).then().body("total", equalTo(0))),
        RECORD_REMINDER_OUTCOME("admin platform-admin service", 200,
                (f, as) -> as.contentType(ContentType.JSON).body(Map.of("status", "SENT")).patch(f.reminders() + "/" + f.pendingReminder()),
                f -> asAdmin().get(f.reminders() + "/" + f.pendingReminder()).then().body("status", equalTo("PENDING"))),
        READ_REMINDERS(EVERYONE, 200, (f, as) -> as.get(f.reminders()), null),
        LIST_ALL_REVIEW_TASKS("platform-admin service", 200, (f, as) -> as.get("/api/v1/review-tasks?status=OPEN&size=1"), null),
        ACKNOWLEDGE_ON_BEHALF("admin platform-admin", 201,
                (f, as) -> {
                    f.adoptedVersion();
                    return as.contentType(ContentType.JSON).body(Map.of("person", "hr-1")).post(f.acknowledgements());
                },
                f -> asAdmin().get(f.acknowledgements()).then().body("total", equalTo(0))),
        READ_ACKNOWLEDGEMENT_COUNT(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    f.adoptedVersion();
                    return as.get(f.acknowledgements());
                }, null),
        READ_WHO_ACKNOWLEDGED("admin platform-admin", 200,
                (f, as) -> {
                    f.adoptedVersion();
                    return as.contentType(ContentType.JSON).body(Map.of("expected", List.of("hr-1"))).post(f.acknowledgements() + "/status");
                }, null),
        RECORD_REFERENCE(REFERENCE_AUTHORS, 201,
                (f, as) -> {
                    f.adoptedVersion();
                    return as.contentType(ContentType.JSON).body(Fixture.reference("Teamoverleg")).post(f.references());
                },
                f -> asAdmin().get(f.references()).then().body("total", equalTo(0))),
        READ_REFERENCES(EVERY_ORGANIZATION_ROLE, 200,
                (f, as) -> {
                    long id = f.operatorReference();
                    as.get(f.references() + "/" + id).then().statusCode(f.allowed ? 200 : 403);
                    return as.queryParam("element", "vision").get(f.references());
                }, null),
        CHANGE_OWN_REFERENCE(REFERENCE_AUTHORS, 200,
                (f, as) -> {
                    // Its own reference where the role may record one; otherwise the operator's, which it may not touch either.
                    f.adoptedVersion();
                    Response created = as.contentType(ContentType.JSON).body(Fixture.reference("Eigen verslag")).post(f.references());
                    long id = created.statusCode() == 201 ? created.jsonPath().getLong("id") : f.operatorReference();
                    String etag = asAdmin().get(f.references() + "/" + id).header("ETag");
                    return as.header("If-Match", etag).contentType(ContentType.JSON).body(Fixture.reference("Herwerkt")).put(f.references() + "/" + id);
                },
                f -> asAdmin().get(f.references() + "/" + f.operatorReference()).then().body("title", equalTo(Fixture.OPERATOR_REFERENCE))),
        DELETE_OWN_REFERENCE(REFERENCE_AUTHORS, 204,
                (f, as) -> {
                    f.adoptedVersion();
                    Response created = as.contentType(ContentType.JSON).body(Fixture.reference("Eigen verslag")).post(f.references());
                    long id = created.statusCode() == 201 ? created.jsonPath().getLong("id") : f.operatorReference();
                    return as.delete(f.references() + "/" + id);
                },
                f -> asAdmin().get(f.references() + "/" + f.operatorReference()).then().statusCode(200)),
        CHANGE_SOMEONE_ELSES_REFERENCE("admin platform-admin", 200,
                (f, as) -> {
                    long id = f.operatorReference();
                    String etag = asAdmin().get(f.references() + "/" + id).header("ETag");
                    as.delete(f.references() + "/" + f.secondOperatorReference()).then().statusCode(f.allowed ? 204 : 403);
                    return as.header("If-Match", etag).contentType(ContentType.JSON).body(Fixture.reference("Herwerkt")).put(f.references() + "/" + id);
                },
                f -> {
                    asAdmin().get(f.references() + "/" + f.operatorReference()).then().body("title", equalTo(Fixture.OPERATOR_REFERENCE));
                    asAdmin().get(f.references() + "/" + f.secondOperatorReference()).then().statusCode(200);
                }),
        CREATE_WEBHOOK("admin platform-admin", 201,
                (f, as) -> as.contentType(ContentType.JSON).body(Fixture.webhook()).post(f.webhooks()),
                f -> asAdmin().get(f.webhooks()).then().body("total", equalTo(0))),
        LIST_WEBHOOKS("admin platform-admin", 200,
                (f, as) -> {
                    f.disabledWebhook();
                    return as.get(f.webhooks());
                }, null),
        READ_WEBHOOK("admin platform-admin", 200,
                (f, as) -> as.get(f.disabledWebhook()), null),
        READ_WEBHOOK_DELIVERIES("admin platform-admin", 200,
                (f, as) -> as.get(f.disabledWebhook() + "/deliveries"), null),
        DELETE_WEBHOOK("admin platform-admin", 204,
                (f, as) -> as.delete(f.disabledWebhook()),
                f -> asAdmin().get(f.disabledWebhook()).then().statusCode(200)),
        ENABLE_WEBHOOK("admin platform-admin", 200,
                (f, as) -> as.post(f.disabledWebhook() + "/enable"),
                f -> asAdmin().get(f.disabledWebhook()).then().body("enabled", equalTo(false))),
        REVOKE_PLATFORM_KEY("platform-admin", 204,
                (f, as) -> as.delete("/api/v1/api-keys/" + f.platformVictim().id()),
                f -> as(f.platformVictim().key()).get("/api/v1/me").then().statusCode(200));

        final Set<String> allowed;
        final int success;
        final BiFunction<Fixture, RequestSpecification, Response> attempt;
        final Consumer<Fixture> unchanged;

        Action(String allowed, int success, BiFunction<Fixture, RequestSpecification, Response> attempt, Consumer<Fixture> unchanged) {
            this.allowed = Set.of(allowed.split(" "));
            this.success = success;
            this.attempt = attempt;
            this.unchanged = unchanged;
        }
    }

    /** The organisation of one cell and what the operator prepared in it. */
    static final class Fixture {
        static final String DRAFT_TEXT = "Het ontwerp zoals de redactie het schreef.";
        static final String OPERATOR_REFERENCE = "Beleidsbeslissing van de directie";
        final String org = newOrganization("matrix");
        final boolean allowed;
        private String draftTag;
        private TestKeys.IssuedKey victim;
        private TestKeys.IssuedKey platformVictim;
        private Long openTask;
        private Long pendingReminder;
        private String consultation;
        private boolean adopted;
        private Long operatorReference;
        private Long secondOperatorReference;
        private String disabledWebhook;

        Fixture(boolean allowed) {
            this.allowed = allowed;
        }

        String draftTag() {
            if (draftTag == null) {
                draftTag = draft(org, "vision", statement(DRAFT_TEXT)).header("ETag");
            }
            return draftTag;
        }

        /** Version 1 of the vision, adopted (once, however many steps of an action ask for it). */
        void adoptedVersion() {
            if (!adopted) {
                draftTag();
                adopt(org, "vision", 1, null);
                adopted = true;
            }
        }

        String acknowledgements() {
            return versions(org, "vision") + "/1/acknowledgements";
        }

        String references() {
            return "/api/v1/organizations/" + org + "/references";
        }

        /** A reference body that cites the (adopted) vision today. */
        static Map<String, Object> reference(String title) {
            return Map.of("kind", "TEAM_MEETING", "title", title, "date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
                    "rationale", "Past in onze visie.", "cites", List.of(Map.of("element", "vision")));
        }

        /** A reference the operator recorded; its id. */
        long operatorReference() {
            if (operatorReference == null) {
                adoptedVersion();
                operatorReference = asAdmin().contentType(ContentType.JSON).body(reference(OPERATOR_REFERENCE)).post(references())
                        .then().statusCode(201).extract().jsonPath().getLong("id");
            }
            return operatorReference;
        }

        long secondOperatorReference() {
            if (secondOperatorReference == null) {
                adoptedVersion();
                secondOperatorReference = asAdmin().contentType(ContentType.JSON).body(reference("Nog een beslissing")).post(references())
                        .then().statusCode(201).extract().jsonPath().getLong("id");
            }
            return secondOperatorReference;
        }

        /** A draft of the vision with a French translation; the translation's ETag. */
        String translationTag() {
            draftTag();
            return asAdmin().contentType(ContentType.JSON).body(Map.of("status", "DRAFT", "content", Map.of("statement", "Le projet.")))
                    .put(versions(org, "vision") + "/1/translations/fr").then().statusCode(201).extract().header("ETag");
        }

        void adoptedValues() {
            draft(org, "values", Map.of("changeReason", "test", "content",
                    Map.of("items", List.of(Map.of("key", "respect", "title", "Respect", "behaviours", List.of("We vragen voor we handelen."))))));
            adopt(org, "values", 1, null);
        }

        TestKeys.IssuedKey victim() {
            if (victim == null) {
                victim = TestKeys.organizationKey(org, "reader");
            }
            return victim;
        }

        /** The reminders of an open review task of the organisation. */
        String reminders() {
            if (openTask == null) {
                openTask = asAdmin().contentType(ContentType.JSON)
                        .body(Map.of("element", "vision", "reason", "MANUAL", "dueDate", "2027-01-01"))
                        .post("/api/v1/organizations/" + org + "/review-tasks").then().statusCode(201).extract().jsonPath().getLong("id");
            }
            return "/api/v1/organizations/" + org + "/review-tasks/" + openTask + "/reminders";
        }

        long pendingReminder() {
            if (pendingReminder == null) {
                pendingReminder = asAdmin().contentType(ContentType.JSON)
                        .body(Map.of("kind", "DUE", "channel", "WEBHOOK", "recipients", List.of()))
                        .post(reminders()).then().statusCode(201).extract().jsonPath().getLong("id");
            }
            return pendingReminder;
        }

        static Map<String, Object> roundRequest() {
            return Map.of("question", "Herken je je hierin?", "deadline", java.time.Instant.now().plus(java.time.Duration.ofDays(7)).toString(),
                    "audience", List.of("EMPLOYEES", "CLIENTS"));
        }

        /** An open consultation round on the vision draft; its path. */
        String consultation() {
            if (consultation == null) {
                long id = asAdmin().header("If-Match", draftTag()).contentType(ContentType.JSON).body(roundRequest())
                        .post(versions(org, "vision") + "/1/consultations").then().statusCode(201).extract().jsonPath().getLong("id");
                consultation = "/api/v1/organizations/" + org + "/consultations/" + id;
            }
            return consultation;
        }

        /** An invitation to the round; its id. */
        long invitation() {
            return asAdmin().contentType(ContentType.JSON).body(Map.of("audience", "CLIENTS", "label", "Cliëntenraad"))
                    .post(consultation() + "/invitations").then().statusCode(201).extract().jsonPath().getLong("id");
        }

        String calendarFeeds() {
            return "/api/v1/organizations/" + org + "/calendar-feeds";
        }

        /** A calendar feed the operator made; its id. */
        long operatorFeed() {
            return asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Operator")).post(calendarFeeds())
                    .then().statusCode(201).extract().jsonPath().getLong("id");
        }

        /**
         * A webhook that the delivery job disabled; its path. Disabled as the job does it after a day of failures,
         * without the receiver and the day. It subscribes to an event the matrix never writes, so that enabling it
         * sends nothing anywhere.
         */
        String disabledWebhook() {
            if (disabledWebhook == null) {
                long id = asAdmin().contentType(ContentType.JSON).body(webhook())
                        .post(webhooks()).then().statusCode(201).extract().jsonPath().getLong("id");
                try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                     PreparedStatement disable = connection.prepareStatement("update webhook set enabled = false, disabled_at = now(), "
                             + "disabled_reason = 'Deliveries failed for a day' where id = ?")) {
                    disable.setLong(1, id);
                    assertThat(disable.executeUpdate()).isEqualTo(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                disabledWebhook = webhooks() + "/" + id;
            }
            return disabledWebhook;
        }

        String webhooks() {
            return "/api/v1/organizations/" + org + "/webhooks";
        }

        /** A webhook on an event the matrix never writes, so that it sends nothing anywhere. */
        static Map<String, Object> webhook() {
            return Map.of("url", "https://hr.zorg-a.example/hooks/waarom", "events", List.of("indicator.target.revised"));
        }

        TestKeys.IssuedKey platformVictim() {
            if (platformVictim == null) {
                platformVictim = TestKeys.platformKey("service");
            }
            return platformVictim;
        }
    }

    static Stream<Arguments> matrix() {
        return Arrays.stream(Action.values()).flatMap(action -> ROLES.stream()
                .map(role -> Arguments.of(role, action, action.allowed.contains(role))));
    }

    @ParameterizedTest(name = "{0} → {1}: allowed {2}")
    @MethodSource("matrix")
    void eachRoleMayDoWhatTheTableSaysAndNothingElse(String role, Action action, boolean allowed) {
        Fixture fixture = new Fixture(allowed);
        RequestSpecification caller = as(keyFor(role, fixture.org).key());
        Response response = action.attempt.apply(fixture, caller);
        if (allowed) {
            assertThat(response.statusCode()).as(role + " " + action + ": " + response.asString()).isEqualTo(action.success);
        } else {
            assertThat(response.statusCode()).as(role + " " + action + ": " + response.asString()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).isEqualTo("https://waarom.org/problems/forbidden");
            assertThat(response.jsonPath().getString("detail")).isNotBlank();
            if (action.unchanged != null) {
                action.unchanged.accept(fixture);
            }
        }
    }

    @Test
    void rolesOfOneKeyAddUp() {
        Fixture fixture = new Fixture(true);
        TestKeys.IssuedKey editorAndApprover = TestKeys.organizationKey(fixture.org, "editor", "approver");
        String etag = as(editorAndApprover.key()).contentType(ContentType.JSON).body(statement("Samen."))
                .post(versions(fixture.org, "mission")).then().statusCode(201).extract().header("ETag");
        as(editorAndApprover.key()).header("If-Match", etag).contentType(ContentType.JSON).post(versions(fixture.org, "mission") + "/1/adopt")
                .then().statusCode(200).body("adoptedBy", equalTo(editorAndApprover.name()));
        // Still no admin: keys and the audit log stay closed.
        as(editorAndApprover.key()).get("/api/v1/organizations/" + fixture.org + "/api-keys").then().statusCode(403);
    }

    @Test
    void anOrganisationRoleGivesNothingInAnotherOrganisation() {
        Fixture mine = new Fixture(true);
        Fixture theirs = new Fixture(false);
        TestKeys.IssuedKey admin = TestKeys.organizationKey(mine.org, "admin");
        as(admin.key()).get("/api/v1/organizations/" + theirs.org).then().statusCode(404);
        as(admin.key()).contentType(ContentType.JSON).body(statement("Overname.")).post(versions(theirs.org, "vision")).then().statusCode(404);
        asAdmin().get(versions(theirs.org, "vision")).then().body("total", equalTo(0));
    }

    private static TestKeys.IssuedKey keyFor(String role, String org) {
        return switch (role) {
            case "platform-admin", "service" -> TestKeys.platformKey(role);
            default -> TestKeys.organizationKey(org, role);
        };
    }
}
