package org.waarom.api.goal.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.goal.Direction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Indicator")
public record IndicatorView(
        @Schema(examples = "7") long id,
        @Schema(examples = "12") long goalId,
        @Schema(examples = "Clients living in a regular street") String name,
        @Schema(description = "The unit of its values; null when none was given", nullable = true, examples = "%") String unit,
        @Schema(examples = "40") BigDecimal baseline,
        @Schema(examples = "60") BigDecimal target,
        Direction direction,
        @Schema(description = "The latest measurement, by date; null before the first", nullable = true, examples = "55") BigDecimal latestValue,
        @Schema(description = "The date of the latest measurement; null before the first", nullable = true, examples = "2026-06-30")
        LocalDate latestMeasuredAt,
        @Schema(description = "0 to 100, from baseline to target", examples = "75") BigDecimal progress,
        @Schema(description = "Whether the latest value meets the target") boolean targetMet,
        @Schema(description = "Every target it has had, oldest first") List<TargetChange> targetHistory) {

    @Schema(name = "TargetChange")
    public record TargetChange(
            @Schema(examples = "60") BigDecimal target,
            @Schema(examples = "Raised after the 2026 review") String reason,
            String changedBy,
            Instant changedAt) {
    }
}
