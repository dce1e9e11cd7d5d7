package org.waarom.scheduler.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.waarom.scheduler.config.SchedulerConfig;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scheduler's one way to the vision-api. Every call carries the service key
 * ({@code Authorization: Bearer <WAAROM_API_KEY>}), is limited by a timeout, retried with
 * exponential back-off when the API is unavailable (no connection, reset, timeout, 5xx, 429) and
 * guarded by a circuit breaker per operation, so a down API costs little while it is down.
 * Failures reach callers as {@link VisionApiException} only: a rejection (4xx, not retried) or,
 * as its subclass {@link VisionApiUnavailableException}, "try again later".
 * <p>
 * Retrying a task creation is safe: the {@code sourceKey} makes the API answer a repeat with the
 * existing task. Retrying a reminder record is safe too: a repeat answers 409 with the record the
 * first attempt made, which the caller then owns. Every number below can be tuned in
 * configuration, for all calls ({@code quarkus.fault-tolerance.global.retry.max-retries}) or for one
 * ({@code quarkus.fault-tolerance."org.waarom.scheduler.api.VisionApi/events".retry.max-retries}).
 */
@ApplicationScoped
public class VisionApi {

    /** Circuit breaker names, one per operation, for health and metrics. */
    public static final String POLICIES = "vision-api-review-policies";
    public static final String POLICIES_OF = "vision-api-organization-review-policies";
    public static final String EVENTS = "vision-api-events";
    public static final String REVIEW_TASKS = "vision-api-review-tasks";
    public static final String OPEN_REVIEW_TASKS = "vision-api-open-review-tasks";
    public static final String ORGANIZATIONS = "vision-api-organizations";
    public static final String REMINDER_RECORDS = "vision-api-reminder-records";
    public static final String REMINDER_UPDATES = "vision-api-reminder-updates";
    public static final List<String> CIRCUIT_BREAKERS = List.of(POLICIES, POLICIES_OF, EVENTS, REVIEW_TASKS,
            OPEN_REVIEW_TASKS, ORGANIZATIONS, REMINDER_RECORDS, REMINDER_UPDATES);

    /** The status of the review tasks that reminders are for. */
    static final String OPEN = "OPEN";

    /** Counters of review-task requests, tagged with the reason: created (201) and repeated (200). */
    public static final String TASKS_CREATED = "waarom.scheduler.tasks.created";
    public static final String TASKS_REPEATED = "waarom.scheduler.tasks.repeated";

    private static final Logger LOG = Logger.getLogger(VisionApi.class);
    private static final int MAX_DETAIL = 300;

    private final AtomicReference<Instant> lastSuccessfulCall = new AtomicReference<>();
    private volatile boolean warnedAboutMissingKey;

    @Inject
    @RestClient
    VisionApiClient client;

    @Inject
    SchedulerConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** One page of every organisation's review policies. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(POLICIES)
    @Fallback(fallbackMethod = "reviewPoliciesFailed", skipOn = VisionApiException.class)
    public ReviewPolicyPage reviewPolicies(int page, int size) {
        return call("GET /review-policies", () -> client.reviewPolicies(authorization(), page, size));
    }

