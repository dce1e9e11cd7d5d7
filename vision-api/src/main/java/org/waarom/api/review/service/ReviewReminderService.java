package org.waarom.api.review.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.review.ReviewReminder;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.rest.RecordReminderRequest;
import org.waarom.api.review.rest.ReminderRecipient;
import org.waarom.api.review.rest.ReviewLinkView;
import org.waarom.api.review.rest.ReviewReminderView;
import org.waarom.api.review.rest.UpdateReminderRequest;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reminder records of review tasks (issue 6): the review-scheduler records a reminder before it
 * sends it and its outcome after. One record per task, kind and channel: a second answers 409 with
 * the existing record, also when two scheduler replicas race (the unique key decides, not a
 * read-then-write), so no reminder is sent twice.
 */
@ApplicationScoped
public class ReviewReminderService {

    /** At most this many characters of a failure's error are kept. */
    static final int MAX_ERROR_LENGTH = 2000;

    private final OrganizationService organizations;
    private final EventService events;
    private final CurrentActor actor;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ReviewLinkService links;
    private final Clock clock;

    ReviewReminderService(OrganizationService organizations, EventService events, CurrentActor actor, EntityManager entityManager,
                          ObjectMapper json, ReviewLinkService links, Clock clock) {
        this.links = links;
        this.organizations = organizations;
        this.events = events;
        this.actor = actor;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** Records a reminder as PENDING; 409 (with the existing record) when the task has one of this kind and channel. */
    @Transactional
    public ReviewReminderView record(String org, long taskId, RecordReminderRequest request) {
        Organization organization = organizations.require(org);
        List<ReminderRecipient> recipients = request.recipients() == null ? List.of()
                : request.recipients().stream().map(ReviewReminderService::normalized).toList();
        if (request.channel() == ReviewReminder.Channel.EMAIL && recipients.isEmpty()) {
            throw new InvalidRequestException("recipients", "must name at least one recipient for an EMAIL reminder");
        }
        // A shared lock: records of the task's reminders go ahead side by side, while completing or cancelling
        // the task (which locks it for update) waits, so no reminder is recorded for a task closed meanwhile.
        ReviewTask task = ReviewTask.<ReviewTask>find("id = ?1 and organization = ?2", taskId, organization)
                .withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional()
                .orElseThrow(() -> ReviewTaskViews.taskNotFound(taskId));
        if (task.status != ReviewTask.Status.OPEN) {
            throw new ConflictException("Review task " + taskId + " is " + task.status + "; reminders are only recorded for open tasks");
        }
        Instant now = Instant.now(clock);
        // The insert decides: of concurrent records of one kind and channel exactly one inserts; the others read the winner's.
        // It takes the recipients as JSON text, written by the mapper that Hibernate reads them with (StoredJson).
        List<?> inserted = entityManager.createNativeQuery("""
                        insert into review_reminder (task_id, kind, channel, recipients, status, attempts, recorded_by, recorded_at, updated_at)
                        values (:task, :kind, :channel, cast(:recipients as jsonb), 'PENDING', 0, :by, :now, :now)
                        on conflict (task_id, kind, channel) do nothing
                        returning id""")
                .setParameter("task", task.id)
                .setParameter("kind", request.kind().name())
                .setParameter("channel", request.channel().name())
                .setParameter("recipients", json.valueToTree(recipients).toString())
                .setParameter("by", actor.name())
                .setParameter("now", now)
                .getResultList();
        if (inserted.isEmpty()) {
            ReviewReminder existing = ReviewReminder.<ReviewReminder>find("task = ?1 and kind = ?2 and channel = ?3",
                    task, request.kind(), request.channel()).singleResult();
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("reminder", view(existing));
            throw new ConflictException("Review task " + taskId + " already has a " + request.kind() + " reminder by " + request.channel()
                    + " (reminder " + existing.id + ", " + existing.status + ")", members);
        }
        ReviewReminder recorded = ReviewReminder.findById(((Number) inserted.get(0)).longValue());
        // Made with the record, in its transaction: a second record of the same reminder is a 409 and makes none.
        return view(recorded).withLinks(linksFor(recorded, recipients));
    }

    /**
     * New links for a reminder that was recorded but not sent (PENDING or FAILED), for the attempt that sends it again:
     * its earlier links are revoked, so that the reminder has one valid link per recipient. 409 once it was sent, or
     * when the task is no longer open.
     */
    @Transactional
    public ReviewReminderView replaceLinks(String org, long taskId, long reminderId) {
        ReviewTask task = ReviewTaskViews.require(organizations.require(org), taskId);
        ReviewReminder reminder = ReviewReminder.<ReviewReminder>find("id = ?1 and task = ?2", reminderId, task)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> reminderNotFound(taskId, reminderId));
        if (task.status != ReviewTask.Status.OPEN) {
            throw new ConflictException("Review task " + taskId + " is " + task.status + "; its links no longer work");
        }
        if (reminder.status == ReviewReminder.Status.SENT) {
            throw new ConflictException("Reminder " + reminderId + " of review task " + taskId + " was sent at " + reminder.sentAt
                    + "; its links went out with it and are not made again");
        }
        return view(reminder).withLinks(linksFor(reminder, reminder.recipients));
    }

