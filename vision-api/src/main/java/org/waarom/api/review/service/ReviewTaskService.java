package org.waarom.api.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.rest.CompleteReviewTaskRequest;
import org.waarom.api.review.rest.CreateReviewTaskRequest;
import org.waarom.api.review.rest.ReviewTaskView;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes to review tasks (docs/api-guide.md#reviews-policies-and-tasks): creating one, completing, cancelling, and completing
 * an element's open tasks when a version is adopted. A task's {@code sourceKey} names its cause and is unique per
 * organisation: creating a task for a cause that has one answers the existing task, also when two requests race (the
 * database decides, not a read-then-write). An element has one open review per kind of cause ({@link TaskCause}).
 */
@ApplicationScoped
public class ReviewTaskService {

    /** A created task, and whether it is new (201) or the one that existed for its sourceKey (200). */
    public record CreatedTask(ReviewTaskView task, boolean created) {
    }

    private final OrganizationService organizations;
    private final ReviewTaskViews views;
    private final EventService events;
    private final CurrentActor actor;
    private final EntityManager entityManager;
    private final Clock clock;

    ReviewTaskService(OrganizationService organizations, ReviewTaskViews views, EventService events, CurrentActor actor,
                      EntityManager entityManager, Clock clock) {
        this.organizations = organizations;
        this.views = views;
        this.events = events;
        this.actor = actor;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public CreatedTask createTask(String org, CreateReviewTaskRequest request) {
        Organization organization = organizations.require(org);
        ElementType type = ElementType.fromPath(request.element()).orElseThrow(() ->
                new InvalidRequestException("element", "must be one of " + ElementType.allPaths()));
        if (!ReviewDates.inRange(request.dueDate())) {
            throw new InvalidRequestException("dueDate", ReviewDates.OUT_OF_RANGE);
        }
        String sourceKey = request.sourceKey() != null ? request.sourceKey()
                : "manual:" + UUID.randomUUID();
        lockReviewsOf(organization, type);
        Optional<ReviewTask> existing = ReviewTask.find("organization = ?1 and sourceKey = ?2", organization, sourceKey).firstResultOptional();
        if (existing.isPresent()) {
            return new CreatedTask(views.view(existing.get()), false);
        }
        refuseSupersededCause(organization, type, request);
        // The insert decides: a concurrent request with the same key inserts nothing and reads the winner's task.
        List<?> inserted = entityManager.createNativeQuery("""
                        insert into review_task (organization_id, element, reason, due_date, source_key, goal_id, version_number,
                                                 status, note, created_by, created_at)
                        values (:organization, :element, :reason, :dueDate, :sourceKey, :goalId, :version, 'OPEN', :note, :by, :now)
                        on conflict (organization_id, source_key) do nothing
                        returning id""")
                .setParameter("organization", organization.id)
                .setParameter("element", type.name())
                .setParameter("reason", request.reason().name())
                .setParameter("dueDate", request.dueDate())
                .setParameter("sourceKey", sourceKey)
                .setParameter("goalId", request.goalId())
                .setParameter("version", request.version())
                .setParameter("note", request.note())
                .setParameter("by", actor.name())
                .setParameter("now", Instant.now(clock))
                .getResultList();
        ReviewTask task = ReviewTask.<ReviewTask>find("organization = ?1 and sourceKey = ?2", organization, sourceKey).singleResult();
        if (inserted.isEmpty()) {
            return new CreatedTask(views.view(task), false);
        }
        events.record(organization, EventType.REVIEW_TASK_CREATED, views.view(task));
        cancelSupersededBy(task);
        return new CreatedTask(views.view(task), true);
    }

    /**
     * Serialises the creation of an element's review tasks (one organisation, one element type), so that the
     * rule "one open review per kind of cause" holds also when two requests race. PostgreSQL's advisory lock is
     * held until the transaction ends; elements without a row yet have nothing else to lock.
     */
    private void lockReviewsOf(Organization organization, ElementType type) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "review-task:" + organization.id + ":" + type.name())
                .getSingleResult();
    }

    /**
     * Refuses (409) a cause that is superseded already, so that an imported, back-dated history does not ask for a
     * review per step: a strategy review for a vision version that a later adopted version replaced (only the vision
     * that is, or will be, in effect asks for one), and a cause older than the one an open review of the same kind
     * already answers.
     */
    private void refuseSupersededCause(Organization organization, ElementType type, CreateReviewTaskRequest request) {
        if (request.reason() == ReviewTask.Reason.VISION_CHANGED && request.version() != null) {
            Integer latest = ElementVersion.lastAdoptedNumber(organization, ElementType.VISION);
            if (latest != null && request.version() < latest) {
                throw new ConflictException("Version " + request.version() + " of the vision was superseded by version " + latest
                        + ": only the adoption of the vision that is (or will be) in effect asks for a review");
            }
        }
        TaskCause cause = new TaskCause(request.reason(), request.goalId(), request.version(), request.dueDate());
        for (ReviewTask open : openTasksOfTheSameKind(organization, type, cause)) {
            if (TaskCause.of(open).isNewerThan(cause)) {
                throw new ConflictException("Review task " + open.id + " (" + open.sourceKey + ") is open for a newer cause of the same kind;"
                        + " the " + type.path() + " has one open review per kind of cause");
            }
        }
    }

    /** The open tasks of the element whose cause is of the same kind as the new one's, older ones, that it replaces: cancelled, with why. */
    private void cancelSupersededBy(ReviewTask task) {
        TaskCause cause = TaskCause.of(task);
        for (ReviewTask open : openTasksOfTheSameKind(task.organization, task.element, cause)) {
            if (!open.id.equals(task.id)) {
                close(open, ReviewTask.Status.CANCELLED, null, null, "Superseded by review task " + task.id + " (" + task.sourceKey + "): "
                        + cause.describe());
            }
        }
    }

    private static List<ReviewTask> openTasksOfTheSameKind(Organization organization, ElementType type, TaskCause cause) {
        if (!cause.replaceable()) {
            return List.of();
        }
        return ReviewTask.<ReviewTask>list("organization = ?1 and element = ?2 and status = ?3 and reason = ?4",
                organization, type, ReviewTask.Status.OPEN, cause.reason()).stream().filter(open -> TaskCause.of(open).sameKindAs(cause)).toList();
    }

    /** CONFIRMED (no change needed), or REVISED naming a version adopted since the task was created. */
    @Transactional
    public ReviewTaskView complete(String org, long id, CompleteReviewTaskRequest request) {
        Organization organization = organizations.require(org);
        ReviewTask task = requireOpen(organization, id);
        if (request.outcome() == ReviewTask.Outcome.REVISED) {
            if (request.version() == null) {
                throw new InvalidRequestException("version", "is required for REVISED: the version adopted in this review");
            }
            Optional<ElementVersion> version = ElementVersion.numbered(organization, task.element, request.version());
            boolean adoptedSince = version.filter(found -> found.status == VersionStatus.ADOPTED || found.status == VersionStatus.SUPERSEDED)
                    .filter(found -> found.adoptedAt != null && !found.adoptedAt.isBefore(task.createdAt)).isPresent();
            if (!adoptedSince) {
                throw new InvalidRequestException("version", "must name a version of the " + task.element.path()
                        + " adopted since the task was created");
            }
        } else if (request.version() != null) {
            throw new InvalidRequestException("version", "is only for REVISED");
        }
        close(task, ReviewTask.Status.DONE, request.outcome(), request.version(), request.note());
        return views.view(task);
    }

    @Transactional
    public ReviewTaskView cancel(String org, long id, String note) {
        ReviewTask task = requireOpen(organizations.require(org), id);
        close(task, ReviewTask.Status.CANCELLED, null, null, note);
        return views.view(task);
    }

    /** Adopting a version answers the element's open reviews: they are completed as REVISED, in the adoption's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeByAdoption(Organization organization, ElementType type, int version) {
        List<ReviewTask> open = ReviewTask.list("organization = ?1 and element = ?2 and status = ?3",
                organization, type, ReviewTask.Status.OPEN);
        for (ReviewTask task : open) {
            close(task, ReviewTask.Status.DONE, ReviewTask.Outcome.REVISED, version, "Completed by the adoption of version " + version);
        }
    }

    private void close(ReviewTask task, ReviewTask.Status status, ReviewTask.Outcome outcome, Integer version, String note) {
        task.status = status;
        task.outcome = outcome;
        task.outcomeVersion = version;
        if (note != null) {
            task.note = note;
        }
        task.closedBy = actor.name();
        task.closedAt = Instant.now(clock);
        ReviewTask.flush();
        events.record(task.organization, status == ReviewTask.Status.DONE ? EventType.REVIEW_TASK_COMPLETED : EventType.REVIEW_TASK_CANCELLED,
                views.view(task));
    }

    /** The organisation's task {@code id}, locked for update and read afresh; 409 unless it is open. */
    private static ReviewTask requireOpen(Organization organization, long id) {
        ReviewTask task = ReviewTaskViews.require(organization, id);
        ReviewTask.getEntityManager().lock(task, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ReviewTask.getEntityManager().refresh(task);
        if (task.status != ReviewTask.Status.OPEN) {
            throw new ConflictException("Review task " + id + " is " + task.status + "; only an open task can be completed or cancelled");
        }
        return task;
    }
}
