package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * One element type as {@code GET /api/v1/element-types} serves it: guiding questions, changeability, default
 * review, item label (docs/api-guide.md#elements-and-versions).
 */
@Schema(name = "ElementType")
public record ElementTypeView(
        @Schema(examples = "vision") String type,
        @Schema(description = "Guiding questions per language", examples = "{\"nl\": \"Waar streven we naar?\", \"en\": \"What do we strive for?\"}")
        Map<String, String> questions,
        @Schema(description = "Changeable elements follow goals; fixed ones are revisited rarely") boolean changeable,
        @Schema(description = "What a version must hold", examples = "a statement") String requires,
        @Schema(description = "What the items are, per language") Map<String, String> itemLabel,
        DefaultReviewPolicy defaultReviewPolicy) {

    @Schema(name = "DefaultReviewPolicy")
    public record DefaultReviewPolicy(
            @Schema(description = "ISO-8601 period", examples = "P3Y") String cycle,
            @Schema(description = "Review when a goal that serves this element is reached") boolean onGoalReached,
            @Schema(description = "Review when a new vision is adopted") boolean onVisionAdopted) {
    }
}
