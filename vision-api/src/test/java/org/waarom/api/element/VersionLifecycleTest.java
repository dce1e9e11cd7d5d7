package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class VersionLifecycleTest {

    @Test
    void draftIsCreatedWithLocationETagAndRecordsWhoAndWhy() {
        String org = newOrganization("life");
        var created = draft(org, "vision", statement("Iedereen telt mee."));
        assertThat(created.header("Location")).endsWith(versions(org, "vision") + "/1");
        assertThat(created.header("ETag")).startsWith("\"").endsWith("\"");
        created.then()
                .body("element", equalTo("vision"))
                .body("version", equalTo(1))
                .body("status", equalTo("DRAFT"))
                .body("content.statement", equalTo("Iedereen telt mee."))
                .body("changeReason", equalTo("test"))
                .body("createdBy", notNullValue())
                .body("createdAt", notNullValue())
                .body("basedOn", nullValue())
                .body("effectiveFrom", nullValue());
    }

    @Test
    void onlyOneOpenVersionPerElement() {
        String org = newOrganization("open");
        draft(org, "mission", statement("Eerste ontwerp."));
        asAdmin().contentType(ContentType.JSON).body(statement("Tweede ontwerp."))
                .post(versions(org, "mission"))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/conflict"))
                .body("status", equalTo(409))
                .body("detail", equalTo("Version 1 of the mission is still open (DRAFT); adopt or withdraw it before starting another"));
        // Another element of the same organisation is not affected.
        draft(org, "vision", statement("Een visie."));
    }

    @Test
    void adoptingSupersedesThePreviousVersionAndAdoptedVersionsNeverChange() {
        String org = newOrganization("adopt");
        draft(org, "vision", statement("Versie een."));
        var first = adopt(org, "vision", 1, null);
        first.then().body("status", equalTo("ADOPTED")).body("adoptedBy", notNullValue())
                .body("effectiveFrom", notNullValue()).body("effectiveTo", nullValue());

        // Adopted: editing, withdrawing and adopting again are state conflicts.
        String adoptedTag = first.header("ETag");
        asAdmin().header("If-Match", adoptedTag).contentType(ContentType.JSON).body(statement("Stiekem anders."))
                .put(versions(org, "vision") + "/1").then().statusCode(409).body("detail", equalTo(
                        "Version 1 is ADOPTED; adopted versions never change. Start a new draft instead."));
        asAdmin().header("If-Match", adoptedTag).delete(versions(org, "vision") + "/1").then().statusCode(409);
        asAdmin().header("If-Match", adoptedTag).contentType(ContentType.JSON).body("{}")
                .post(versions(org, "vision") + "/1/adopt").then().statusCode(409);
        asAdmin().get(versions(org, "vision") + "/1").then().body("content.statement", equalTo("Versie een."));

        var second = draft(org, "vision", statement("Versie twee."));
        second.then().body("basedOn", equalTo(1));
        var adoptedSecond = adopt(org, "vision", 2, null);
        String effectiveFrom = adoptedSecond.path("effectiveFrom");

        asAdmin().get(versions(org, "vision") + "/1").then()
                .body("status", equalTo("SUPERSEDED"))
                .body("effectiveTo", equalTo(effectiveFrom));
        asAdmin().get("/api/v1/organizations/" + org + "/elements/vision").then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("content.statement", equalTo("Versie twee."));
    }

    @Test
    void editingADraftNeedsTheCurrentETag() {
        String org = newOrganization("edit");
        String etag = draft(org, "strategy", statement("Plan A.")).header("ETag");
        asAdmin().contentType(ContentType.JSON).body(statement("Plan B."))
                .put(versions(org, "strategy") + "/1")
                .then().statusCode(428).contentType("application/problem+json").body("type", endsWith("/precondition-required"));
        String newTag = asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(statement("Plan B."))
                .put(versions(org, "strategy") + "/1")
                .then().statusCode(200).body("content.statement", equalTo("Plan B.")).extract().header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(statement("Plan C."))
                .put(versions(org, "strategy") + "/1")
                .then().statusCode(412).contentType("application/problem+json").body("type", endsWith("/precondition-failed"));
        asAdmin().get(versions(org, "strategy") + "/1").then().body("content.statement", equalTo("Plan B."));
    }

    @Test
    void ifNoneMatchAnswers304() {
        String org = newOrganization("cache");
        String etag = draft(org, "mission", statement("Waarom we bestaan.")).header("ETag");
        asAdmin().header("If-None-Match", etag).get(versions(org, "mission") + "/1").then().statusCode(304).header("ETag", etag);
        asAdmin().header("If-None-Match", "\"other\"").get(versions(org, "mission") + "/1").then().statusCode(200);
        String adoptedTag = adopt(org, "mission", 1, null).header("ETag");
        asAdmin().header("If-None-Match", adoptedTag).get("/api/v1/organizations/" + org + "/elements/mission").then().statusCode(304);
        asAdmin().header("If-None-Match", etag).get("/api/v1/organizations/" + org + "/elements/mission").then()
                .statusCode(200).header("ETag", adoptedTag).header("Cache-Control", notNullValue());
    }

    @Test
    void withdrawKeepsTheVersionInTheHistoryAndFreesTheElement() {
        String org = newOrganization("withdraw");
        String etag = draft(org, "values", ApiTestSupportValues.oneValue()).header("ETag");
        asAdmin().delete(versions(org, "values") + "/1").then().statusCode(428);
        asAdmin().header("If-Match", etag).delete(versions(org, "values") + "/1").then().statusCode(204);
        asAdmin().get(versions(org, "values") + "/1").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnBy", notNullValue()).body("withdrawnAt", notNullValue());
        String withdrawnTag = asAdmin().get(versions(org, "values") + "/1").header("ETag");
        asAdmin().header("If-Match", withdrawnTag).delete(versions(org, "values") + "/1").then().statusCode(409);
        asAdmin().header("If-Match", withdrawnTag).contentType(ContentType.JSON).body("{}").post(versions(org, "values") + "/1/adopt").then().statusCode(409);
        draft(org, "values", ApiTestSupportValues.oneValue()).then().body("version", equalTo(2));
    }

    @Test
    void restoreMakesANewDraftWithTheOldContent() {
        String org = newOrganization("restore");
        draft(org, "mission", statement("Oorspronkelijk."));
        adopt(org, "mission", 1, null);
        draft(org, "mission", statement("Nieuw."));
        adopt(org, "mission", 2, null);

        var restored = asAdmin().contentType(ContentType.JSON).body("{}").post(versions(org, "mission") + "/1/restore")
                .then().statusCode(201).extract().response();
        assertThat(restored.header("Location")).endsWith(versions(org, "mission") + "/3");
        restored.then().body("version", equalTo(3)).body("status", equalTo("DRAFT")).body("basedOn", equalTo(1))
                .body("content.statement", equalTo("Oorspronkelijk.")).body("changeReason", equalTo("Restored from version 1"));
        // History is untouched, and a second open version is refused.
        asAdmin().get(versions(org, "mission") + "/1").then().body("status", equalTo("SUPERSEDED"));
        asAdmin().get(versions(org, "mission") + "/2").then().body("status", equalTo("ADOPTED"));
        asAdmin().contentType(ContentType.JSON).body("{}").post(versions(org, "mission") + "/2/restore").then().statusCode(409);
    }

    @Test
    void adoptWithoutBodyAdoptsNow() {
        String org = newOrganization("nobody");
        String etag = draft(org, "mission", statement("Zonder body.")).header("ETag");
        asAdmin().header("If-Match", etag).contentType(ContentType.JSON).post(versions(org, "mission") + "/1/adopt").then().statusCode(200).body("status", equalTo("ADOPTED"));
    }

    @Test
    void currentBeforeFirstAdoptionIs404Problem() {
        String org = newOrganization("none");
        asAdmin().get("/api/v1/organizations/" + org + "/elements/vision").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Organisation '" + org + "' has no adopted vision yet"));
    }
}
