package org.waarom.api.goal.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.EntityTags;
import org.waarom.api.common.Tagged;
import org.waarom.api.goal.Direction;
import org.waarom.api.goal.Goal;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.Indicator;
import org.waarom.api.goal.IndicatorTarget;
import org.waarom.api.goal.Measurement;
import org.waarom.api.goal.rest.GoalView;
import org.waarom.api.goal.rest.IndicatorView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** Goals and indicators as clients read them, with progress worked out from the measurements. */
@ApplicationScoped
public class GoalMapper {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Tagged<GoalView> tagged(Goal goal) {
        return new Tagged<>(view(goal), etag(goal));
    }

    public static String etag(Goal goal) {
        return EntityTags.strong("goal-" + goal.id + "-r" + goal.revision);
    }

    public GoalView view(Goal goal) {
        List<IndicatorView> indicators = Indicator.<Indicator>find("goal", Sort.by("id"), goal).list().stream().map(this::view).toList();
        List<Goal> operational = Goal.<Goal>find("parent", Sort.by("id"), goal).list();
        BigDecimal progress;
        if (goal.status == GoalStatus.REACHED) {
            progress = HUNDRED;
        } else if (!operational.isEmpty()) {
            progress = average(operational.stream().filter(child -> child.status != GoalStatus.ABANDONED).map(this::progressOf).toList());
        } else {
            progress = average(indicators.stream().map(IndicatorView::progress).toList());
        }
        return new GoalView(goal.id, goal.kind, goal.parent == null ? null : goal.parent.id, goal.title, goal.description, goal.owner,
                goal.targetDate, goal.parent == null ? goal.servesList() : goal.parent.servesList(), goal.status, goal.reachedAt,
                goal.reachedCause, progress, indicators, operational.stream().map(child -> child.id).toList(),
                goal.createdBy, goal.createdAt, goal.updatedAt);
    }

    public IndicatorView view(Indicator indicator) {
        Optional<Measurement> latest = Measurement.<Measurement>find("indicator", Sort.descending("measuredAt", "id"), indicator).firstResultOptional();
        List<IndicatorView.TargetChange> history = IndicatorTarget.<IndicatorTarget>find("indicator", Sort.by("id"), indicator).list().stream()
                .map(change -> new IndicatorView.TargetChange(plain(change.target), change.reason, change.changedBy, change.changedAt))
                .toList();
        return new IndicatorView(indicator.id, indicator.goal.id, indicator.name, indicator.unit, plain(indicator.baseline), plain(indicator.target),
                indicator.direction, latest.map(measurement -> plain(measurement.value)).orElse(null),
                latest.map(measurement -> measurement.measuredAt).orElse(null),
                latest.map(measurement -> progress(indicator.direction, indicator.baseline, indicator.target, measurement.value)).orElse(BigDecimal.ZERO),
                indicator.targetMet, history);
    }

    /**
     * How far a value has come from the baseline towards the target, 0 to 100 (one decimal):
     * beyond the target is 100, back past the baseline is 0.
     */
    static BigDecimal progress(Direction direction, BigDecimal baseline, BigDecimal target, BigDecimal value) {
        BigDecimal covered = direction == Direction.INCREASE ? value.subtract(baseline) : baseline.subtract(value);
        BigDecimal distance = direction == Direction.INCREASE ? target.subtract(baseline) : baseline.subtract(target);
        BigDecimal percent = covered.multiply(HUNDRED).divide(distance, 1, RoundingMode.HALF_UP);
        return percent.max(BigDecimal.ZERO).min(HUNDRED).setScale(1, RoundingMode.HALF_UP);
    }

    private BigDecimal progressOf(Goal goal) {
        return view(goal).progress();
    }

    private static BigDecimal average(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return BigDecimal.ZERO.setScale(1, RoundingMode.HALF_UP);
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    /** 60.000000 → 60, as the client sent it. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }
}
