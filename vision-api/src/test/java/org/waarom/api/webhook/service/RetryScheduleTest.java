package org.waarom.api.webhook.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Exponential back-off with a ceiling. */
class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void doublesFromTheInitialDelayUpToTheCeiling() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(schedule.delayAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(schedule.delayAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDayOfFailuresIsAboutThirtyAttempts() {
        Duration elapsed = Duration.ZERO;
        int attempts = 0;
        while (elapsed.compareTo(Duration.ofDays(1)) < 0) {
            attempts++;
            elapsed = elapsed.plus(schedule.delayAfter(attempts));
        }
        assertThat(attempts).isBetween(25, 40);
    }
}
