package org.waarom.api.consultation.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.consultation.rest.ConsultationSummary;

import java.time.Instant;

/** The data of {@code consultation.closed}: a round closed by hand or at its deadline, with its summary. */
@Schema(name = "ConsultationClosing", description = "A consultation round that closed, by hand or at its deadline, with what its feedback adds up to; "
        + "its version is a DRAFT again")
public record ConsultationClosing(
        @Schema(examples = "12") long consultationId,
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "vision") String element,
        @Schema(description = "The consulted version's number", examples = "4") int version,
        @Schema(description = "When it closed: its deadline, or when it was closed by hand") Instant closedAt,
        @Schema(description = "HAND: someone closed it (by); DEADLINE: its deadline passed") ClosedBy closedBy,
        @Schema(description = "Who closed it by hand; null when it closed at its deadline", nullable = true, examples = "an@zorg-a.be") String by,
        ConsultationSummary summary) implements EventData {

    /** How a round closed. */
    @Schema(name = "ConsultationClosedBy")
    public enum ClosedBy { HAND, DEADLINE }
}
