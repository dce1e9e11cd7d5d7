package org.waarom.api.goal.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.goal.Goal;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.Indicator;
import org.waarom.api.goal.ReachedCause;
import org.waarom.api.goal.rest.CreateGoalRequest;
import org.waarom.api.goal.rest.GoalView;
import org.waarom.api.goal.rest.UpdateGoalRequest;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The life of goals (docs/api-guide.md#goals-and-indicators): create, change, reach by hand, reopen, abandon, and
 * reaching a goal when {@link GoalReaching} says its indicators or operational goals reach it. Reaching is recorded
 * once, with its cause, and written as {@code goal.reached} — the trigger for a review of what the goal serves.
 * Indicators and measurements are {@link IndicatorService}'s.
 *
 * <p>Changes lock the strategic goal at the top of the tree first, so that two measurements
 * arriving at once cannot both miss (or both record) the moment a goal is reached.
 */
@ApplicationScoped
public class GoalService {

    private final OrganizationService organizations;
    private final GoalMapper mapper;
    private final EventService events;
    private final CurrentActor actor;
    private final Clock clock;

    GoalService(OrganizationService organizations, GoalMapper mapper, EventService events, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.mapper = mapper;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    @Transactional
    public Tagged<GoalView> create(String org, CreateGoalRequest request) {
        Organization organization = organizations.require(org);
        List<String> serves = request.serves() == null ? List.of() : request.serves();
        List<FieldError> errors = new ArrayList<>();
        Goal parent = null;
        if (request.kind() == GoalKind.OPERATIONAL) {
            if (request.parentId() == null) {
                errors.add(new FieldError("parentId", "is required for an operational goal: the strategic goal it realises"));
            } else {
                parent = Goal.findIn(organization, request.parentId()).orElse(null);
                if (parent == null) {
                    errors.add(new FieldError("parentId", "names goal " + request.parentId() + ", which this organisation does not have"));
                } else if (parent.kind != GoalKind.STRATEGIC) {
                    errors.add(new FieldError("parentId", "must name a strategic goal; goal " + parent.id + " is operational"));
                }
            }
            if (!serves.isEmpty()) {
                errors.add(new FieldError("serves", "is for strategic goals; an operational goal serves what its strategic goal serves"));
            }
        } else {
            if (request.parentId() != null) {
                errors.add(new FieldError("parentId", "is only for operational goals"));
            }
            errors.addAll(servesErrors(serves, true));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The goal is not valid", errors);
        }
        if (parent != null) {
            lock(parent);
        }
        Instant now = Instant.now(clock);
        Goal goal = new Goal();
        goal.organization = organization;
        goal.kind = request.kind();
        goal.parent = parent;
        goal.title = request.title().strip();
        goal.description = request.description();
        goal.owner = request.owner();
        goal.targetDate = request.targetDate();
        goal.serves = String.join(",", serves.stream().distinct().toList());
        goal.status = GoalStatus.OPEN;
        goal.createdBy = actor.name();
        goal.createdAt = now;
        goal.updatedAt = now;
        goal.persist();
        Goal.flush();
        record(goal, EventType.GOAL_CREATED);
        return mapper.tagged(goal);
    }

    @Transactional
    public Page<GoalView> list(String org, GoalStatus status, GoalKind kind, ElementType serves, PageRequest page) {
        Organization organization = organizations.require(org);
        StringBuilder query = new StringBuilder("organization = :organization");
        Parameters parameters = Parameters.with("organization", organization);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        if (serves != null) {
            // Operational goals serve what their strategic goal serves.
            // (A subquery, not parent.serves: that path would inner-join away the strategic goals.)
            query.append(" and ((parent is null and concat(',', serves, ',') like :serves)"
                    + " or parent.id in (select s.id from Goal s where concat(',', s.serves, ',') like :serves))");
            parameters.and("serves", "%," + serves.path() + ",%");
        }
        var found = Goal.<Goal>find(query.toString(), Sort.by("id"), parameters);
        List<GoalView> items = found.page(page.page(), page.size()).list().stream().map(mapper::view).toList();
        return Page.of(items, page, found.count());
    }

    /** The open goals of an organisation, and when anything about its goals last changed (null when it has none). */
    public record ActiveGoals(List<GoalView> goals, Instant lastChanged) {
    }

    /**
     * The organisation's open goals (neither reached nor abandoned) by id, with their indicators and progress
     * as {@link #get} reads them. {@code lastChanged} covers all its goals, also those no longer open (one
     * that was just reached has left the list, and that is a change), their indicators, targets and measurements.
     */
    @Transactional
    public ActiveGoals active(Organization organization) {
        List<GoalView> open = Goal.<Goal>find("organization = ?1 and status = ?2", Sort.by("id"), organization, GoalStatus.OPEN)
                .list().stream().map(mapper::view).toList();
        Instant lastChanged = Stream.of(
                        latest("select max(g.updatedAt) from Goal g where g.organization = ?1", organization),
                        latest("select max(i.createdAt) from Indicator i where i.goal.organization = ?1", organization),
                        latest("select max(t.changedAt) from IndicatorTarget t where t.indicator.goal.organization = ?1", organization),
                        latest("select max(m.recordedAt) from Measurement m where m.indicator.goal.organization = ?1", organization))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new ActiveGoals(open, lastChanged);
    }

    private static Instant latest(String query, Organization organization) {
        return Goal.getEntityManager().createQuery(query, Instant.class).setParameter(1, organization).getSingleResult();
    }

    @Transactional
    public Tagged<GoalView> get(String org, long id) {
        return mapper.tagged(goal(organizations.require(org), id));
    }

    @Transactional
    public Tagged<GoalView> update(String org, long id, String ifMatch, UpdateGoalRequest request) {
        Goal goal = goal(organizations.require(org), id);
        lock(goal);
        EntityTags.requireMatch(ifMatch, GoalMapper.etag(goal));
        if (request.serves() != null) {
            if (goal.kind == GoalKind.OPERATIONAL) {
                throw new InvalidRequestException("serves", "is for strategic goals; an operational goal serves what its strategic goal serves");
            }
            List<FieldError> errors = servesErrors(request.serves(), true);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException("The goal is not valid", errors);
            }
            goal.serves = String.join(",", request.serves().stream().distinct().toList());
        }
        if (request.title() != null) {
            goal.title = request.title().strip();
        }
        if (request.description() != null) {
            goal.description = request.description();
        }
        if (request.owner() != null) {
            goal.owner = request.owner();
        }
        if (request.targetDate() != null) {
            goal.targetDate = request.targetDate();
        }
        goal.updatedAt = Instant.now(clock);
        Goal.flush();
        record(goal, EventType.GOAL_UPDATED);
        return mapper.tagged(goal);
    }

    /** Marks an open goal reached by hand; its strategic goal may follow. */
    @Transactional
    public Tagged<GoalView> reach(String org, long id) {
        Goal goal = goal(organizations.require(org), id);
        lock(goal);
        requireStatus(goal, GoalStatus.OPEN, "reached");
        markReached(goal, ReachedCause.MANUAL);
        reachParentIfComplete(goal);
        return tagged(goal);
    }

    /** Opens a reached or abandoned goal again (an editor's decision); reaching will be recorded anew. */
    @Transactional
    public Tagged<GoalView> reopen(String org, long id) {
        Goal goal = goal(organizations.require(org), id);
        lock(goal);
        if (goal.status == GoalStatus.OPEN) {
            throw new ConflictException("Goal " + id + " is already open");
        }
        goal.status = GoalStatus.OPEN;
        goal.reachedAt = null;
        goal.reachedCause = null;
        goal.updatedAt = Instant.now(clock);
        record(goal, EventType.GOAL_REOPENED);
        return tagged(goal);
    }

    @Transactional
    public Tagged<GoalView> abandon(String org, long id) {
        Goal goal = goal(organizations.require(org), id);
        lock(goal);
        requireStatus(goal, GoalStatus.OPEN, "abandoned");
        goal.status = GoalStatus.ABANDONED;
        goal.updatedAt = Instant.now(clock);
        record(goal, EventType.GOAL_ABANDONED);
        // Its siblings may now be all that count for the strategic goal.
        reachParentIfComplete(goal);
        return tagged(goal);
    }

    /**
     * Reaches an operational goal whose indicators now all meet their targets (one just met its target), and its
     * strategic goal when that completes it. The caller holds the lock of the goal's tree.
     */
    void reachByIndicators(Goal goal) {
        // Asked only of a goal that can be reached this way: no query otherwise.
        if (GoalReaching.reachableByIndicators(goal) && GoalReaching.reachedByIndicators(goal, Indicator.list("goal", goal))) {
            markReached(goal, ReachedCause.INDICATORS);
            reachParentIfComplete(goal);
        }
    }

    /** Reaches the goal's strategic goal when its operational goals say so (GoalReaching.reachedByOperationalGoals). */
    private void reachParentIfComplete(Goal goal) {
        Goal parent = goal.parent;
        if (parent != null && parent.status == GoalStatus.OPEN && GoalReaching.reachedByOperationalGoals(parent, Goal.list("parent", parent))) {
            markReached(parent, ReachedCause.OPERATIONAL_GOALS);
        }
    }

    private void markReached(Goal goal, ReachedCause cause) {
        goal.status = GoalStatus.REACHED;
        goal.reachedAt = Instant.now(clock);
        goal.reachedCause = cause;
        goal.updatedAt = goal.reachedAt;
        events.record(goal.organization, EventType.GOAL_REACHED, GoalChange.of(goal, actor.name(), goal.reachedAt, cause));
    }

    private void record(Goal goal, EventType type) {
        events.record(goal.organization, type, GoalChange.of(goal, actor.name(), null, null));
    }

    private Tagged<GoalView> tagged(Goal goal) {
        Goal.flush();
        return mapper.tagged(goal);
    }

    /** Locks the top of the goal's tree: every change that may reach goals in it is decided one at a time. */
    static void lock(Goal goal) {
        Goal top = goal.parent == null ? goal : goal.parent;
        Goal.getEntityManager().lock(top, LockModeType.PESSIMISTIC_WRITE);
        Goal.getEntityManager().refresh(goal);
    }

    private static void requireStatus(Goal goal, GoalStatus expected, String action) {
        if (goal.status != expected) {
            throw new ConflictException("Goal " + goal.id + " is " + goal.status + "; only an " + expected + " goal can be " + action);
        }
    }

    private static List<FieldError> servesErrors(List<String> serves, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        if (required && serves.isEmpty()) {
            errors.add(new FieldError("serves", "must name what the goal serves: vision and/or strategy"));
        }
        for (int i = 0; i < serves.size(); i++) {
            String value = serves.get(i);
            if (!ElementType.VISION.path().equals(value) && !ElementType.STRATEGY.path().equals(value)) {
                errors.add(new FieldError("serves[" + i + "]", ElementType.fromPath(value).isPresent()
                        ? "must be vision or strategy: goals realise the changeable elements, not the " + value
                        : "names no element: must be vision or strategy"));
            }
        }
        return errors;
    }

    /** The organisation's goal, or 404. */
    static Goal goal(Organization organization, long id) {
        return Goal.findIn(organization, id).orElseThrow(() -> new NotFoundException("There is no goal " + id));
    }
}
