package org.waarom.scheduler.health;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.waarom.scheduler.api.VisionApi;
import org.waarom.scheduler.config.SchedulerConfig;
import org.waarom.scheduler.feed.FeedCursor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether the scheduler can reach the vision-api: DOWN while a circuit breaker of this replica is
 * open, or when no replica has had a useful answer from the API for longer than
 * {@code waarom.api.unreachable-after}. A readiness check only: the scheduler keeps running, keeps
 * its triggers and catches up when the API returns, so a down API must never make the platform
 * restart it (liveness stays UP).
 * <p>
 * The last answer counts cluster-wide (the feed's {@code read_at}, written by whichever replica
 * reads the feed), so a replica that happens not to run the jobs is not reported unreachable.
 */
@Readiness
@ApplicationScoped
public class VisionApiReadiness implements HealthCheck {

    static final String NAME = "vision-api";

    @Inject
    VisionApi api;

    @Inject
    FeedCursor feed;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    SchedulerConfig config;

    @Inject
    Clock clock;

    private volatile Instant startedAt;

    void onStart(@Observes StartupEvent start) {
        startedAt = clock.instant();
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("url", config.api().url());

        Optional<Instant> lastAnswer = Stream.of(api.lastSuccessfulCall(), lastFeedRead())
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        lastAnswer.ifPresent(at -> response.withData("lastSuccessfulCall", at.toString()));

        List<String> open = new ArrayList<>();
        for (String name : VisionApi.CIRCUIT_BREAKERS) {
            if (circuitBreakers.currentState(name) == CircuitBreakerState.OPEN) {
                open.add(name);
            }
        }
        // Before the first answer, the grace period runs from this replica's start.
        Instant reference = lastAnswer.orElse(startedAt == null ? now : startedAt);
        Duration silence = Duration.between(reference, now);
        boolean unreachable = silence.compareTo(config.api().unreachableAfter()) > 0;

        if (!open.isEmpty()) {
            return response.down().withData("reason", "circuit breaker open: " + String.join(", ", open)).build();
        }
        if (unreachable) {
            return response.down()
                    .withData("reason", lastAnswer.isEmpty() ? "no answer from the vision-api since start"
                            : "no answer from the vision-api for " + silence.toSeconds() + " s")
                    .build();
        }
        return response.up().build();
    }

    private Optional<Instant> lastFeedRead() {
        try {
            return Optional.ofNullable(feed.read().readAt());
        } catch (RuntimeException e) {
            // The database has its own health check; here only the API matters.
            return Optional.empty();
        }
    }
}
