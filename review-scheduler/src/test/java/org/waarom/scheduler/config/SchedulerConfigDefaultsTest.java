package org.waarom.scheduler.config;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * application.properties repeats the defaults so operators find every key in one file; this
 * catches the day the file and DESIGN section 10 drift apart.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class SchedulerConfigDefaultsTest {

    @Inject
    SchedulerConfig config;

    @Test
    void theServiceRunsWithTheDefaultsOfTheDesign() {
        assertThat(config.api().url()).isEqualTo("http://localhost:8080");
        assertThat(config.events().pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.policies().syncInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.reminders().interval()).isEqualTo(Duration.ofMinutes(15));
    }
}