    /** Every review policy of one organisation, each with the organisation filled in. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(POLICIES_OF)
    @Fallback(fallbackMethod = "reviewPoliciesOfFailed", skipOn = VisionApiException.class)
    public List<ReviewPolicy> reviewPoliciesOf(String organization) {
        JsonNode answer = call("GET /organizations/" + organization + "/review-policies",
                () -> client.reviewPoliciesOf(authorization(), organization));
        JsonNode items = answer.isArray() ? answer : answer.path("items");
        List<ReviewPolicy> policies = new ArrayList<>();
        for (JsonNode item : items) {
            ReviewPolicy policy = json.convertValue(item, ReviewPolicy.class);
            policies.add(policy.organization() == null ? policy.withOrganization(organization) : policy);
        }
        return policies;
    }

    /** The events after {@code after} (from the start of the feed when {@code null}). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(EVENTS)
    @Fallback(fallbackMethod = "eventsFailed", skipOn = VisionApiException.class)
    public FeedPage events(String after, int limit) {
        return call("GET /events", () -> client.events(authorization(), after, limit));
    }

    /**
     * Asks for a review task. Idempotent through its {@code sourceKey}, which is what makes the
     * retries here, and every repeat after a crash, harmless.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(REVIEW_TASKS)
    @Fallback(fallbackMethod = "createReviewTaskFailed", skipOn = VisionApiException.class)
    public TaskCreation createReviewTask(String organization, NewReviewTask task) {
        String operation = "POST /organizations/" + organization + "/review-tasks " + task.sourceKey();
        TaskCreation outcome = call(operation, () -> {
            try (Response response = client.createReviewTask(authorization(), organization, task)) {
                if (response.getStatus() >= 400) {
                    throw new WebApplicationException(response);
                }
                return response.getStatus() == Response.Status.OK.getStatusCode()
                        ? TaskCreation.ALREADY_EXISTED
                        : TaskCreation.CREATED;
            }
        });
        Counter.builder(outcome == TaskCreation.CREATED ? TASKS_CREATED : TASKS_REPEATED)
                .description(outcome == TaskCreation.CREATED
                        ? "Review tasks the scheduler created, by reason"
                        : "Review task creations the API answered with an existing task (a repeat after a crash or retry), by reason")
                .tag("reason", task.reason().name()).register(metrics).increment();
        if (outcome == TaskCreation.CREATED) {
            LOG.infof("Created review task %s in %s (due %s)", task.sourceKey(), organization, task.dueDate());
        }
        return outcome;
    }

    /** One page of the open review tasks of every organisation, each with the reminders recorded for it. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(OPEN_REVIEW_TASKS)
    @Fallback(fallbackMethod = "openReviewTasksFailed", skipOn = VisionApiException.class)
    public ReviewTaskPage openReviewTasks(int page, int size) {
        return call("GET /review-tasks?status=OPEN", () -> client.reviewTasks(authorization(), OPEN, page, size));
    }

    /** One organisation (its name and default language); a 404 means it is gone. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(ORGANIZATIONS)
    @Fallback(fallbackMethod = "organizationFailed", skipOn = VisionApiException.class)
    public Organization organization(String slug) {
        return call("GET /organizations/" + slug, () -> client.organization(authorization(), slug));
    }

    /**
     * Records a reminder before it is sent. A 409 is an answer here, not a failure: with the
     * existing record of that kind and channel ({@link ReminderRecording.Outcome#EXISTED}), or
     * without one because the task is no longer open ({@link ReminderRecording.Outcome#TASK_NOT_OPEN}).
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(REMINDER_RECORDS)
    @Fallback(fallbackMethod = "recordReminderFailed", skipOn = VisionApiException.class)
    public ReminderRecording recordReminder(String organization, long taskId, NewReminder reminder) {
        String operation = reminderOperation("POST", organization, taskId) + " " + reminder.kind() + " " + reminder.channel();
        return call(operation, () -> {
            try (Response response = client.recordReminder(authorization(), organization, taskId, reminder)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    return conflict(response);
                }
                if (response.getStatus() >= 400) {
                    throw new WebApplicationException(response);
                }
                return ReminderRecording.created(response.readEntity(Reminder.class));
            } catch (WebApplicationException e) {
                // The client may turn a 409 into an exception before the code above sees it.
                if (e.getResponse().getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    return conflict(e.getResponse());
                }
                throw e;
            }
        });
    }

    /**
     * New links for a recorded reminder that was not sent, for sending it again: the API revokes the links the record had
     * (which, as far as anyone recorded, never went out), so a reminder never has two valid links for one person.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @Fallback(fallbackMethod = "replaceReminderLinksFailed", skipOn = VisionApiException.class)
    public Reminder replaceReminderLinks(String organization, long taskId, long reminderId) {
        return call(reminderOperation("POST", organization, taskId) + "/" + reminderId + "/links",
                () -> client.replaceReminderLinks(authorization(), organization, taskId, reminderId));
    }

    /**
     * Records that the message with one recipient's link went out: making the reminder's links again skips that recipient,
     * so a reminder sent again after a failure reaches only those who did not get it.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @Fallback(fallbackMethod = "recordDeliveryFailed", skipOn = VisionApiException.class)
    public void recordDelivery(String organization, long taskId, long reminderId, long linkId) {
        call(reminderOperation("POST", organization, taskId) + "/" + reminderId + "/links/" + linkId + "/delivery", () -> {
            try (Response response = client.recordDelivery(authorization(), organization, taskId, reminderId, linkId)) {
                if (response.getStatus() >= 400) {
                    throw new WebApplicationException(response);
                }
                return null;
            }
        });
    }

    /**
     * Marks a reminder record {@code SENT} or {@code FAILED}. Returns {@code false} when the API
     * answers 409 because it was already {@code SENT}: someone was quicker, nothing is lost.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, retryOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, failOn = {VisionApiUnavailableException.class, TimeoutException.class})
    @CircuitBreakerName(REMINDER_UPDATES)
    @Fallback(fallbackMethod = "updateReminderFailed", skipOn = VisionApiException.class)
    public boolean updateReminder(String organization, long taskId, long reminderId, ReminderUpdate update) {
        String operation = reminderOperation("PATCH", organization, taskId) + "/" + reminderId + " " + update.status();
        return call(operation, () -> {
            try (Response response = client.updateReminder(authorization(), organization, taskId, reminderId, update)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    return false;
                }
                if (response.getStatus() >= 400) {
                    throw new WebApplicationException(response);
                }
                return true;
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** When this replica last got a useful answer from the API; empty before the first. */
    public Optional<Instant> lastSuccessfulCall() {
        return Optional.ofNullable(lastSuccessfulCall.get());
    }

