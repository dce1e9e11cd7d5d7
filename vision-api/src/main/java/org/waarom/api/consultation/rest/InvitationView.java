package org.waarom.api.consultation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;

import java.time.Instant;

/** An invitation as listed; {@code token} and {@code link} are present only in the answer to its creation (only a hash is kept). */
@Schema(name = "Invitation")
public record InvitationView(
        @Schema(examples = "3") long id,
        @Schema(examples = "12") long consultation,
        Audience audience,
        @Schema(examples = "Cliëntenraad") String label,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The invitation token: shown once. It gives and changes its own feedback in this round while it is open, nothing else.",
                examples = "winv_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v") String token,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The link to hand out (shown once, it holds the token): the consultation page, where the person reads the draft "
                + "and gives, changes and withdraws their feedback in a browser. A program reads the same round as JSON at "
                + "…/consultations/{id}/participation and gives feedback at …/consultations/{id}/feedback, with the same `?token=`",
                examples = "https://waarom.zorg-a.be/pages/zorg-a/consultations/12?token=winv_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v")
        String link,
        @Schema(examples = "an@zorg-a.be") String createdBy,
        Instant createdAt,
        @Schema(description = "Last time the token was used (to the minute); null until it is first used", nullable = true) Instant lastUsedAt) {

    /** The same invitation with its ready link (only for the answer to its creation). */
    public InvitationView withLink(String link) {
        return new InvitationView(id, consultation, audience, label, token, link, createdBy, createdAt, lastUsedAt);
    }
}
