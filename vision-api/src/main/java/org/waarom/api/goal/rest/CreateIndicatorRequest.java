package org.waarom.api.goal.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.goal.Direction;

import java.math.BigDecimal;

@Schema(name = "CreateIndicator")
public record CreateIndicatorRequest(
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Clients living in a regular street") String name,
        @Size(max = 32) @Schema(examples = "%") String unit,
        @NotNull @Schema(required = true, examples = "40") BigDecimal baseline,
        @NotNull @Schema(required = true, examples = "60") BigDecimal target,
        @NotNull @Schema(required = true, description = "INCREASE: met when a value is at or above the target; DECREASE: at or below") Direction direction) {
}