    /**
     * Personal links go by e-mail only, one message per recipient. An incoming webhook posts to a channel that others read
     * too, so its message carries none (docs/review-page.md#the-link).
     */
    private List<ReviewLinkView> linksFor(ReviewReminder reminder, List<ReminderRecipient> recipients) {
        return reminder.channel == ReviewReminder.Channel.EMAIL ? links.issue(reminder, recipients) : List.of();
    }

    /** The outcome of a sending attempt: PENDING or FAILED becomes SENT or FAILED; a SENT reminder never changes (409). */
    @Transactional
    public ReviewReminderView update(String org, long taskId, long reminderId, UpdateReminderRequest request) {
        String error = request.error() == null ? null : storable(request.error());
        if (request.status() == UpdateReminderRequest.Outcome.FAILED && (error == null || error.isBlank())) {
            throw new InvalidRequestException("error", "is required for FAILED: what went wrong");
        }
        if (request.status() == UpdateReminderRequest.Outcome.SENT && request.error() != null) {
            throw new InvalidRequestException("error", "is only for FAILED");
        }
        ReviewTask task = ReviewTaskViews.require(organizations.require(org), taskId);
        // Locked for update: of two outcomes reported at once the second sees the first (a SENT reminder stays SENT).
        ReviewReminder reminder = ReviewReminder.<ReviewReminder>find("id = ?1 and task = ?2", reminderId, task)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> reminderNotFound(taskId, reminderId));
        if (reminder.status == ReviewReminder.Status.SENT) {
            throw new ConflictException("Reminder " + reminderId + " of review task " + taskId + " was sent at " + reminder.sentAt
                    + "; a sent reminder does not change");
        }
        Instant now = Instant.now(clock);
        reminder.updatedAt = now;
        if (request.status() == UpdateReminderRequest.Outcome.SENT) {
            reminder.status = ReviewReminder.Status.SENT;
            reminder.sentAt = now;
            events.record(task.organization, EventType.REVIEW_TASK_REMINDED,
                    new SentReminder(task.id, task.element.path(), reminder.kind, reminder.channel, reminder.recipients.size()));
        } else {
            reminder.status = ReviewReminder.Status.FAILED;
            reminder.attempts++;
            reminder.lastError = error;
        }
        return view(reminder);
    }

    /** The task's reminders, in the order they were recorded. */
    @Transactional
    public Page<ReviewReminderView> reminders(String org, long taskId, PageRequest page) {
        ReviewTask task = ReviewTaskViews.require(organizations.require(org), taskId);
        var found = ReviewReminder.<ReviewReminder>find("task", Sort.by("recordedAt").and("id"), task);
        return Page.of(found.page(page.page(), page.size()).list().stream().map(this::view).toList(), page, found.count());
    }

    @Transactional
    public ReviewReminderView reminder(String org, long taskId, long reminderId) {
        ReviewTask task = ReviewTaskViews.require(organizations.require(org), taskId);
        return ReviewReminder.<ReviewReminder>find("id = ?1 and task = ?2", reminderId, task).firstResultOptional().map(this::view)
                .orElseThrow(() -> reminderNotFound(taskId, reminderId));
    }

    /** The reminders of these tasks by task id, each list in recorded order: one query for a whole page of tasks. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Long, List<ReviewReminderView>> remindersOf(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        List<ReviewReminder> found = ReviewReminder.list("task.id in ?1", Sort.by("recordedAt").and("id"), Set.copyOf(taskIds));
        return found.stream().collect(Collectors.groupingBy(reminder -> reminder.task.id, LinkedHashMap::new,
                Collectors.mapping(this::view, Collectors.toList())));
    }

    private ReviewReminderView view(ReviewReminder reminder) {
        return new ReviewReminderView(reminder.id, reminder.kind, reminder.channel, reminder.recipients, reminder.status,
                reminder.attempts, reminder.lastError, reminder.recordedBy, reminder.recordedAt, reminder.sentAt, null);
    }

    private static NotFoundException reminderNotFound(long taskId, long reminderId) {
        return new NotFoundException("Review task " + taskId + " has no reminder " + reminderId);
    }

    /** A blank name is no name: the e-mail alone addresses the person. */
    private static ReminderRecipient normalized(ReminderRecipient recipient) {
        String name = recipient.name() == null || recipient.name().isBlank() ? null : recipient.name().strip();
        return new ReminderRecipient(name, recipient.email().strip());
    }

    /**
     * An error as it can be kept: cut to {@value #MAX_ERROR_LENGTH} characters, never inside a surrogate pair, so
     * that recording a failure cannot itself fail on what the failure said. (It arrives without NUL characters and
     * unpaired surrogates, which an SMTP or HTTP error quoting raw bytes may have had: see {@code UnicodeText.Cleaned}.)
     */
    static String storable(String text) {
        if (text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_ERROR_LENGTH - 1)) ? MAX_ERROR_LENGTH - 1 : MAX_ERROR_LENGTH;
        return text.substring(0, end);
    }
}
