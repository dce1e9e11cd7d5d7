package org.waarom.api.goal.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(name = "Measurement")
public record MeasurementRequest(
        @NotNull @Schema(required = true, examples = "61") BigDecimal value,
        @NotNull @Schema(required = true, description = "The date the value describes (not in the future)", examples = "2026-06-30") LocalDate measuredAt) {
}
