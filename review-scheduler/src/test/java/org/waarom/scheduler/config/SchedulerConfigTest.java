package org.waarom.scheduler.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code waarom.*} mapping on its own, without Quarkus and without the machine's environment:
 * the defaults of the configuration table (deploy/README.md#configuration-environment), the environment variable
 * names operators use, and the
 * values refused at start-up.
 */
class SchedulerConfigTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    @Test
    void defaultsAreThoseOfTheDesign() {
        SchedulerConfig config = mapping(Map.of());

        assertThat(config.api().url()).isEqualTo("http://localhost:8080");
        assertThat(config.api().key()).isEmpty();
        assertThat(config.api().unreachableAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.events().pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.policies().syncInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.policies().dueTime()).isEqualTo(java.time.LocalTime.of(6, 0));
        assertThat(config.reminders().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.reminders().webhookUrl()).isEmpty();
    }

    @Test
    void environmentVariablesOfTheDesignSetEveryKey() {
        SchedulerConfig config = build(new EnvConfigSource(Map.of(
                "WAAROM_API_URL", "https://vision.example.org",
                "WAAROM_API_KEY", "wk_service",
                "WAAROM_API_UNREACHABLE_AFTER", "PT2M",
                "WAAROM_EVENTS_POLL_INTERVAL", "PT30S",
                "WAAROM_POLICIES_SYNC_INTERVAL", "PT10M",
                "WAAROM_POLICIES_DUE_TIME", "07:30",
                "WAAROM_REMINDERS_INTERVAL", "PT1H",
                "WAAROM_REMINDERS_WEBHOOK_URL", "https://hooks.example.org/T1/B2"), 300));

        assertThat(config.api().url()).isEqualTo("https://vision.example.org");
        assertThat(config.api().key()).contains("wk_service");
        assertThat(config.api().unreachableAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.events().pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.policies().syncInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.policies().dueTime()).isEqualTo(java.time.LocalTime.of(7, 30));
        assertThat(config.reminders().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.reminders().webhookUrl()).contains("https://hooks.example.org/T1/B2");
    }

    @Test
    void zeroOrNegativeIntervalsAreRefused() {
        assertThatThrownBy(() -> mapping(Map.of("waarom.events.poll-interval", "PT0S")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("waarom.events.poll-interval")
                .hasMessageContaining(SchedulerConfig.POSITIVE_DURATION);
        assertThatThrownBy(() -> mapping(Map.of("waarom.policies.sync-interval", "-PT1M")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("waarom.policies.sync-interval");
        assertThatThrownBy(() -> mapping(Map.of("waarom.policies.due-time", "25:00")))
                .hasMessageContaining("waarom.policies.due-time");
        assertThatThrownBy(() -> mapping(Map.of("waarom.reminders.interval", "PT0S")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("waarom.reminders.interval");
    }

    @Test
    void theSmallestPositiveIntervalIsAccepted() {
        assertThat(mapping(Map.of("waarom.events.poll-interval", "PT0.001S")).events().pollInterval())
                .isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void addressesMustBeHttpUrls() {
        assertThatThrownBy(() -> mapping(Map.of("waarom.api.url", "localhost:8080")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("waarom.api.url")
                .hasMessageContaining(SchedulerConfig.HTTP_URL);
        assertThatThrownBy(() -> mapping(Map.of("waarom.api.url", "ftp://vision.example.org")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("waarom.api.url");
        assertThatThrownBy(() -> mapping(Map.of("waarom.reminders.webhook-url", "hooks.example.org")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("waarom.reminders.webhook-url");
    }

    private static SchedulerConfig mapping(Map<String, String> properties) {
        return build(new PropertiesConfigSource(properties, "test", 300));
    }

    /** Only the given source: neither the machine's environment nor application.properties. */
    private static SchedulerConfig build(ConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(source)
                .withMapping(SchedulerConfig.class)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
        return config.getConfigMapping(SchedulerConfig.class);
    }
}
