package org.waarom.scheduler;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of the scheduler, in UTC: "today" for due dates is the UTC date, and cycle
 * triggers fire at a fixed UTC time (see {@code policy.CycleTriggers}).
 */
public class SchedulerClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
