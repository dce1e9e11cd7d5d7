package org.waarom.api.consultation.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.consultation.Audience;

import java.time.Instant;
import java.util.List;

/** The data of {@code consultation.opened}: a round opened on a draft, which is IN_CONSULTATION until it closes. */
@Schema(name = "ConsultationOpening", description = "A consultation round that was opened on a draft")
public record ConsultationOpening(
        @Schema(examples = "12") long consultationId,
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "vision") String element,
        @Schema(description = "The consulted version's number", examples = "4") int version,
        @Schema(examples = "Herken je je in deze visie?") String question,
        @Schema(description = "When the round closes by itself") Instant deadline,
        @Schema(description = "Who is asked") List<Audience> audience,
        @Schema(description = "Who opened it", examples = "an@zorg-a.be") String by) implements EventData {
}
