package org.waarom.api.consultation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;
import org.waarom.api.element.ConsultationStatus;

import java.time.Instant;
import java.util.List;

/**
 * A consultation round with its summary; a single read also lists every feedback ({@code feedback}),
 * a list leaves them out.
 */
@Schema(name = "Consultation")
public record ConsultationView(
        @Schema(examples = "12") long id,
        @Schema(examples = "vision") String element,
        @Schema(description = "The consulted version (a draft while the round is open)", examples = "4") int version,
        @Schema(examples = "Herken je je in deze visie? Wat mist er nog?") String question,
        Instant deadline,
        List<Audience> audience,
        @Schema(description = "CLOSED from the deadline on, or once closed by hand") ConsultationStatus status,
        @Schema(examples = "an@zorg-a.be") String openedBy,
        Instant openedAt,
        @Schema(description = "Who closed it by hand; null when it closed at its deadline (or is open)", nullable = true) String closedBy,
        @Schema(description = "When it closed, by hand or at its deadline; null while open", nullable = true) Instant closedAt,
        ConsultationSummary summary,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Every feedback, oldest first (only when one round is read)") List<FeedbackView> feedback) {
}
