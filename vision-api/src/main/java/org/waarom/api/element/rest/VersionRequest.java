package org.waarom.api.element.rest;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.Content;

/** The body of a new draft ({@code POST …/versions}) and of an edit ({@code PUT …/versions/{n}}). */
@Schema(name = "VersionRequest")
public record VersionRequest(
        @Schema(required = true) Content content,
        @Size(max = 1000) @Schema(description = "Why this version is made (≤ 1,000 characters)", examples = "Goal 'inclusive housing' reached")
        String changeReason,
        @Positive @Schema(description = "The version this one starts from; default: the version in effect now", examples = "2")
        Integer basedOn) {
}
