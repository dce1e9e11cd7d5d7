package org.waarom.api.goal.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.ConflictException;
import org.waarom.api.common.EntityTags;
import org.waarom.api.common.FieldError;
import org.waarom.api.common.InvalidRequestException;
import org.waarom.api.common.NotFoundException;
import org.waarom.api.common.Page;
import org.waarom.api.common.PageRequest;
import org.waarom.api.common.Tagged;
import org.waarom.api.element.ElementType;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.goal.Goal;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.Indicator;
import org.waarom.api.goal.IndicatorTarget;
import org.waarom.api.goal.Measurement;
import org.waarom.api.goal.ReachedCause;
import org.waarom.api.goal.rest.CreateGoalRequest;
import org.waarom.api.goal.rest.CreateIndicatorRequest;
import org.waarom.api.goal.rest.GoalView;
import org.waarom.api.goal.rest.IndicatorView;
import org.waarom.api.goal.rest.MeasurementRequest;
import org.waarom.api.goal.rest.ReviseTargetRequest;
import org.waarom.api.goal.rest.UpdateGoalRequest;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Goals, indicators and measurements (docs/api-guide.md#goals-and-indicators), and the rules that reach goals: an
 * operational goal when all its indicators meet their targets, a strategic goal when all its
 * (not abandoned) operational goals are reached. Reaching is recorded once, with its cause, and
 * written as {@code goal.reached} — the trigger for a review of what the goal serves.
 *
 * <p>Changes lock the strategic goal at the top of the tree first, so that two measurements
 * arriving at once cannot both miss (or both record) the moment a goal is reached.
 */
@ApplicationScoped
public class GoalService {

    /** Largest magnitude of a baseline, target or value: beyond it a number is a mistake, not a measurement. */
    static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    static final int MAX_SCALE = 6;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

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
                parent = Goal.<Goal>find("id = ?1 and organization = ?2", request.parentId(), organization).firstResultOptional().orElse(null);
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

    @Transactional
    public IndicatorView addIndicator(String org, long goalId, CreateIndicatorRequest request) {
        Goal goal = goal(organizations.require(org), goalId);
        lock(goal);
        List<FieldError> errors = new ArrayList<>();
        checkNumber("baseline", request.baseline(), errors);
        checkNumber("target", request.target(), errors);
        if (errors.isEmpty()) {
            checkDirection(request.direction(), request.baseline(), request.target(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The indicator is not valid", errors);
        }
        Indicator indicator = new Indicator();
        indicator.goal = goal;
        indicator.name = request.name().strip();
        indicator.unit = request.unit();
        indicator.baseline = request.baseline();
        indicator.target = request.target();
        indicator.direction = request.direction();
        indicator.createdAt = Instant.now(clock);
        indicator.persist();
        keepTarget(indicator, "initial target");
        Indicator.flush();
        recordIndicator(indicator, EventType.INDICATOR_CREATED, null, null, null);
        return mapper.view(indicator);
    }

    /** A new target; the old one stays in the history. The target may now be met (or no longer). */
    @Transactional
    public IndicatorView reviseTarget(String org, long indicatorId, ReviseTargetRequest request) {
        Indicator indicator = indicator(organizations.require(org), indicatorId);
        lock(indicator.goal);
        List<FieldError> errors = new ArrayList<>();
        checkNumber("target", request.target(), errors);
        if (errors.isEmpty()) {
            checkDirection(indicator.direction, indicator.baseline, request.target(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The target is not valid", errors);
        }
        indicator.target = request.target();
        keepTarget(indicator, request.reason());
        recordIndicator(indicator, EventType.INDICATOR_TARGET_REVISED, request.reason(), null, null);
        evaluate(indicator, latest(indicator));
        return mapper.view(indicator);
    }

    /** Records a measurement and applies the reaching rules. */
    @Transactional
    public IndicatorView measure(String org, long indicatorId, MeasurementRequest request) {
        Indicator indicator = indicator(organizations.require(org), indicatorId);
        lock(indicator.goal);
        List<FieldError> errors = new ArrayList<>();
        checkNumber("value", request.value(), errors);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // A day of slack: a measurement taken today in New Zealand is tomorrow in UTC.
        if (request.measuredAt().isAfter(today.plusDays(1))) {
            errors.add(new FieldError("measuredAt", "must not be in the future"));
        } else if (request.measuredAt().isBefore(EARLIEST)) {
            errors.add(new FieldError("measuredAt", "must be after " + EARLIEST));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The measurement is not valid", errors);
        }
        Measurement measurement = new Measurement();
        measurement.indicator = indicator;
        measurement.value = request.value();
        measurement.measuredAt = request.measuredAt();
        measurement.recordedBy = actor.name();
        measurement.recordedAt = Instant.now(clock);
        measurement.persist();
        Measurement.flush();
        recordIndicator(indicator, EventType.INDICATOR_MEASURED, null, measurement.value, measurement.measuredAt);
        evaluate(indicator, latest(indicator));
        return mapper.view(indicator);
    }

    /** Whether the latest measurement meets the target; on a new "met", the goal may be reached. */
    private void evaluate(Indicator indicator, Optional<Measurement> latest) {
        boolean met = latest.map(measurement -> indicator.direction.meets(measurement.value, indicator.target)).orElse(false);
        boolean newlyMet = met && !indicator.targetMet;
        indicator.targetMet = met;
        if (!newlyMet) {
            return;
        }
        Measurement measurement = latest.get();
        events.record(indicator.goal.organization, EventType.INDICATOR_TARGET_MET, new IndicatorAttainment(indicator.id, indicator.goal.id,
                indicator.name, indicator.unit, indicator.target, measurement.value, measurement.measuredAt));
        Goal goal = indicator.goal;
        if (goal.kind == GoalKind.OPERATIONAL && goal.status == GoalStatus.OPEN
                && Indicator.count("goal = ?1 and targetMet = false", goal) == 0) {
            markReached(goal, ReachedCause.INDICATORS);
            reachParentIfComplete(goal);
        }
    }

    /** A strategic goal is reached when it has operational goals and every one not abandoned is reached. */
    private void reachParentIfComplete(Goal goal) {
        Goal parent = goal.parent;
        if (parent == null || parent.status != GoalStatus.OPEN) {
            return;
        }
        long counting = Goal.count("parent = ?1 and status <> ?2", parent, GoalStatus.ABANDONED);
        long reached = Goal.count("parent = ?1 and status = ?2", parent, GoalStatus.REACHED);
        if (counting > 0 && counting == reached) {
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

    /**
     * An indicator's change as an event. Every change writes one, also those that reach nothing: the
     * feed and the organisation's change stamp (which keeps cached reads such as the vision document's
     * progress fresh) must see each of them.
     */
    private void recordIndicator(Indicator indicator, EventType type, String reason, BigDecimal value, LocalDate measuredAt) {
        events.record(indicator.goal.organization, type, IndicatorChange.of(indicator, reason, value, measuredAt, actor.name()));
    }

    private Tagged<GoalView> tagged(Goal goal) {
        Goal.flush();
        return mapper.tagged(goal);
    }

    private void keepTarget(Indicator indicator, String reason) {
        IndicatorTarget target = new IndicatorTarget();
        target.indicator = indicator;
        target.target = indicator.target;
        target.reason = reason;
        target.changedBy = actor.name();
        target.changedAt = Instant.now(clock);
        target.persist();
    }

    /** Locks the top of the goal's tree: every change that may reach goals in it is decided one at a time. */
    private static void lock(Goal goal) {
        Goal top = goal.parent == null ? goal : goal.parent;
        Goal.getEntityManager().lock(top, LockModeType.PESSIMISTIC_WRITE);
        Goal.getEntityManager().refresh(goal);
    }

    private static Optional<Measurement> latest(Indicator indicator) {
        return Measurement.<Measurement>find("indicator", Sort.descending("measuredAt", "id"), indicator).firstResultOptional();
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

    private static void checkNumber(String field, BigDecimal value, List<FieldError> errors) {
        if (value.abs().compareTo(LIMIT) >= 0) {
            errors.add(new FieldError(field, "must lie between -" + LIMIT.toPlainString() + " and " + LIMIT.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(new FieldError(field, "must have at most " + MAX_SCALE + " decimals"));
        }
    }

    private static void checkDirection(org.waarom.api.goal.Direction direction, BigDecimal baseline, BigDecimal target, List<FieldError> errors) {
        int comparison = target.compareTo(baseline);
        if (comparison == 0) {
            errors.add(new FieldError("target", "must differ from the baseline"));
        } else if ((direction == org.waarom.api.goal.Direction.INCREASE) != (comparison > 0)) {
            errors.add(new FieldError("target", direction == org.waarom.api.goal.Direction.INCREASE
                    ? "must be above the baseline for an INCREASE indicator" : "must be below the baseline for a DECREASE indicator"));
        }
    }

    private static Goal goal(Organization organization, long id) {
        return Goal.<Goal>find("id = ?1 and organization = ?2", id, organization).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("There is no goal " + id));
    }

    private static Indicator indicator(Organization organization, long id) {
        return Indicator.<Indicator>find("id = ?1 and goal.organization = ?2", id, organization).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("There is no indicator " + id));
    }
}
