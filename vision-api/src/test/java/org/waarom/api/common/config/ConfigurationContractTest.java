package org.waarom.api.common.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables of the configuration table (deploy/README.md#configuration-environment) reach the
 * settings they name. An
 * operator sets WAAROM_BOOTSTRAP_ADMIN_KEY, not whatever our Java names happen to map to.
 */
class ConfigurationContractTest {

    @Test
    void environmentVariablesOfTheContractMapToTheirSettings() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(WaaromConfig.class)
                .withSources(new EnvConfigSource(Map.of(
                        "WAAROM_BOOTSTRAP_ADMIN_KEY", "wrm_from-the-environment-0123456789",
                        "WAAROM_CORS_ORIGINS", "https://intranet.zorg-a.be,https://intranet.zorg-b.be",
                        "WAAROM_DEMO", "true",
                        "WAAROM_EVENTS_RETENTION", "P30D",
                        "WAAROM_LIMITS_MAX_BODY_BYTES", "1024",
                        "WAAROM_READS_CACHE_ENTRIES", "500",
                        "WAAROM_SECURITY_OIDC_ISSUER", "https://idp.example.org/realms/zorg-a",
                        "WAAROM_SECURITY_OIDC_JWKS_URL", "https://idp.example.org/realms/zorg-a/certs",
                        "WAAROM_SECURITY_FAILED_AUTHENTICATION_LIMIT", "5"), 300) {
                })
                .build();
        WaaromConfig waarom = config.getConfigMapping(WaaromConfig.class);
        assertThat(waarom.bootstrapAdminKey()).contains("wrm_from-the-environment-0123456789");
        assertThat(waarom.cors().origins()).contains(List.of("https://intranet.zorg-a.be", "https://intranet.zorg-b.be"));
        assertThat(waarom.demo()).isTrue();
        assertThat(waarom.events().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(waarom.limits().maxBodyBytes()).isEqualTo(1024);
        assertThat(waarom.reads().cacheEntries()).isEqualTo(500);
        assertThat(waarom.security().oidc().issuer()).contains("https://idp.example.org/realms/zorg-a");
        assertThat(waarom.security().oidc().jwksUrl()).contains("https://idp.example.org/realms/zorg-a/certs");
        assertThat(waarom.security().oidc().rolesClaim()).isEqualTo("groups");
        assertThat(waarom.security().failedAuthenticationLimit()).isEqualTo(5);
    }
}
