package org.waarom.api.consultation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;

import java.time.Instant;
import java.util.List;

/** The body that opens a round on a draft ({@code POST …/versions/{n}/consultations}). */
@Schema(name = "OpenConsultation")
public record OpenConsultationRequest(
        @NotBlank @Size(max = 2000) @Schema(required = true, maxLength = 2000,
                examples = "Herken je je in deze visie? Wat mist er nog?") String question,
        @NotNull @Schema(required = true, description = "When the round closes by itself; must lie in the future",
                examples = "2026-06-30T22:00:00Z") Instant deadline,
        @NotEmpty @Size(max = 7) @Schema(required = true, description = "Whom the round asks",
                examples = "[\"EMPLOYEES\", \"CLIENTS\", \"PARTNERS\"]") List<@NotNull Audience> audience) {
}
