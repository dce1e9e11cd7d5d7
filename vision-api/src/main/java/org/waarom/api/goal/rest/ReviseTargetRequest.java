package org.waarom.api.goal.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A new target for an indicator; the old one stays in its history, with this reason. */
@Schema(name = "ReviseTarget")
public record ReviseTargetRequest(
        @NotNull @Schema(required = true, examples = "70") BigDecimal target,
        @NotBlank @Size(max = 1000) @Schema(required = true, examples = "60 % reached early; the board raised the ambition") String reason) {
}
