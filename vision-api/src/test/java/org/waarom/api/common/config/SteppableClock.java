package org.waarom.api.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock for a test that must see time pass (a throttling window, say) without waiting for it: the real
 * time plus what the test has {@linkplain #advance added}. Only a test profile that lists it among its enabled
 * alternatives gets it; every other test runs on {@link ClockProducer}'s clock.
 */
public final class SteppableClock extends Clock {

    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    /** Moves the service's "now" forward. */
    public static void advance(Duration duration) {
        AHEAD.accumulateAndGet(duration, Duration::plus);
    }

    private final ZoneId zone;

    public SteppableClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(AHEAD.get()).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SteppableClock(other);
    }

    /** Enabled by a test profile ({@code getEnabledAlternatives}), it replaces the service's clock. */
    @Alternative
    @ApplicationScoped
    public static class Producer {

        @Produces
        @ApplicationScoped
        Clock clock() {
            return new SteppableClock(ZoneOffset.UTC);
        }
    }
}
