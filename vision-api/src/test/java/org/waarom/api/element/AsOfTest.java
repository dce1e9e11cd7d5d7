package org.waarom.api.element;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.adopt;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/** {@code ?asOf=}: effectiveFrom is inclusive, effectiveTo exclusive; a date means the start of that day (UTC). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class AsOfTest {

    @Test
    void asOfFindsTheVersionInEffectAtTheBoundaries() {
        String org = newOrganization("asof");
        String current = "/api/v1/organizations/" + org + "/elements/vision";
        draft(org, "vision", statement("Visie 2019."));
        adopt(org, "vision", 1, "2019-01-01T00:00:00Z");
        draft(org, "vision", statement("Visie 2022."));
        adopt(org, "vision", 2, "2022-07-01T12:00:00Z");

        asAdmin().queryParam("asOf", "2018-12-31T23:59:59.999999Z").get(current).then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("/not-found"));
        asAdmin().queryParam("asOf", "2019-01-01T00:00:00Z").get(current).then().statusCode(200).body("version", equalTo(1));
        asAdmin().queryParam("asOf", "2019-01-01").get(current).then().statusCode(200).body("version", equalTo(1));
        asAdmin().queryParam("asOf", "2022-07-01T11:59:59.999999Z").get(current).then().body("version", equalTo(1));
        asAdmin().queryParam("asOf", "2022-07-01T12:00:00Z").get(current).then().body("version", equalTo(2));
        // A date is the start of that day: on 2022-07-01 at 00:00 version 1 was still in effect.
        asAdmin().queryParam("asOf", "2022-07-01").get(current).then().body("version", equalTo(1));
        asAdmin().queryParam("asOf", "2022-07-02").get(current).then().body("version", equalTo(2));
        asAdmin().queryParam("asOf", "2024-05-01T14:00:00+02:00").get(current).then().body("version", equalTo(2));
        asAdmin().get(current).then().body("version", equalTo(2)).body("effectiveTo", nullValue());

        asAdmin().get(versions(org, "vision") + "/1").then()
                .body("status", equalTo("SUPERSEDED"))
                .body("effectiveFrom", equalTo("2019-01-01T00:00:00Z"))
                .body("effectiveTo", equalTo("2022-07-01T12:00:00Z"));
    }

    @Test
    void aVersionAdoptedForTheFutureTakesEffectThen() {
        String org = newOrganization("future");
        String current = "/api/v1/organizations/" + org + "/elements/strategy";
        draft(org, "strategy", statement("Nu."));
        adopt(org, "strategy", 1, "2020-01-01T00:00:00Z");
        draft(org, "strategy", statement("Straks."));
        adopt(org, "strategy", 2, "2999-01-01T00:00:00Z");

        asAdmin().get(current).then().statusCode(200).body("version", equalTo(1)).body("effectiveTo", equalTo("2999-01-01T00:00:00Z"));
        asAdmin().queryParam("asOf", "2999-01-01").get(current).then().body("version", equalTo(2));
    }

    @Test
    void adoptionCannotTakeEffectBeforeTheCurrentVersion() {
        String org = newOrganization("order");
        draft(org, "mission", statement("Eerst."));
        adopt(org, "mission", 1, "2021-01-01T00:00:00Z");
        draft(org, "mission", statement("Daarna."));
        String etag = asAdmin().get(versions(org, "mission") + "/2").header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/json").body("{\"effectiveFrom\": \"2021-01-01T00:00:00Z\"}")
                .post(versions(org, "mission") + "/2/adopt")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("effectiveFrom"));
        asAdmin().get(versions(org, "mission") + "/2").then().body("status", equalTo("DRAFT"));
        asAdmin().get(versions(org, "mission") + "/1").then().body("status", equalTo("ADOPTED"));
    }

    @Test
    void malformedAsOfIs400() {
        String org = newOrganization("badasof");
        asAdmin().queryParam("asOf", "gisteren").get("/api/v1/organizations/" + org + "/elements/vision").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
    }
}
