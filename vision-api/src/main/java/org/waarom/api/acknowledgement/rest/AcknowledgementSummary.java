package org.waarom.api.acknowledgement.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.VersionStatus;

import java.util.List;

/** How many people acknowledged a version, counting every version that shares its acknowledgement basis. */
@Schema(name = "AcknowledgementSummary")
public record AcknowledgementSummary(
        @Schema(examples = "values") String element,
        @Schema(examples = "4") int version,
        VersionStatus status,
        @Schema(description = "The latest significant change up to this version (or the first adopted version): acknowledgements of it and of "
                + "every later version up to the next significant change count; null for a version that was never adopted", nullable = true,
                examples = "3") Integer acknowledgementBasis,
        @Schema(description = "The versions whose acknowledgements are counted", examples = "[3, 4]") List<Integer> countedVersions,
        @Schema(description = "People who acknowledged one of the counted versions (each once)", examples = "57") long total,
        @Schema(description = "The caller's own acknowledgement among them, if the caller is a person and has one; null otherwise", nullable = true)
        AcknowledgementView own) {
}
