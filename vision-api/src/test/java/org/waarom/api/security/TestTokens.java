package org.waarom.api.security;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Mints OIDC bearer tokens for the tests, as an identity provider would: signed (RS256) with the
 * test key pair whose public half the test profile trusts ({@code src/test/resources/oidc}).
 *
 * <pre>{@code
 * String token = TestTokens.token("an").groups("waarom:zorg-a:editor").sign();
 * }</pre>
 */
public final class TestTokens {

    /** The issuer the test profile trusts ({@code %test.waarom.security.oidc.issuer}). */
    public static final String ISSUER = "https://idp.test/realms/waarom";

    private static final PrivateKey TRUSTED_KEY = readPrivateKey("/oidc/test-private.pem");

    private TestTokens() {
    }

    /** A token for {@code subject}, valid for five minutes, from the trusted issuer, with no roles yet. */
    public static Builder token(String subject) {
        return new Builder(subject);
    }

    /** A private key the service does not trust, for signatures that must be refused. */
    public static PrivateKey untrustedKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the claims of one token; every setter returns this. */
    public static final class Builder {
        private final JwtClaims claims = new JwtClaims();
        private Key key = TRUSTED_KEY;
        private String algorithm = AlgorithmIdentifiers.RSA_USING_SHA256;

        private Builder(String subject) {
            claims.setIssuer(ISSUER);
            claims.setSubject(subject);
            claims.setClaim("preferred_username", subject + "@idp.test");
            Instant now = Instant.now();
            issuedAt(now);
            expiresAt(now.plus(Duration.ofMinutes(5)));
            claims.setGeneratedJwtId();
        }

        public Builder groups(String... groups) {
            claims.setStringListClaim("groups", List.of(groups));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.setClaim(name, value);
            return this;
        }

        public Builder withoutClaim(String name) {
            claims.unsetClaim(name);
            return this;
        }

        public Builder issuer(String issuer) {
            claims.setIssuer(issuer);
            return this;
        }

        public Builder issuedAt(Instant instant) {
            claims.setIssuedAt(NumericDate.fromSeconds(instant.getEpochSecond()));
            return this;
        }

        public Builder expiresAt(Instant instant) {
            claims.setExpirationTime(NumericDate.fromSeconds(instant.getEpochSecond()));
            return this;
        }

        /** Signs with this key (RS256) instead of the trusted one. */
        public Builder signedWith(PrivateKey other) {
            this.key = other;
            return this;
        }

        /** Signs with another algorithm and key, e.g. HS256 with the public key as secret (algorithm confusion). */
        public Builder signedWith(String otherAlgorithm, Key otherKey) {
            this.algorithm = otherAlgorithm;
            this.key = otherKey;
            return this;
        }

        /** The compact JWS: {@code header.payload.signature}. */
        public String sign() {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            jws.setKey(key);
            jws.setDoKeyValidation(false);
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("Could not sign the test token", e);
            }
        }

        /** The payload without a signature ({@code alg: none}), which must never be accepted. */
        public String unsigned() {
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = encoder.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + ".";
        }
    }

    /** The trusted public key's PEM text, to use as an HMAC secret in algorithm-confusion attempts. */
    public static byte[] trustedPublicKeyPem() {
        return readResource("/oidc/test-public.pem");
    }

    private static PrivateKey readPrivateKey(String resource) {
        String pem = new String(readResource(resource), StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The test private key " + resource + " is not a PKCS#8 RSA key", e);
        }
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
