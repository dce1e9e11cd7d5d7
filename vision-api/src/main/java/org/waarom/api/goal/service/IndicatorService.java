package org.waarom.api.goal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.goal.Direction;
import org.waarom.api.goal.Goal;
import org.waarom.api.goal.Indicator;
import org.waarom.api.goal.IndicatorTarget;
import org.waarom.api.goal.Measurement;
import org.waarom.api.goal.rest.CreateIndicatorRequest;
import org.waarom.api.goal.rest.IndicatorView;
import org.waarom.api.goal.rest.MeasurementRequest;
import org.waarom.api.goal.rest.ReviseTargetRequest;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A goal's indicators (docs/api-guide.md#goals-and-indicators): adding one, revising its target (the old one stays in
 * the history) and recording measurements. After each change the indicator's target is judged again
 * ({@link GoalReaching#attainment}); a target newly met writes {@code indicator.target.met} and lets
 * {@link GoalService} reach the goal.
 *
 * <p>Every change takes the lock of the goal's tree first ({@link GoalService#lock}), as the goal's own changes do.
 */
@ApplicationScoped
public class IndicatorService {

    /** Largest magnitude of a baseline, target or value: beyond it a number is a mistake, not a measurement. */
    static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    static final int MAX_SCALE = 6;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final OrganizationService organizations;
    private final GoalService goals;
    private final GoalMapper mapper;
    private final EventService events;
    private final CurrentActor actor;
    private final Clock clock;

    IndicatorService(OrganizationService organizations, GoalService goals, GoalMapper mapper, EventService events, CurrentActor actor,
                     Clock clock) {
        this.organizations = organizations;
        this.goals = goals;
        this.mapper = mapper;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    @Transactional
    public IndicatorView addIndicator(String org, long goalId, CreateIndicatorRequest request) {
        Goal goal = GoalService.goal(organizations.require(org), goalId);
        GoalService.lock(goal);
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
        record(indicator, EventType.INDICATOR_CREATED, null, null, null);
        return mapper.view(indicator);
    }

    /** A new target; the old one stays in the history. The target may now be met (or no longer). */
    @Transactional
    public IndicatorView reviseTarget(String org, long indicatorId, ReviseTargetRequest request) {
        Indicator indicator = indicator(organizations.require(org), indicatorId);
        GoalService.lock(indicator.goal);
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
        record(indicator, EventType.INDICATOR_TARGET_REVISED, request.reason(), null, null);
        judge(indicator);
        return mapper.view(indicator);
    }

    /** Records a measurement and applies the reaching rules. */
    @Transactional
    public IndicatorView measure(String org, long indicatorId, MeasurementRequest request) {
        Indicator indicator = indicator(organizations.require(org), indicatorId);
        GoalService.lock(indicator.goal);
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
        record(indicator, EventType.INDICATOR_MEASURED, null, measurement.value, measurement.measuredAt);
        judge(indicator);
        return mapper.view(indicator);
    }

    /** Whether the measurement that counts meets the target now; on a new "met", the goal may be reached. */
    private void judge(Indicator indicator) {
        Optional<Measurement> latest = Measurement.latestOf(indicator);
        GoalReaching.Attainment attainment = GoalReaching.attainment(indicator, latest);
        indicator.targetMet = attainment.met();
        if (!attainment.newlyMet()) {
            return;
        }
        Measurement measurement = latest.orElseThrow();
        events.record(indicator.goal.organization, EventType.INDICATOR_TARGET_MET, new IndicatorAttainment(indicator.id, indicator.goal.id,
                indicator.name, indicator.unit, indicator.target, measurement.value, measurement.measuredAt));
        goals.reachByIndicators(indicator.goal);
    }

    /**
     * An indicator's change as an event. Every change writes one, also those that reach nothing: the
     * feed and the organisation's change stamp (which keeps cached reads such as the vision document's
     * progress fresh) must see each of them.
     */
    private void record(Indicator indicator, EventType type, String reason, BigDecimal value, LocalDate measuredAt) {
        events.record(indicator.goal.organization, type, IndicatorChange.of(indicator, reason, value, measuredAt, actor.name()));
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

    private static void checkNumber(String field, BigDecimal value, List<FieldError> errors) {
        if (value.abs().compareTo(LIMIT) >= 0) {
            errors.add(new FieldError(field, "must lie between -" + LIMIT.toPlainString() + " and " + LIMIT.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            errors.add(new FieldError(field, "must have at most " + MAX_SCALE + " decimals"));
        }
    }

    private static void checkDirection(Direction direction, BigDecimal baseline, BigDecimal target, List<FieldError> errors) {
        int comparison = target.compareTo(baseline);
        if (comparison == 0) {
            errors.add(new FieldError("target", "must differ from the baseline"));
        } else if ((direction == Direction.INCREASE) != (comparison > 0)) {
            errors.add(new FieldError("target", direction == Direction.INCREASE
                    ? "must be above the baseline for an INCREASE indicator" : "must be below the baseline for a DECREASE indicator"));
        }
    }

    private static Indicator indicator(Organization organization, long id) {
        return Indicator.findIn(organization, id).orElseThrow(() -> new NotFoundException("There is no indicator " + id));
    }
}
