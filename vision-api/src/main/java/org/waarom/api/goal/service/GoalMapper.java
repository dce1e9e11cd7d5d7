package org.waarom.api.goal.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.goal.Goal;
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

    public Tagged<GoalView> tagged(Goal goal) {
        return new Tagged<>(view(goal), etag(goal));
    }

    public static String etag(Goal goal) {
        return EntityTags.strong("goal-" + goal.id + "-r" + goal.revision);
    }

    public GoalView view(Goal goal) {
        List<IndicatorView> indicators = Indicator.<Indicator>find("goal", Sort.by("id"), goal).list().stream().map(this::view).toList();
        List<Goal> operational = Goal.<Goal>find("parent", Sort.by("id"), goal).list();
        BigDecimal progress = GoalReaching.progress(goal, operational, child -> view(child).progress(),
                indicators.stream().map(IndicatorView::progress).toList());
        return new GoalView(goal.id, goal.kind, goal.parent == null ? null : goal.parent.id, goal.title, goal.description, goal.owner,
                goal.targetDate, goal.parent == null ? goal.servesList() : goal.parent.servesList(), goal.status, goal.reachedAt,
                goal.reachedCause, progress, indicators, operational.stream().map(child -> child.id).toList(),
                goal.createdBy, goal.createdAt, goal.updatedAt);
    }

    public IndicatorView view(Indicator indicator) {
        Optional<Measurement> latest = Measurement.latestOf(indicator);
        List<IndicatorView.TargetChange> history = IndicatorTarget.<IndicatorTarget>find("indicator", Sort.by("id"), indicator).list().stream()
                .map(change -> new IndicatorView.TargetChange(plain(change.target), change.reason, change.changedBy, change.changedAt))
                .toList();
        return new IndicatorView(indicator.id, indicator.goal.id, indicator.name, indicator.unit, plain(indicator.baseline), plain(indicator.target),
                indicator.direction, latest.map(measurement -> plain(measurement.value)).orElse(null),
                latest.map(measurement -> measurement.measuredAt).orElse(null),
                GoalReaching.progress(indicator, latest), indicator.targetMet, history);
    }

    /** 60.000000 → 60, as the client sent it. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }
}
