package org.waarom.api.acknowledgement.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Of the expected people, who has and who has not acknowledged a version (or a version with the same basis). */
@Schema(name = "AcknowledgementStatus")
public record AcknowledgementStatus(
        @Schema(examples = "values") String element,
        @Schema(examples = "4") int version,
        @Schema(description = "The version whose acknowledgements count for this one (see AcknowledgementSummary); null for a version that was "
                + "never adopted", nullable = true, examples = "3") Integer acknowledgementBasis,
        @Schema(description = "Everyone who acknowledged, expected or not", examples = "57") long total,
        @Schema(description = "How many distinct people were expected", examples = "60") int expected,
        @Schema(description = "The expected people who acknowledged, in the order given, with the (latest) version they acknowledged")
        List<AcknowledgementView> acknowledged,
        @Schema(description = "The expected people who did not, in the order given", examples = "[\"hr-1236\"]") List<String> missing) {
}
