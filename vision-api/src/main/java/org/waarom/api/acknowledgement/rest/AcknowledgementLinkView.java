package org.waarom.api.acknowledgement.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An acknowledgement link as listed; {@code token} and {@code link} are present only in the answer to its creation (only a hash is kept). */
@Schema(name = "AcknowledgementLink")
public record AcknowledgementLinkView(
        @Schema(examples = "41") long id,
        @Schema(examples = "values") String element,
        @Schema(description = "The version it was issued for", examples = "2") int version,
        @Schema(description = "The acknowledgement basis it asks for: the link works while the version in effect has this basis", examples = "2")
        int acknowledgementBasis,
        @Schema(examples = "hr-1001") String person,
        @Schema(examples = "An Peeters") String name,
        @Schema(examples = "nl", nullable = true) String language,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The link's token: shown once. It shows the text and records this person's acknowledgement, nothing else.",
                examples = "wack_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v") String token,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The link to hand out (shown once, it holds the token): the acknowledgement page, with the text and one button "
                + "\"I have read this\"", examples = "https://waarom.zorg-a.be/pages/zorg-a/acknowledgement?token=wack_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v")
        String link,
        @Schema(examples = "hr-system") String createdBy,
        Instant createdAt,
        @Schema(description = "Last time the link was opened (to the minute); null until then", nullable = true) Instant lastUsedAt) {

    /** The same link with its address (only for the answer to its creation). */
    public AcknowledgementLinkView withLink(String link) {
        return new AcknowledgementLinkView(id, element, version, acknowledgementBasis, person, name, language, token, link, createdBy, createdAt,
                lastUsedAt);
    }
}
