package org.waarom.api.consultation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a feedback is about: {@code {"item": "respect"}} (an item key of the version) or
 * {@code {"statement": true}} (the statement). Exactly one of the two.
 */
@Schema(name = "FeedbackAnchor", description = "Exactly one of `item` (an item key of the consulted version) and `statement: true`")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Anchor(
        @Schema(description = "An item key of the consulted version", examples = "respect") String item,
        @Schema(description = "true: the feedback is about the statement", examples = "true") Boolean statement) {

    /** The anchor of stored feedback: its item key, or the statement when null. */
    public static Anchor of(String item) {
        return item == null ? new Anchor(null, true) : new Anchor(item, null);
    }
}
