package org.waarom.scheduler.feed;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.waarom.scheduler.api.FeedEvent;
import org.waarom.scheduler.api.FeedPage;
import org.waarom.scheduler.api.NewReviewTask;
import org.waarom.scheduler.api.ReviewPolicy;
import org.waarom.scheduler.api.VisionApi;
import org.waarom.scheduler.api.VisionApiException;
import org.waarom.scheduler.policy.PolicySync;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Follows the vision-api's event feed from the stored cursor and turns events into review tasks:
 * <ul>
 *   <li>{@code goal.reached}: a {@code GOAL_REACHED} task ({@code goal:<goalId>:<element>}) for
 *       each element the goal serves whose policy is enabled and has {@code onGoalReached};</li>
 *   <li>{@code element.version.adopted} of the {@code vision}: a {@code VISION_CHANGED} task for
 *       the {@code strategy} ({@code vision:<version>:strategy}) when its policy is enabled. The API
 *       declines it (409) when a later vision was adopted since, as in an imported history, and
 *       cancels the open strategy review of an older vision when it creates the new one;</li>
 *   <li>{@code review-policy.changed}: a policy sync, soon.</li>
 * </ul>
 * The due date of these tasks is the day the event is handled (UTC) plus the policy's
 * {@code remindBefore}, or plus {@value #DEFAULT_LEAD_DAYS} days when it has none.
 * <p>
 * The cursor moves past a page only after every task of that page exists: a failure, or a crash,
 * leaves the cursor where it was and the page is handled again on the next poll; the
 * {@code sourceKey} of each task makes that repeat harmless. When the API answers 410 (the cursor
 * is older than the events it keeps), the consumer logs an error and starts again from the
 * beginning of the feed: the source keys make the replay harmless too, but events that expired
 * unseen are lost, which the error says.
 */
@ApplicationScoped
public class FeedConsumer {

    /** Events per page (the API's {@code limit}). */
    static final int PAGE_LIMIT = 100;
    /** Pages per run at most, so that one run of a long backlog stays short; the next poll continues. */
    static final int MAX_PAGES_PER_RUN = 20;
    /** Lead time of goal and vision tasks whose policy has no {@code remindBefore}. */
    static final int DEFAULT_LEAD_DAYS = 30;

    /** The API's answer to a task whose cause is superseded already. */
    private static final int CONFLICT = 409;

    static final String VISION = "vision";
    static final String STRATEGY = "strategy";

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);

    @Inject
    VisionApi api;

    @Inject
    FeedCursor cursor;

    @Inject
    PolicySync policySync;

    @Inject
    Clock clock;

    /** Reads and handles pages until the feed is caught up or {@value #MAX_PAGES_PER_RUN} pages are done. */
    public void consume() {
        String after = cursor.read().cursor();
        for (int pages = 0; pages < MAX_PAGES_PER_RUN; pages++) {
            FeedPage page;
            try {
                page = api.events(after, PAGE_LIMIT);
            } catch (VisionApiException e) {
                if (e.isGone()) {
                    LOG.errorf("The vision-api no longer keeps the events after cursor %s (410 Gone): the scheduler was"
                            + " behind for longer than the API's event retention. Starting again from the beginning"
                            + " of the feed; review tasks are not duplicated (source keys), but goal and vision"
                            + " events that expired unseen created no task: check recent goals and adoptions by hand. (%s)",
                            after, e.getMessage());
                    cursor.restartFromTheBeginning(clock.instant());
                    return;
                }
                throw e;
            }
            cursor.markRead(clock.instant());
            for (FeedEvent event : page.items()) {
                handle(event);
            }
            boolean caughtUp = page.items().size() < PAGE_LIMIT;
            String next = page.next() != null ? page.next() : after;
            Instant lastEventAt = page.items().isEmpty() ? null : page.items().get(page.items().size() - 1).occurredAt();
            cursor.advance(next, clock.instant(), lastEventAt, caughtUp);
            if (caughtUp || next == null || next.equals(after)) {
                return;
            }
            after = next;
        }
    }

    /** Handles one event; throws when its tasks could not all be created, so the cursor stays. */
    void handle(FeedEvent event) {
        switch (event.type() == null ? "" : event.type()) {
            case FeedEvent.GOAL_REACHED -> goalReached(event);
            case FeedEvent.ELEMENT_VERSION_ADOPTED -> versionAdopted(event);
            case FeedEvent.REVIEW_POLICY_CHANGED -> policySync.requestSoon();
            default -> {
                // Other events say nothing the scheduler acts on.
            }
        }
    }

    private void goalReached(FeedEvent event) {
        JsonNode data = event.data();
        if (!data.path("goalId").canConvertToLong() || !data.path("serves").isArray() || data.path("serves").isEmpty()) {
            LOG.warnf("Event %d (goal.reached) names no goal or nothing it serves; ignored", event.id());
            return;
        }
        long goalId = data.path("goalId").asLong();
        Optional<List<ReviewPolicy>> policies = policiesOf(event);
        if (policies.isEmpty()) {
            return;
        }
        for (JsonNode served : data.path("serves")) {
            String element = served.asText();
            policies.get().stream()
                    .filter(policy -> element.equals(policy.element()) && policy.enabled() && policy.onGoalReached())
                    .findFirst()
                    .ifPresent(policy -> create(event, NewReviewTask.goalReached(goalId, element, dueDate(policy))));
        }
    }

    private void versionAdopted(FeedEvent event) {
        JsonNode data = event.data();
        if (!VISION.equals(data.path("element").asText())) {
            return;
        }
        if (!data.path("version").canConvertToInt()) {
            LOG.warnf("Event %d (element.version.adopted) names no version; ignored", event.id());
            return;
        }
        int version = data.path("version").asInt();
        policiesOf(event).flatMap(policies -> policies.stream()
                        .filter(policy -> STRATEGY.equals(policy.element()) && policy.enabled())
                        .findFirst())
                .ifPresent(strategy -> create(event, NewReviewTask.strategyAfterVision(version, dueDate(strategy))));
    }

    /** The organisation's policies now; empty when the organisation is gone (404). */
    private Optional<List<ReviewPolicy>> policiesOf(FeedEvent event) {
        try {
            return Optional.of(api.reviewPoliciesOf(event.organization()));
        } catch (VisionApiException e) {
            if (e.isNotFound()) {
                LOG.infof("Event %d: organisation %s no longer exists; no review task", event.id(), event.organization());
                return Optional.empty();
            }
            throw e;
        }
    }

    private void create(FeedEvent event, NewReviewTask task) {
        try {
            api.createReviewTask(event.organization(), task);
        } catch (VisionApiException e) {
            if (e.status() == CONFLICT) {
                // The API keeps one open review per kind of cause and declines a cause already superseded (a vision
                // version that a later adoption replaced, as in an imported history): expected, not an error.
                LOG.infof("Event %d: no review task %s, its cause is superseded: %s", event.id(), task.sourceKey(), e.getMessage());
                return;
            }
            if (e.isPermanent()) {
                // Asking again cannot help (the organisation is gone, the API rejects the task):
                // log it and move on rather than stop the feed for every organisation.
                LOG.errorf("Event %d: review task %s refused by the vision-api, skipped: %s",
                        event.id(), task.sourceKey(), e.getMessage());
                return;
            }
            throw e;
        }
    }

    private LocalDate dueDate(ReviewPolicy policy) {
        Period lead = policy.remindBeforePeriod().orElse(Period.ofDays(DEFAULT_LEAD_DAYS));
        return LocalDate.now(clock).plus(lead);
    }
}
