package org.waarom.api.consultation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Stance;

/** Feedback as given ({@code POST …/feedback}) or changed ({@code PUT …/feedback/{feedbackId}}). */
@Schema(name = "FeedbackRequest")
public record FeedbackRequest(
        @NotNull @Valid @Schema(required = true) Anchor anchor,
        @NotNull @Schema(required = true, examples = "CONCERN") Stance stance,
        @NotBlank @Size(max = 4000) @Schema(required = true, maxLength = 4000,
                examples = "Respect gaat ook over de tijd die we nemen om te luisteren.") String text,
        @Schema(description = "Participants with an account: the audience they speak for, one of the round's (default EMPLOYEES). "
                + "Through an invitation the invitation's audience applies; another one is refused.", examples = "EMPLOYEES")
        Audience audience) {
}
