package org.waarom.api.goal.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The data of {@code indicator.target.met}: the measurement that met an indicator's target. */
@Schema(name = "IndicatorAttainment", description = "A measurement that met an indicator's target")
public record IndicatorAttainment(
        @Schema(examples = "7") long indicatorId,
        @Schema(description = "The goal the indicator belongs to", examples = "13") long goalId,
        @Schema(examples = "Clients living in a regular street") String name,
        @Schema(description = "The unit of its values; null when it has none", nullable = true, examples = "%") String unit,
        @Schema(examples = "60") BigDecimal target,
        @Schema(description = "The measured value that meets the target", examples = "61") BigDecimal value,
        @Schema(description = "The day the value was measured", examples = "2026-06-30") LocalDate measuredAt) implements EventData {
}
