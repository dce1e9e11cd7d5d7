package org.waarom.scheduler.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * application.properties repeats the defaults so operators find every key in one file; this
 * catches the day the file and the configuration table (deploy/README.md#configuration-environment) drift apart.
 * The file is read as production reads
 * it (no profile): the test profile's faster intervals and the stub API's address do not count.
 */
class SchedulerConfigDefaultsTest {

    @Test
    void theServiceRunsWithTheDefaultsOfTheDesign() throws IOException {
        URL file = getClass().getClassLoader().getResource("application.properties");
        SmallRyeConfig production = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(file, 300))
                .withProfile("prod")
                .withMapping(SchedulerConfig.class)
                .build();
        SchedulerConfig config = production.getConfigMapping(SchedulerConfig.class);

        assertThat(config.api().url()).isEqualTo("http://localhost:8080");
        assertThat(config.api().unreachableAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.events().pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.policies().syncInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.reminders().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(production.getValue("quarkus.quartz.misfire-threshold", Duration.class)).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.reminders().webhookUrl()).isEmpty();
    }

    @Test
    void remindersGoToARealMailServerInEveryProfile() throws IOException {
        // Quarkus mocks the mailer in dev and test mode unless the file says otherwise.
        URL file = getClass().getClassLoader().getResource("application.properties");
        for (String profile : new String[] {"prod", "dev", "test"}) {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(file, 300))
                    .withProfile(profile)
                    .build();
            assertThat(config.getValue("quarkus.mailer.mock", Boolean.class)).as(profile).isFalse();
            assertThat(config.getValue("quarkus.mailer.from", String.class)).as(profile).isEqualTo("waarom@localhost");
        }
    }
}
