package org.waarom.api.reference.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.reference.ReferenceKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A reference as clients read it: what it records, why it fits the vision, and what it cites as the text was then. */
@Schema(name = "Reference")
public record ReferenceView(
        @Schema(examples = "41") long id,
        ReferenceKind kind,
        @Schema(examples = "Complaint about the night shift") String title,
        @Schema(examples = "2026-05-04") LocalDate date,
        @Schema(description = "Where it is documented; null when not given", nullable = true,
                examples = "https://intranet.zorg-a.be/klachten/2026-117") String link,
        @Schema(description = "Its id in another system; null when not given", nullable = true, examples = "KL-2026-117") String externalId,
        @Schema(examples = "We apologised and changed the night round: knocking and waiting is how we show respect.") String rationale,
        List<CiteView> cites,
        @Schema(examples = "an@zorg-a.be") String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {
}
