package org.waarom.api.reference.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.reference.ReferenceKind;

import java.time.LocalDate;
import java.util.List;

/** A reference as it is recorded ({@code POST …/references}) and replaced ({@code PUT …/references/{id}}). */
@Schema(name = "ReferenceRequest")
public record ReferenceRequest(
        @NotNull @Schema(required = true) ReferenceKind kind,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Complaint about the night shift") String title,
        @NotNull @Schema(required = true, description = "When it happened (a local date, not in the future); each cite is recorded against "
                + "the version in effect on that date", examples = "2026-05-04") LocalDate date,
        @Size(max = 2000) @Schema(description = "Optional: where it is documented (an http or https URL)",
                examples = "https://intranet.zorg-a.be/klachten/2026-117") String link,
        @Size(max = 200) @Schema(description = "Optional: its id in another system (case file, complaints register)", examples = "KL-2026-117") String externalId,
        @NotBlank @Size(max = 5000) @Schema(required = true, description = "How it fits the vision",
                examples = "We apologised and changed the night round: knocking and waiting is how we show respect.") String rationale,
        @NotEmpty @Size(max = 20) @Schema(required = true, description = "What it cites (1 to 20, each once)")
        List<@NotNull @Valid CiteRequest> cites) {
}
