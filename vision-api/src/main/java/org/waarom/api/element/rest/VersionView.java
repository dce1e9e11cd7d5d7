package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        @Schema(description = "Why the version was written; null when none was given", nullable = true,
                examples = "Goal 'inclusive housing' reached") String changeReason,
        @Schema(description = "Number of the version it was based on (by default the one in effect when it was written); null when it was "
                + "based on none", nullable = true, examples = "2") Integer basedOn,
        @Schema(examples = "an@zorg-a.be") String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        @Schema(description = "Who adopted it; null for a version that was never adopted", nullable = true) String adoptedBy,
        @Schema(description = "When it was adopted; null for a version that was never adopted", nullable = true) Instant adoptedAt,
        @Schema(description = "From when it is (or was) in effect; null for a version that was never adopted", nullable = true) Instant effectiveFrom,
        @Schema(description = "Until when it was in effect (exclusive); null while current, and for a version that was never adopted",
                nullable = true) Instant effectiveTo,
        @Schema(description = "Given at adoption: whether this version asks everyone to acknowledge it again") boolean significantChange,
        @Schema(description = "Adopted versions: the version whose acknowledgements count for this one — the latest significant change up to it, "
                + "or the first adopted version; null before adoption", nullable = true, examples = "2") Integer acknowledgementBasis,
        @Schema(description = "Who withdrew it; null unless it was withdrawn", nullable = true) String withdrawnBy,
        @Schema(description = "When it was withdrawn; null unless it was withdrawn", nullable = true) Instant withdrawnAt,
        @Schema(description = "The consultation rounds held on this version, oldest first: how its text was shaped. Each links to the round "
                + "with its summary and feedback (`href`)") List<ConsultationLink> consultations) {
}
