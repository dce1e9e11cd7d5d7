package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.rest.ConsultationLink;
import org.waarom.api.element.Content;
import org.waarom.api.element.VersionStatus;

import java.time.Instant;
import java.util.List;

/** A version as clients read it. */
@Schema(name = "Version")
public record VersionView(
        @Schema(examples = "vision") String element,
        @Schema(examples = "3") int version,
        VersionStatus status,
        Content content,
        @Schema(description = "Language of `content`: the organisation's default language (the version's own text), or the language of the "
                + "approved translation a current or single-version read negotiated (also in Content-Language)", examples = "nl") String language,
        @Schema(examples = "Goal 'inclusive housing' reached") String changeReason,
        @Schema(examples = "2") Integer basedOn,
        @Schema(examples = "an@zorg-a.be") String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        String adoptedBy,
        Instant adoptedAt,
        @Schema(description = "From when it is (or was) in effect") Instant effectiveFrom,
        @Schema(description = "Until when it was in effect (exclusive); null while current") Instant effectiveTo,
        @Schema(description = "Given at adoption: whether this version asks everyone to acknowledge it again") boolean significantChange,
        @Schema(description = "Adopted versions: the version whose acknowledgements count for this one — the latest significant change up to it, "
                + "or the first adopted version; null before adoption", examples = "2") Integer acknowledgementBasis,
        String withdrawnBy,
        Instant withdrawnAt,
        @Schema(description = "The consultation rounds held on this version, oldest first: how its text was shaped. Each links to the round "
                + "with its summary and feedback (`href`)") List<ConsultationLink> consultations) {
}
