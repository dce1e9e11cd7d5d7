package org.waarom.api.webhook.service;

import java.time.Duration;

/** Exponential back-off: {@code initial} after the first failure, doubling with each further one, never more than {@code max}. */
record RetrySchedule(Duration initial, Duration max) {

    /** How long to wait after the {@code failedAttempts}-th failed attempt in a row (from 1). */
    Duration delayAfter(int failedAttempts) {
        Duration delay = initial;
        for (int failure = 1; failure < failedAttempts && delay.compareTo(max) < 0; failure++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
