package org.waarom.api.consultation.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Feedback;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.Anchor;

/** The data of {@code feedback.received}, {@code .changed} and {@code .withdrawn}: the feedback (its text is not in the event). */
@Schema(name = "FeedbackChange", description = "Feedback that a participant gave, changed or withdrew in a consultation round (without its text)")
public record FeedbackChange(
        @Schema(examples = "12") long consultationId,
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "vision") String element,
        @Schema(description = "The consulted version's number", examples = "4") int version,
        @Schema(examples = "41") long feedbackId,
        Anchor anchor,
        Stance stance,
        @Schema(description = "The audience the participant answers as") Audience audience,
        @Schema(description = "The participant", examples = "Cliëntenraad") String by) implements EventData {

    static FeedbackChange of(Feedback feedback) {
        return new FeedbackChange(feedback.consultation.id, feedback.consultation.version.element.type.path(), feedback.consultation.version.number,
                feedback.id, Anchor.of(feedback.anchorItem), feedback.stance, feedback.audience, feedback.author);
    }
}
