package org.waarom.api.goal.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.goal.Direction;
import org.waarom.api.goal.Indicator;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The data of {@code indicator.created}, {@code indicator.target.revised} and {@code indicator.measured}: the indicator
 * after the change; {@code reason} only on a revised target, {@code value} and {@code measuredAt} only on a measurement.
 */
@Schema(name = "IndicatorChange", description = "An indicator after it was added, its target revised or a measurement recorded, and who did it")
public record IndicatorChange(
        @Schema(examples = "7") long indicatorId,
        @Schema(description = "The goal the indicator belongs to", examples = "13") long goalId,
        @Schema(examples = "Clients living in a regular street") String name,
        @Schema(description = "The unit of its values; null when it has none", nullable = true, examples = "%") String unit,
        @Schema(examples = "40") BigDecimal baseline,
        @Schema(description = "The target (on indicator.target.revised: the new one)", examples = "60") BigDecimal target,
        Direction direction,
        @Schema(description = "Why the target was revised; only on indicator.target.revised, else null", nullable = true,
                examples = "Raised after the first year") String reason,
        @Schema(description = "The measured value; only on indicator.measured, else null", nullable = true, examples = "52") BigDecimal value,
        @Schema(description = "The day the value was measured; only on indicator.measured, else null", nullable = true, examples = "2026-06-30")
        LocalDate measuredAt,
        @Schema(examples = "an@zorg-a.be") String by) implements EventData {

    /** The indicator as it is now, with what only some of its events carry. */
    static IndicatorChange of(Indicator indicator, String reason, BigDecimal value, LocalDate measuredAt, String by) {
        return new IndicatorChange(indicator.id, indicator.goal.id, indicator.name, indicator.unit, indicator.baseline, indicator.target,
                indicator.direction, reason, value, measuredAt, by);
    }
}
