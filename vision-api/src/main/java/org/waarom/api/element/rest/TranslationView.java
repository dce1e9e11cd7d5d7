package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.Content;
import org.waarom.api.element.TranslationStatus;

import java.time.Instant;

/** A translation or easy-read text of a version as clients read it. */
@Schema(name = "Translation", description = "A translation of a version into another language, or its easy-read text in one language")
public record TranslationView(
        @Schema(examples = "values") String element,
        @Schema(examples = "3") int version,
        @Schema(description = "`standard` for a translation (…/translations/{lang}), `easy-read` for an easy-read text (…/easy-read/{lang})",
                enumeration = {"standard", "easy-read"}, examples = "standard") String variant,
        @Schema(examples = "fr") String language,
        TranslationStatus status,
        Content content,
        @Schema(description = "Whether it still has exactly the version's item keys (and a statement exactly when the version has one); "
                + "a draft edited after the text was written can make it incomplete. Incomplete texts are never served.")
        boolean complete,
        @Schema(examples = "vertaler@zorg-a.be") String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {
}