    // --- Fallbacks: only the fault-tolerance layer's own exceptions reach them (VisionApiException
    // skips them); each becomes a VisionApiUnavailableException, so callers see one type.

    ReviewPolicyPage reviewPoliciesFailed(int page, int size, Throwable failure) {
        throw unavailable("GET /review-policies", failure);
    }

    List<ReviewPolicy> reviewPoliciesOfFailed(String organization, Throwable failure) {
        throw unavailable("GET /organizations/" + organization + "/review-policies", failure);
    }

    FeedPage eventsFailed(String after, int limit, Throwable failure) {
        throw unavailable("GET /events", failure);
    }

    TaskCreation createReviewTaskFailed(String organization, NewReviewTask task, Throwable failure) {
        throw unavailable("POST /organizations/" + organization + "/review-tasks " + task.sourceKey(), failure);
    }

    ReviewTaskPage openReviewTasksFailed(int page, int size, Throwable failure) {
        throw unavailable("GET /review-tasks?status=OPEN", failure);
    }

    Organization organizationFailed(String slug, Throwable failure) {
        throw unavailable("GET /organizations/" + slug, failure);
    }

    ReminderRecording recordReminderFailed(String organization, long taskId, NewReminder reminder, Throwable failure) {
        throw unavailable(reminderOperation("POST", organization, taskId), failure);
    }

    Reminder replaceReminderLinksFailed(String organization, long taskId, long reminderId, Throwable failure) {
        throw unavailable(reminderOperation("POST", organization, taskId) + "/" + reminderId + "/links", failure);
    }

    void recordDeliveryFailed(String organization, long taskId, long reminderId, long linkId, Throwable failure) {
        throw unavailable(reminderOperation("POST", organization, taskId) + "/" + reminderId + "/links/" + linkId + "/delivery", failure);
    }

    boolean updateReminderFailed(String organization, long taskId, long reminderId, ReminderUpdate update, Throwable failure) {
        throw unavailable(reminderOperation("PATCH", organization, taskId) + "/" + reminderId, failure);
    }

    private static String reminderOperation(String method, String organization, long taskId) {
        return method + " /organizations/" + organization + "/review-tasks/" + taskId + "/reminders";
    }

    /** A 409 to a reminder record: the existing record when the problem carries one, else a task no longer open. */
    private ReminderRecording conflict(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonNode existing = body == null || body.isBlank() ? null : json.readTree(body).path("reminder");
            if (existing != null && existing.isObject()) {
                return ReminderRecording.existed(json.treeToValue(existing, Reminder.class));
            }
            return ReminderRecording.taskNotOpen();
        } catch (IOException e) {
            throw new VisionApiException(409, "409 to a reminder record with an unreadable body: " + e.getMessage());
        }
    }

    private static VisionApiUnavailableException unavailable(String operation, Throwable failure) {
        String why = failure instanceof CircuitBreakerOpenException ? "circuit breaker open after repeated failures"
                : failure instanceof TimeoutException ? "timed out"
                : String.valueOf(failure.getMessage());
        return new VisionApiUnavailableException(0, operation + ": vision-api unavailable (" + why + ")", failure);
    }

    private interface Call<T> {
        T run();
    }

    /** Runs one attempt and turns whatever the REST client throws into a VisionApiException. */
    private <T> T call(String operation, Call<T> attempt) {
        try {
            T result = attempt.run();
            lastSuccessfulCall.set(clock.instant());
            return result;
        } catch (WebApplicationException e) {
            throw answered(operation, e.getResponse());
        } catch (VisionApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // No answer: refused or reset connection, read timeout, unreadable body, interrupted.
            throw new VisionApiUnavailableException(0, operation + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private VisionApiException answered(String operation, Response response) {
        int status = response.getStatus();
        String message = operation + " answered " + status + problemDetail(response);
        boolean unavailable = status >= 500 || status == 429 || status == 408;
        if (status == 401 || status == 403) {
            LOG.errorf("%s: check WAAROM_API_KEY, the scheduler needs a key with the platform role 'service'", message);
        }
        return unavailable ? new VisionApiUnavailableException(status, message, null) : new VisionApiException(status, message);
    }

    /** The problem's title and detail, shortened, for logs; never more than the API chose to say. */
    private String problemDetail(Response response) {
        try {
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "";
            }
            JsonNode problem = json.readTree(body);
            String text = (problem.path("title").asText("") + " " + problem.path("detail").asText("")).trim();
            return text.isEmpty() ? "" : ": " + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text);
        } catch (Exception e) {
            return "";
        }
    }

    private String authorization() {
        Optional<String> key = config.api().key().filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            if (!warnedAboutMissingKey) {
                warnedAboutMissingKey = true;
                LOG.error("WAAROM_API_KEY is not set: the vision-api will refuse every request of the scheduler");
            }
            return null;
        }
        return "Bearer " + key.get();
    }
}
