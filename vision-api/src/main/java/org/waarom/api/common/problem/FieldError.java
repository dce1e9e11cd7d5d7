package org.waarom.api.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input: where it is (a JSON path such as {@code content.items[0].key}) and what is wrong. */
@Schema(name = "FieldError", description = "One invalid field of the request")
public record FieldError(
        @Schema(description = "Path of the field in the request", examples = "content.items[0].key") String field,
        @Schema(description = "What is wrong with it", examples = "must be a slug: lower-case letters, digits and '-'") String message) {
}
