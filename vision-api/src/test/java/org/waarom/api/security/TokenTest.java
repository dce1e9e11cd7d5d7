package org.waarom.api.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.as;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.draft;
import static org.waarom.api.ApiTestSupport.newOrganization;
import static org.waarom.api.ApiTestSupport.statement;
import static org.waarom.api.ApiTestSupport.versions;

/**
 * OIDC bearer tokens (docs/api-guide.md#credentials-and-roles): verified against the configured issuer and key, roles from
 * the {@code groups} claim ({@code waarom:<org>:<role>}, {@code waarom:platform-admin}).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class TokenTest {

    @Test
    void anEditorsTokenMayDraftAndTheDraftRecordsTheUser() {
        String org = newOrganization("token");
        String token = TestTokens.token("an-subject").claim("preferred_username", "an.peeters")
                .groups("waarom:" + org + ":editor", "other-app:admin", "waarom:" + org + ":superuser", "waarom:nonsense").sign();

        as(token).contentType(ContentType.JSON).body(statement("Getekend met een token."))
                .post(versions(org, "vision")).then().statusCode(201)
                .body("createdBy", equalTo("an.peeters"));
        as(token).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("an.peeters"))
                .body("credential", equalTo("token:an-subject"))
                .body("platformRoles", emptyIterable())
                .body("organizations.size()", equalTo(1))
                .body("organizations." + org, contains("editor"));
        // Only what the claim grants: an editor does not adopt, and foreign or unknown values grant nothing.
        String etag = asAdmin().get(versions(org, "vision") + "/1").header("ETag");
        as(token).header("If-Match", etag).contentType(ContentType.JSON).post(versions(org, "vision") + "/1/adopt")
                .then().statusCode(403).contentType("application/problem+json");
        as(token).get("/api/v1/organizations/" + org + "/api-keys").then().statusCode(403);
    }

    @Test
    void withoutPreferredUsernameTheEmailOrSubjectNamesTheUser() {
        String org = newOrganization("tokenname");
        String byEmail = TestTokens.token("subject-1").withoutClaim("preferred_username").claim("email", "bo@zorg.example")
                .groups("waarom:" + org + ":editor").sign();
        as(byEmail).contentType(ContentType.JSON).body(statement("Per e-mail.")).post(versions(org, "mission"))
                .then().statusCode(201).body("createdBy", equalTo("bo@zorg.example"));
        String bySubject = TestTokens.token("subject-2").withoutClaim("preferred_username").groups("waarom:" + org + ":editor").sign();
        as(bySubject).get("/api/v1/me").then().statusCode(200).body("name", equalTo("subject-2"));
    }

    @Test
    void aPlatformAdminTokenIsTheOperator() {
        String existing = newOrganization("tokenop");
        String token = TestTokens.token("operator").groups("waarom:platform-admin").sign();
        as(token).get("/api/v1/me").then().statusCode(200).body("platformRoles", contains("platform-admin"));
        String slug = "tok-" + System.nanoTime() % 1_000_000;
        as(token).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Via token"))
                .post("/api/v1/organizations").then().statusCode(201);
        as(token).get("/api/v1/organizations/" + existing).then().statusCode(200);
        as(token).contentType(ContentType.JSON).body(statement("Van de operator.")).post(versions(existing, "vision"))
                .then().statusCode(201).body("createdBy", equalTo("operator@idp.test"));
    }

    @Test
    void aValidTokenWithoutRolesIsSomeoneWhoMayDoNothing() {
        String org = newOrganization("noroles");
        String token = TestTokens.token("nobody").withoutClaim("groups").sign();
        as(token).get("/api/v1/me").then().statusCode(200)
                .body("credential", equalTo("token:nobody"))
                .body("platformRoles", emptyIterable())
                .body("organizations.size()", equalTo(0));
        assertNotFoundAsIfAbsent(as(token).get("/api/v1/organizations/" + org), org);
        as(token).get("/api/v1/organizations").then().statusCode(200).body("total", equalTo(0));
        as(token).contentType(ContentType.JSON).body(Map.of("slug", org + "-x", "name", "X")).post("/api/v1/organizations")
                .then().statusCode(403);
        // Roles in a claim other than the configured one (groups) count for nothing either.
        String elsewhere = TestTokens.token("nobody").claim("roles", java.util.List.of("waarom:platform-admin", "waarom:" + org + ":admin")).sign();
        assertNotFoundAsIfAbsent(as(elsewhere).get("/api/v1/organizations/" + org), org);
    }

    @Test
    void aTokenForAnotherOrganisationSeesNothingOfThisOne() {
        String mine = newOrganization("tokmine");
        String theirs = newOrganization("toktheirs");
        draft(theirs, "vision", statement("Van hen."));
        String token = TestTokens.token("outsider").groups("waarom:" + mine + ":admin").sign();
        as(token).get("/api/v1/organizations/" + mine).then().statusCode(200);
        assertNotFoundAsIfAbsent(as(token).get("/api/v1/organizations/" + theirs), theirs);
        assertNotFoundAsIfAbsent(as(token).get(versions(theirs, "vision") + "/1"), theirs);
        assertNotFoundAsIfAbsent(as(token).contentType(ContentType.JSON).body(statement("Overname."))
                .post(versions(theirs, "mission")), theirs);
        as(token).get("/api/v1/organizations").then().body("items.slug", contains(mine));
        asAdmin().get(versions(theirs, "mission")).then().body("total", equalTo(0));
    }

    @Test
    void invalidTokensAre401() {
        Instant now = Instant.now();
        // Every refused token would otherwise be an operator's: if a check were missing, /me would answer 200.
        String valid = TestTokens.token("mallory").groups("waarom:platform-admin").sign();
        as(valid).get("/api/v1/me").then().statusCode(200);

        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("wrong issuer", TestTokens.token("mallory").groups("waarom:platform-admin")
                .issuer("https://idp.evil.test/realms/waarom").sign());
        invalid.put("issuer with a trailing slash", TestTokens.token("mallory").groups("waarom:platform-admin")
                .issuer(TestTokens.ISSUER + "/").sign());
        invalid.put("no issuer", TestTokens.token("mallory").groups("waarom:platform-admin").withoutClaim("iss").sign());
        // Expired beyond the verifier's clock-skew allowance (SmallRye JWT: 60 s).
        invalid.put("expired", TestTokens.token("mallory").groups("waarom:platform-admin")
                .issuedAt(now.minus(Duration.ofHours(1))).expiresAt(now.minus(Duration.ofMinutes(10))).sign());
        invalid.put("no expiry", TestTokens.token("mallory").groups("waarom:platform-admin").withoutClaim("exp").sign());
        invalid.put("signed with another key", TestTokens.token("mallory").groups("waarom:platform-admin")
                .signedWith(TestTokens.untrustedKey()).sign());
        invalid.put("unsigned (alg none)", TestTokens.token("mallory").groups("waarom:platform-admin").unsigned());
        invalid.put("HS256 with the public key as secret", TestTokens.token("mallory").groups("waarom:platform-admin")
                .signedWith(AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(TestTokens.trustedPublicKeyPem())).sign());
        invalid.put("payload changed after signing", withPayloadOf(
                TestTokens.token("mallory").groups("waarom:nobody:reader").sign(), valid));
        invalid.put("not a JWT at all", "header.payload.signature");

        invalid.forEach((what, token) -> {
            Response response = as(token).get("/api/v1/me");
            assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(401);
            response.then().contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", endsWith("/unauthorized"))
                    .body("status", equalTo(401));
            as(token).contentType(ContentType.JSON).body(Map.of("slug", "mallory-" + System.nanoTime() % 1_000_000, "name", "M"))
                    .post("/api/v1/organizations").then().statusCode(401);
        });
    }

    /** The signed token's header and signature around the other token's payload: a forgery. */
    private static String withPayloadOf(String signed, String other) {
        String[] parts = signed.split("\\.");
        String[] otherParts = other.split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(otherParts[1]), StandardCharsets.UTF_8)).contains("waarom:platform-admin");
        return parts[0] + "." + otherParts[1] + "." + parts[2];
    }

    private static void assertNotFoundAsIfAbsent(Response response, String org) {
        response.then().statusCode(404).contentType("application/problem+json")
                .body("type", endsWith("/not-found"))
                .body("detail", equalTo("There is no organisation '" + org + "'"));
    }
}
