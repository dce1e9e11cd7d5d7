package org.waarom.api.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.assertProblem;

/** Intranet front ends call from the browser: CORS for configured origins only, and security headers on every answer. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class BrowserSecurityTest {

    @Test
    void aConfiguredIntranetOriginMayCallTheApi() {
        given().header("Origin", "https://intranet.zorg-a.be")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/v1/organizations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://intranet.zorg-a.be")
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
        asAdmin().header("Origin", "https://intranet.zorg-a.be").get("/api/v1/element-types")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://intranet.zorg-a.be")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void anyOtherOriginIsRefusedWithAProblem() {
        assertProblem(asAdmin().header("Origin", "https://evil.example").get("/api/v1/element-types"), 403, "forbidden")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("detail", containsString("https://evil.example"));
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        given().get("/api/v1/element-types").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        asAdmin().get("/api/v1/element-types").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }
}
