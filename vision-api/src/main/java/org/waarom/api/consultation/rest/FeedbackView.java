package org.waarom.api.consultation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Stance;

import java.time.Instant;

/** One feedback as everyone in the organisation reads it. */
@Schema(name = "Feedback")
public record FeedbackView(
        @Schema(examples = "41") long id,
        @Schema(examples = "12") long consultation,
        Anchor anchor,
        Stance stance,
        @Schema(examples = "Respect gaat ook over de tijd die we nemen om te luisteren.") String text,
        Audience audience,
        @Schema(description = "The participant: a user or key name, or the label of the invitation it came through", examples = "Cliëntenraad")
        String by,
        Instant createdAt,
        Instant updatedAt) {
}
