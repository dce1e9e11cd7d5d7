package org.waarom.api.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The vision-api's own settings ({@code waarom.*}). */
@ConfigMapping(prefix = "waarom")
public interface WaaromConfig {

    Limits limits();

    Security security();

    Cors cors();

    Events events();

    Webhooks webhooks();

    Reads reads();

    /** The polled reads ({@code waarom.reads.*}); see {@link org.waarom.api.common.cache.ReadCache}. */
    interface Reads {
        /** How many rendered reads (per organisation, read, form and language preference) a replica keeps. */
        @WithDefault("10000")
        long cacheEntries();
    }

    interface Events {
        /** How long events are kept in the feed (WAAROM_EVENTS_RETENTION). */
        @WithDefault("P90D")
        java.time.Duration retention();
    }

    /** Delivery of events to the organisations' webhooks ({@code waarom.webhooks.*}). */
    interface Webhooks {
        /**
         * WAAROM_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: {@code true} lets webhooks target loopback, link-local,
         * private and multicast addresses. Off by default, so that a webhook cannot be used to reach
         * services inside the network the API runs in (SSRF); the local run switches it on.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** Wait before the first retry of a failed delivery; it doubles with each further failure. */
        @WithDefault("PT10S")
        java.time.Duration initialBackoff();

        /** The longest wait between two attempts. */
        @WithDefault("PT1H")
        java.time.Duration maxBackoff();

        /** A webhook whose deliveries have failed for this long is disabled (event {@code webhook.disabled}). */
        @WithDefault("P1D")
        java.time.Duration giveUpAfter();

        /** How long to wait for a receiver to accept the connection. */
        @WithDefault("PT5S")
        java.time.Duration connectTimeout();

        /** How long to wait for a receiver's answer to one delivery. */
        @WithDefault("PT10S")
        java.time.Duration requestTimeout();
    }

    /** Browser origins (WAAROM_CORS_ORIGINS); Quarkus's CORS filter reads them through quarkus.http.cors.origins. */
    interface Cors {
        java.util.Optional<java.util.List<String>> origins();
    }

    /** {@code WAAROM_DEMO=true}: load the demo organisation at start (the local run's {@code --demo}). */
    @WithDefault("false")
    boolean demo();

    /** WAAROM_BOOTSTRAP_ADMIN_KEY: a platform-admin key to ensure at start-up. */
    java.util.Optional<String> bootstrapAdminKey();

    interface Security {
        /** Failed authentications one client address may make per window before it gets 429. */
        @WithDefault("20")
        int failedAuthenticationLimit();

        @WithDefault("PT1M")
        java.time.Duration failedAuthenticationWindow();

        Oidc oidc();
    }

    /** Bearer tokens from the organisation's identity provider; off until an issuer is configured. */
    interface Oidc {
        /** Expected {@code iss}; tokens are refused while unset. */
        java.util.Optional<String> issuer();

        /** The issuer's public key: a PEM or JWK(S) text, or a location (file:, classpath:, https:) of one. */
        java.util.Optional<String> publicKey();

        /** Where the issuer publishes its key set (JWKS), e.g. https://idp.example.org/realms/waarom/protocol/openid-connect/certs. */
        java.util.Optional<String> jwksUrl();

        /** Expected {@code aud}, when the identity provider sets one. */
        java.util.Optional<String> audience();

        /** The claim with the caller's groups: {@code waarom:<org>:<role>} and {@code waarom:platform-admin}. */
        @WithDefault("groups")
        String rolesClaim();
    }

    interface Limits {
        /** Largest request body accepted; larger ones answer 413. */
        @WithDefault("262144")
        long maxBodyBytes();
    }
}
