package org.waarom.api.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/** The one source of "now", so rules that depend on time are written against an injectable clock. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        // PostgreSQL keeps microseconds: an instant must read back exactly as it was answered.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
