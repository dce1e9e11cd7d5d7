package org.waarom.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.config.WaaromConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a client from guessing keys or exhausting the service with failed authentications: after
 * {@code failedAuthenticationLimit} failures within a window, the client address gets 429 until
 * the window has passed. Per instance; behind a load balancer each replica counts for itself.
 */
@ApplicationScoped
public class AuthenticationThrottle {

    /** Failures of one address in the current window. */
    private record Window(Instant start, int failures) {
    }

    /** Beyond this many tracked addresses, expired windows are dropped, so the map cannot grow without bound. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Clock clock;

    AuthenticationThrottle(WaaromConfig config, Clock clock) {
        this.limit = config.security().failedAuthenticationLimit();
        this.window = config.security().failedAuthenticationWindow();
        this.clock = clock;
    }

    /** Seconds the address must wait, or 0 when it may try. */
    public long retryAfterSeconds(String address) {
        Window current = windows.get(address);
        if (current == null || current.failures() < limit) {
            return 0;
        }
        Duration left = Duration.between(Instant.now(clock), current.start().plus(window));
        if (left.isNegative() || left.isZero()) {
            windows.remove(address, current);
            return 0;
        }
        return Math.max(1, left.toSeconds());
    }

    public void recordFailure(String address) {
        Instant now = Instant.now(clock);
        windows.compute(address, (key, current) -> current == null || !now.isBefore(current.start().plus(window))
                ? new Window(now, 1)
                : new Window(current.start(), current.failures() + 1));
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().start().plus(window)));
        }
    }
}
