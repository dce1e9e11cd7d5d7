package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.TranslationStatus;

import java.time.Instant;
import java.util.List;

/** A version's translations (or its easy-read texts), and the organisation's languages that have none. */
@Schema(name = "TranslationList", example = "{\"element\": \"values\", \"version\": 3, \"variant\": \"standard\", \"defaultLanguage\": \"nl\", "
        + "\"items\": [{\"language\": \"fr\", "
        + "\"status\": \"APPROVED\", \"updatedAt\": \"2026-03-04T10:00:00Z\", \"updatedBy\": \"vertaler@zorg-a.be\", \"complete\": true}], \"missing\": [\"en\"]}")
public record TranslationList(
        @Schema(examples = "values") String element,
        @Schema(examples = "3") int version,
        @Schema(description = "`standard`: the translations (…/translations); `easy-read`: the easy-read texts (…/easy-read)",
                enumeration = {"standard", "easy-read"}, examples = "standard") String variant,
        @Schema(description = "The language of the version's own text", examples = "nl") String defaultLanguage,
        @Schema(description = "The texts, in the organisation's order of languages") List<Summary> items,
        @Schema(description = "The organisation's languages without such a text: for translations those other than the default, for "
                + "easy-read texts all of them", examples = "[\"en\"]")
        List<String> missing) {

    /** One translation at a glance. */
    @Schema(name = "TranslationSummary")
    public record Summary(
            @Schema(examples = "fr") String language,
            TranslationStatus status,
            Instant updatedAt,
            @Schema(examples = "vertaler@zorg-a.be") String updatedBy,
            @Schema(description = "false when the version's item keys (or whether it has a statement) changed since; incomplete texts are not served")
            boolean complete) {
    }
}
