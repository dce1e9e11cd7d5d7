package org.waarom.api.consultation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.element.Content;

import java.time.Instant;
import java.util.List;

/** A round as one participant sees it: the question, the text under consultation and their own feedback. */
@Schema(name = "ConsultationParticipation")
public record ParticipationView(
        @Schema(examples = "12") long consultation,
        @Schema(examples = "Zorg Zonnebloem") String organization,
        @Schema(examples = "vision") String element,
        @Schema(examples = "4") int version,
        @Schema(examples = "Herken je je in deze visie? Wat mist er nog?") String question,
        Instant deadline,
        ConsultationStatus status,
        @Schema(description = "The text to give feedback on; anchor feedback to its statement or to one of its item keys") Content content,
        @Schema(description = "The audience the participant speaks for: the invitation's; null for a participant with an account", nullable = true)
        Audience audience,
        @Schema(description = "The participant's own feedback in this round") List<FeedbackView> feedback) {
}
