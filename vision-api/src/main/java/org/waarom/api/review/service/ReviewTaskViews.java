package org.waarom.api.review.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.goal.Goal;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.reference.rest.ReferencesSince;
import org.waarom.api.reference.service.ReferenceService;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.rest.ReviewReminderView;
import org.waarom.api.review.rest.ReviewTaskView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads of review tasks: one task, a filtered page of an organisation's or of every organisation's tasks, an organisation's
 * open tasks; and the views they are read as, with their goals' titles, reminders and the references made since.
 * Changing a task is {@link ReviewTaskService}.
 */
@ApplicationScoped
public class ReviewTaskViews {

    /** Filters of a task list; null means any. */
    public record TaskFilter(ReviewTask.Status status, ElementType element, ReviewTask.Reason reason, LocalDate dueBefore) {
    }

    private final OrganizationService organizations;
    private final ReviewReminderService reminders;
    private final ReferenceService references;
    private final EntityManager entityManager;

    ReviewTaskViews(OrganizationService organizations, ReviewReminderService reminders, ReferenceService references, EntityManager entityManager) {
        this.organizations = organizations;
        this.reminders = reminders;
        this.references = references;
        this.entityManager = entityManager;
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

    /** The organisation's task {@code id}; 404 when it has none. */
    static ReviewTask require(Organization organization, long id) {
        return ReviewTask.<ReviewTask>find("id = ?1 and organization = ?2", id, organization).firstResultOptional()
                .orElseThrow(() -> taskNotFound(id));
    }

    static NotFoundException taskNotFound(long id) {
        return new NotFoundException("There is no review task " + id);
    }

    /** The task as it reads now, in the caller's transaction (see {@link #views}). */
    @Transactional(Transactional.TxType.MANDATORY)
    ReviewTaskView view(ReviewTask task) {
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
}
