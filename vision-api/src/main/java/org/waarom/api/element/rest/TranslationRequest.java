package org.waarom.api.element.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.Content;
import org.waarom.api.element.TranslationStatus;

/** The body of {@code PUT …/versions/{n}/translations/{lang}}. */
@Schema(name = "TranslationRequest")
public record TranslationRequest(
        @Schema(required = true, description = "The version's content in this language: a statement when the version has one (and only then), "
                + "and exactly the version's item keys, each with its title and, where given, description and behaviours")
        Content content,
        @NotNull(message = "is required: DRAFT or APPROVED")
        @Schema(required = true, description = "DRAFT while work is in progress (never served); APPROVED to serve it to readers of its language")
        TranslationStatus status) {
}
