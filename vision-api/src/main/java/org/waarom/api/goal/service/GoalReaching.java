package org.waarom.api.goal.service;

import org.waarom.api.goal.Direction;
import org.waarom.api.goal.Goal;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.Indicator;
import org.waarom.api.goal.Measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * When goals are reached and how far they have come (docs/api-guide.md#goals-and-indicators), decided from what the
 * caller loaded: no queries, no clock, no changes. {@link IndicatorService} and {@link GoalService} act on the answers
 * (record the event, mark the goal reached); {@link GoalMapper} shows the progress.
 *
 * <ul>
 *     <li>An indicator meets its target when the measurement that counts (the latest by date, then by recording; the
 *     caller loads it) is at or above the target (INCREASE) or at or below it (DECREASE). Without one it meets nothing.</li>
 *     <li>Only the change from "not met" to "met" counts: it writes {@code indicator.target.met} and may reach the goal;
 *     a target that stays met, or is no longer met, reaches nothing and un-reaches nothing.</li>
 *     <li>An open operational goal is reached when every one of its indicators meets its target.</li>
 *     <li>An open strategic goal is reached when it has operational goals and every one not abandoned is reached.</li>
 *     <li>Progress is 0 to 100 with one decimal: a reached goal 100; a goal with operational goals the average of those
 *     not abandoned; otherwise the average of its indicators, each from its baseline towards its target.</li>
 * </ul>
 */
public final class GoalReaching {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GoalReaching() {
    }

    /** An indicator's target after a measurement or a revision: whether it is met, and whether it was not before. */
    public record Attainment(boolean met, boolean newlyMet) {
    }

    /** Whether the measurement that counts ({@code latest}) meets the indicator's current target, compared with {@code indicator.targetMet}. */
    public static Attainment attainment(Indicator indicator, Optional<Measurement> latest) {
        boolean met = latest.map(measurement -> indicator.direction.meets(measurement.value, indicator.target)).orElse(false);
        return new Attainment(met, met && !indicator.targetMet);
    }

    /** Whether indicators can reach this goal at all: only an open operational goal's do (a strategic goal's only show progress). */
    public static boolean reachableByIndicators(Goal goal) {
        return goal.kind == GoalKind.OPERATIONAL && goal.status == GoalStatus.OPEN;
    }

    /** Whether its indicators reach this goal: an open operational goal whose indicators (at least one) all meet their targets. */
    public static boolean reachedByIndicators(Goal goal, List<Indicator> indicators) {
        return reachableByIndicators(goal) && !indicators.isEmpty() && indicators.stream().allMatch(indicator -> indicator.targetMet);
    }

    /** Whether its operational goals reach this strategic goal: it is open, and every one not abandoned (at least one) is reached. */
    public static boolean reachedByOperationalGoals(Goal strategic, List<Goal> operational) {
        List<Goal> counting = operational.stream().filter(goal -> goal.status != GoalStatus.ABANDONED).toList();
        return strategic.status == GoalStatus.OPEN
                && !counting.isEmpty() && counting.stream().allMatch(goal -> goal.status == GoalStatus.REACHED);
    }

    /**
     * A goal's progress: 100 when reached; with operational goals, the average of those not abandoned (each as
     * {@code progressOf} gives it, asked only for those); otherwise the average of its indicators' progress.
     */
    public static BigDecimal progress(Goal goal, List<Goal> operational, Function<Goal, BigDecimal> progressOf, List<BigDecimal> indicatorProgress) {
        if (goal.status == GoalStatus.REACHED) {
            return HUNDRED;
        }
        if (!operational.isEmpty()) {
            return average(operational.stream().filter(child -> child.status != GoalStatus.ABANDONED).map(progressOf).toList());
        }
        return average(indicatorProgress);
    }

    /** An indicator's progress: 0 without a measurement, else how far the latest value has come (see below). */
    public static BigDecimal progress(Indicator indicator, Optional<Measurement> latest) {
        return latest.map(measurement -> progress(indicator.direction, indicator.baseline, indicator.target, measurement.value))
                .orElse(BigDecimal.ZERO);
    }

    /**
     * How far a value has come from the baseline towards the target, 0 to 100 (one decimal, half up):
     * beyond the target is 100, back past the baseline is 0.
     */
    static BigDecimal progress(Direction direction, BigDecimal baseline, BigDecimal target, BigDecimal value) {
        BigDecimal covered = direction == Direction.INCREASE ? value.subtract(baseline) : baseline.subtract(value);
        BigDecimal distance = direction == Direction.INCREASE ? target.subtract(baseline) : baseline.subtract(target);
        BigDecimal percent = covered.multiply(HUNDRED).divide(distance, 1, RoundingMode.HALF_UP);
        return percent.max(BigDecimal.ZERO).min(HUNDRED).setScale(1, RoundingMode.HALF_UP);
    }

    /** The mean to one decimal (half up); 0.0 for none. */
    static BigDecimal average(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO.setScale(1, RoundingMode.HALF_UP);
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }
}
