package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.Content;
import org.waarom.api.element.TranslationStatus;

import java.time.Instant;

/** A translation of a version as clients read it. */
@Schema(name = "Translation")
public record TranslationView(
        @Schema(examples = "values") String element,
        @Schema(examples = "3") int version,
        @Schema(examples = "fr") String language,
        TranslationStatus status,
        Content content,
        @Schema(description = "Whether it still has exactly the version's item keys (and a statement exactly when the version has one); "
                + "a draft edited after the translation was written can make it incomplete. Incomplete translations are never served.")
        boolean complete,
        @Schema(examples = "vertaler@zorg-a.be") String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {
}
