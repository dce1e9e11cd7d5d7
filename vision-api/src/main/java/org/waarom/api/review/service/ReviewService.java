package org.waarom.api.review.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.goal.Goal;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.reference.rest.ReferencesSince;
import org.waarom.api.reference.service.ReferenceService;
import org.waarom.api.review.ReviewPolicy;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.rest.CompleteReviewTaskRequest;
import org.waarom.api.review.rest.CreateReviewTaskRequest;
import org.waarom.api.review.rest.PolicyPerson;
import org.waarom.api.review.rest.ReviewPolicyRequest;
import org.waarom.api.review.rest.ReviewPolicyView;
import org.waarom.api.review.rest.ReviewReminderView;
import org.waarom.api.review.rest.ReviewTaskView;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Review policies and review tasks (docs/api-guide.md#reviews-policies-and-tasks). A task's {@code sourceKey} names its
 * cause and is unique per organisation: creating a task for a cause that has one answers the
 * existing task, also when two requests race (the database decides, not a read-then-write).
 */
@ApplicationScoped
public class ReviewService {

    static final Period DEFAULT_REMIND_BEFORE = Period.ofDays(30);
    static final Period DEFAULT_ESCALATE_AFTER = Period.ofDays(14);
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    private static final TypeReference<List<PolicyPerson>> PEOPLE = new TypeReference<>() { };

    /** A created task, and whether it is new (201) or the one that existed for its sourceKey (200). */
    public record CreatedTask(ReviewTaskView task, boolean created) {
    }

    /** Filters of a task list; null means any. */
    public record TaskFilter(ReviewTask.Status status, ElementType element, ReviewTask.Reason reason, LocalDate dueBefore) {
    }

    private final OrganizationService organizations;
    private final ReviewReminderService reminders;
    private final ReferenceService references;
    private final EventService events;
    private final CurrentActor actor;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    ReviewService(OrganizationService organizations, ReviewReminderService reminders, ReferenceService references, EventService events,
                  CurrentActor actor, EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.organizations = organizations;
        this.reminders = reminders;
        this.references = references;
        this.events = events;
        this.actor = actor;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    // --- policies ---

    @Transactional
    public List<ReviewPolicyView> policies(String org) {
        return policiesOf(List.of(organizations.require(org)));
    }

    /** Every organisation's four policies, for the review-scheduler; paginated by organisation. */
    @Transactional
    public Page<ReviewPolicyView> allPolicies(PageRequest page) {
        List<Organization> found = Organization.<Organization>findAll(Sort.by("id")).page(page.page(), page.size()).list();
        return new Page<>(policiesOf(found), page.page(), page.size(), Organization.count() * ElementType.values().length);
    }

    /**
     * The four policies of each organisation, stored or default, with three queries whatever the
     * number of organisations (the scheduler reads tens of thousands of them at a time).
     */
    private List<ReviewPolicyView> policiesOf(List<Organization> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, ReviewPolicy> stored = new HashMap<>();
        ReviewPolicy.<ReviewPolicy>list("organization in ?1", found)
                .forEach(policy -> stored.put(policy.organization.id + "/" + policy.element, policy));
        Map<String, LocalDate> firstAdoptions = new HashMap<>();
        ElementVersion.firstEffectiveFrom(found).forEach((organizationId, types) -> types.forEach((type, first) ->
                firstAdoptions.put(organizationId + "/" + type, first.atZone(ZoneOffset.UTC).toLocalDate())));
        List<ReviewPolicyView> views = new ArrayList<>();
        for (Organization organization : found) {
            for (ElementType type : ElementType.values()) {
                String key = organization.id + "/" + type;
                views.add(view(organization, type, Optional.ofNullable(stored.get(key)), firstAdoptions.get(key)));
            }
        }
        return views;
    }

    @Transactional
    public ReviewPolicyView putPolicy(String org, ElementType type, ReviewPolicyRequest request) {
        Organization organization = organizations.require(org);
        List<FieldError> errors = new ArrayList<>();
        // A full replacement all the same: a field left out takes the default, not the value it had.
        String remindBeforeText = request.remindBefore() != null ? request.remindBefore().trim() : DEFAULT_REMIND_BEFORE.toString();
        String escalateAfterText = request.escalateAfter() != null ? request.escalateAfter().trim() : DEFAULT_ESCALATE_AFTER.toString();
        List<PolicyPerson> escalateTo = request.escalateTo() != null ? request.escalateTo() : List.of();
        Period cycle = period("cycle", request.cycle(), Period.ofMonths(1), Period.ofYears(10), errors);
        Period remindBefore = period("remindBefore", remindBeforeText, Period.ZERO, Period.ofYears(1), errors);
        period("escalateAfter", escalateAfterText, Period.ofDays(1), Period.ofYears(1), errors);
        if (cycle != null && remindBefore != null && approximateDays(remindBefore) >= approximateDays(cycle)) {
            errors.add(new FieldError("remindBefore", request.remindBefore() != null ? "must be shorter than the cycle"
                    : "must be shorter than the cycle: the default " + DEFAULT_REMIND_BEFORE + " is not; send a shorter one"));
        }
        if (request.anchorDate() != null && (request.anchorDate().isBefore(EARLIEST) || request.anchorDate().isAfter(LATEST))) {
            errors.add(new FieldError("anchorDate", "must lie between " + EARLIEST + " and " + LATEST));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The review policy is not valid", errors);
        }
        ReviewPolicy policy = ReviewPolicy.<ReviewPolicy>find("organization = ?1 and element = ?2", organization, type).firstResultOptional()
                .orElseGet(() -> {
                    ReviewPolicy created = new ReviewPolicy();
                    created.organization = organization;
                    created.element = type;
                    return created;
                });
        policy.enabled = request.enabled();
        policy.cycle = request.cycle().trim();
        policy.anchorDate = request.anchorDate();
        policy.onGoalReached = request.onGoalReached();
        policy.remindBefore = remindBeforeText;
        policy.escalateAfter = escalateAfterText;
        policy.assignees = write(request.assignees());
        policy.escalateTo = write(escalateTo);
        policy.updatedBy = actor.name();
        policy.updatedAt = Instant.now(clock);
        policy.persist();
        ReviewPolicy.flush();
        ReviewPolicyView view = policy(organization, type);
        events.record(organization, EventType.REVIEW_POLICY_CHANGED, view);
        return view;
    }

    private ReviewPolicyView policy(Organization organization, ElementType type) {
        Optional<ReviewPolicy> stored = ReviewPolicy.find("organization = ?1 and element = ?2", organization, type).firstResultOptional();
        return view(organization, type, stored, firstAdoption(organization, type));
    }

    /** A stored policy as it reads, or the element type's defaults; the anchor defaults to {@code firstAdoption}. */
    private ReviewPolicyView view(Organization organization, ElementType type, Optional<ReviewPolicy> stored, LocalDate firstAdoption) {
        if (stored.isPresent()) {
            ReviewPolicy policy = stored.get();
            LocalDate anchor = policy.anchorDate != null ? policy.anchorDate : firstAdoption;
            return new ReviewPolicyView(organization.slug, type.path(), policy.enabled, policy.cycle, anchor, policy.onGoalReached,
                    policy.remindBefore, policy.escalateAfter, read(policy.assignees), read(policy.escalateTo), true,
                    policy.updatedBy, policy.updatedAt);
        }
        return new ReviewPolicyView(organization.slug, type.path(), true, type.defaultCycle().toString(), firstAdoption,
                type.reviewOnGoalReached(), DEFAULT_REMIND_BEFORE.toString(), DEFAULT_ESCALATE_AFTER.toString(), List.of(), List.of(),
                false, null, null);
    }

    /** The default anchor: the day the element's first adopted version took effect (UTC). */
    private LocalDate firstAdoption(Organization organization, ElementType type) {
        Instant first = ElementVersion.firstEffectiveFrom(organization, type);
        return first == null ? null : first.atZone(ZoneOffset.UTC).toLocalDate();
    }

    // --- tasks ---

    @Transactional
    public CreatedTask createTask(String org, CreateReviewTaskRequest request) {
        Organization organization = organizations.require(org);
        ElementType type = ElementType.fromPath(request.element()).orElseThrow(() ->
                new InvalidRequestException("element", "must be one of " + ElementType.allPaths()));
        if (request.dueDate().isBefore(EARLIEST) || request.dueDate().isAfter(LATEST)) {
            throw new InvalidRequestException("dueDate", "must lie between " + EARLIEST + " and " + LATEST);
        }
        String sourceKey = request.sourceKey() != null ? request.sourceKey()
                : "manual:" + UUID.randomUUID();
        lockReviewsOf(organization, type);
        Optional<ReviewTask> existing = ReviewTask.find("organization = ?1 and sourceKey = ?2", organization, sourceKey).firstResultOptional();
        if (existing.isPresent()) {
            return new CreatedTask(view(existing.get()), false);
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
            return new CreatedTask(view(task), false);
        }
        events.record(organization, EventType.REVIEW_TASK_CREATED, view(task));
        cancelSupersededBy(task);
        return new CreatedTask(view(task), true);
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
        Cause cause = Cause.of(request.reason(), request.goalId(), request.version(), request.dueDate());
        for (ReviewTask open : openTasksOfTheSameKind(organization, type, cause)) {
            if (Cause.of(open).isNewerThan(cause)) {
                throw new ConflictException("Review task " + open.id + " (" + open.sourceKey + ") is open for a newer cause of the same kind;"
                        + " the " + type.path() + " has one open review per kind of cause");
            }
        }
    }

    /** The open tasks of the element whose cause is of the same kind as the new one's, older ones, that it replaces: cancelled, with why. */
    private void cancelSupersededBy(ReviewTask task) {
        Cause cause = Cause.of(task);
        for (ReviewTask open : openTasksOfTheSameKind(task.organization, task.element, cause)) {
            if (!open.id.equals(task.id)) {
                close(open, ReviewTask.Status.CANCELLED, null, null, "Superseded by review task " + task.id + " (" + task.sourceKey + "): "
                        + cause.describe());
            }
        }
    }

    private static List<ReviewTask> openTasksOfTheSameKind(Organization organization, ElementType type, Cause cause) {
        if (!cause.replaceable()) {
            return List.of();
        }
        return ReviewTask.<ReviewTask>list("organization = ?1 and element = ?2 and status = ?3 and reason = ?4",
                organization, type, ReviewTask.Status.OPEN, cause.reason()).stream().filter(open -> Cause.of(open).sameKindAs(cause)).toList();
    }

    /**
     * What caused a task, as far as "the same kind of cause" goes. A newer cycle, a newer vision and a goal reached again
     * replace the older cause of their kind, so an element has at most one open review for each; a manual review is its own cause.
     */
    record Cause(ReviewTask.Reason reason, Long goalId, Integer version, LocalDate dueDate) {

        static Cause of(ReviewTask.Reason reason, Long goalId, Integer version, LocalDate dueDate) {
            return new Cause(reason, goalId, version, dueDate);
        }

        static Cause of(ReviewTask task) {
            return new Cause(task.reason, task.goalId, task.versionNumber, task.dueDate);
        }

        boolean replaceable() {
            return reason == ReviewTask.Reason.CYCLE || reason == ReviewTask.Reason.VISION_CHANGED
                    || reason == ReviewTask.Reason.GOAL_REACHED && goalId != null;
        }

        boolean sameKindAs(Cause other) {
            return replaceable() && reason == other.reason && (reason != ReviewTask.Reason.GOAL_REACHED || goalId.equals(other.goalId));
        }

        /** Whether this cause came after {@code other}: a later vision version, a later cycle; otherwise the later request is the newer. */
        boolean isNewerThan(Cause other) {
            return switch (reason) {
                case VISION_CHANGED -> version != null && other.version != null && version > other.version;
                case CYCLE -> dueDate.isAfter(other.dueDate);
                default -> false;
            };
        }

        String describe() {
            return switch (reason) {
                case VISION_CHANGED -> version != null ? "version " + version + " of the vision was adopted" : "a newer vision was adopted";
                case CYCLE -> "the cycle review due " + dueDate + " replaces this one";
                case GOAL_REACHED -> "goal " + goalId + " was reached again";
                case MANUAL -> "asked for again";
            };
        }
    }

    /** An organisation's tasks, by due date. */
    @Transactional
    public Page<ReviewTaskView> tasks(String org, TaskFilter filter, PageRequest page) {
        return taskPage(organizations.require(org), filter, page);
    }

    /** Every organisation's tasks, by due date: what the review-scheduler sends reminders from. */
    @Transactional
    public Page<ReviewTaskView> allTasks(TaskFilter filter, PageRequest page) {
        return taskPage(null, filter, page);
    }

    private Page<ReviewTaskView> taskPage(Organization organization, TaskFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (organization != null) {
            conditions.add("t.organization = :organization");
            parameters.put("organization", organization);
        }
        if (filter.status() != null) {
            conditions.add("t.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.element() != null) {
            conditions.add("t.element = :element");
            parameters.put("element", filter.element());
        }
        if (filter.reason() != null) {
            conditions.add("t.reason = :reason");
            parameters.put("reason", filter.reason());
        }
        if (filter.dueBefore() != null) {
            conditions.add("t.dueDate < :dueBefore");
            parameters.put("dueBefore", filter.dueBefore());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        // The organisation is fetched with its tasks: a page of every organisation's tasks names each one's slug.
        TypedQuery<ReviewTask> found = entityManager.createQuery("select t from ReviewTask t join fetch t.organization" + where
                + " order by t.dueDate, t.id", ReviewTask.class);
        TypedQuery<Long> count = entityManager.createQuery("select count(t) from ReviewTask t" + where, Long.class);
        parameters.forEach((name, value) -> {
            found.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ReviewTask> items = found.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(views(items), page, count.getSingleResult());
    }

    /** The organisation's open tasks, by due date then id: all of them, for the calendar feed. */
    @Transactional
    public List<ReviewTaskView> openTasks(String org) {
        Organization organization = organizations.require(org);
        return views(ReviewTask.<ReviewTask>find("organization = ?1 and status = ?2", Sort.by("dueDate").and("id"), organization, ReviewTask.Status.OPEN)
                .list());
    }

    @Transactional
    public ReviewTaskView task(String org, long id) {
        return view(require(organizations.require(org), id));
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
        return view(task);
    }

    @Transactional
    public ReviewTaskView cancel(String org, long id, String note) {
        ReviewTask task = requireOpen(organizations.require(org), id);
        close(task, ReviewTask.Status.CANCELLED, null, null, note);
        return view(task);
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
        events.record(task.organization, status == ReviewTask.Status.DONE ? EventType.REVIEW_TASK_COMPLETED : EventType.REVIEW_TASK_CANCELLED, view(task));
    }

    private static ReviewTask requireOpen(Organization organization, long id) {
        ReviewTask task = require(organization, id);
        ReviewTask.getEntityManager().lock(task, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ReviewTask.getEntityManager().refresh(task);
        if (task.status != ReviewTask.Status.OPEN) {
            throw new ConflictException("Review task " + id + " is " + task.status + "; only an open task can be completed or cancelled");
        }
        return task;
    }

    static ReviewTask require(Organization organization, long id) {
        return ReviewTask.<ReviewTask>find("id = ?1 and organization = ?2", id, organization).firstResultOptional()
                .orElseThrow(() -> taskNotFound(id));
    }

    static NotFoundException taskNotFound(long id) {
        return new NotFoundException("There is no review task " + id);
    }

    private ReviewTaskView view(ReviewTask task) {
        return views(List.of(task)).get(0);
    }

    /**
     * Views of these tasks with their goals' titles, their reminders and — for open tasks, which feed the next
     * review — the references made since their element's last adoption: one query for each, however many tasks.
     */
    private List<ReviewTaskView> views(List<ReviewTask> tasks) {
        Set<Long> taskIds = tasks.stream().map(task -> task.id).collect(Collectors.toSet());
        Map<String, ReferencesSince> referencesSince = references.sinceLastAdoption(tasks.stream()
                .filter(task -> task.status == ReviewTask.Status.OPEN).map(task -> task.organization).distinct().toList());
        Set<Long> goalIds = tasks.stream().map(task -> task.goalId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, List<ReviewReminderView>> remindersByTask = reminders.remindersOf(taskIds);
        // A goal id is what the task's creator sent; only a goal of the task's own organisation lends its title.
        Map<Long, Goal> goals = goalIds.isEmpty() ? Map.of()
                : Goal.<Goal>list("id in ?1", goalIds).stream().collect(Collectors.toMap(goal -> goal.id, goal -> goal));
        return tasks.stream().map(task -> {
            Goal goal = task.goalId == null ? null : goals.get(task.goalId);
            String goalTitle = goal != null && goal.organization.id.equals(task.organization.id) ? goal.title : null;
            ReferencesSince since = task.status != ReviewTask.Status.OPEN ? null
                    : referencesSince.getOrDefault(task.organization.id + "/" + task.element.name(),
                    ReferenceService.noneSince(task.organization.slug, task.element));
            return new ReviewTaskView(task.id, task.organization.slug, task.element.path(), task.reason, task.dueDate, task.sourceKey,
                    task.goalId, goalTitle, task.versionNumber, task.status, task.outcome, task.outcomeVersion, task.note,
                    task.createdBy, task.createdAt, task.closedBy, task.closedAt, remindersByTask.getOrDefault(task.id, List.of()), since);
        }).toList();
    }

    private static Period period(String field, String value, Period minimum, Period maximum, List<FieldError> errors) {
        Period period;
        try {
            period = Period.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 period such as P1Y, P6M or P30D"));
            return null;
        }
        if (period.isNegative() || approximateDays(period) < approximateDays(minimum) || approximateDays(period) > approximateDays(maximum)) {
            errors.add(new FieldError(field, "must lie between " + minimum + " and " + maximum));
            return null;
        }
        return period;
    }

    /** Periods mix years, months and days; for limits an approximation in days is enough. */
    private static long approximateDays(Period period) {
        return period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
    }

    private String write(List<PolicyPerson> people) {
        try {
            return json.writeValueAsString(people);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("People could not be written as JSON", e);
        }
    }

    private List<PolicyPerson> read(String people) {
        try {
            return json.readValue(people, PEOPLE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored people are not readable", e);
        }
    }
}
