package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.Content;

import java.time.Instant;
import java.util.List;

/** The values in effect now, for HR systems ({@code GET …/values/current}). */
@Schema(name = "CurrentValues")
public record CurrentValuesView(
        @Schema(examples = "zorg-a") String organization,
        @Schema(description = "Number of the adopted version of the values", examples = "3") int version,
        @Schema(description = "Since when this version is in effect", examples = "2026-03-02T00:00:00Z") Instant effectiveFrom,
        @Schema(description = "Language of the texts (also in Content-Language)", examples = "nl") String language,
        @Schema(description = "`standard`, or `easy-read` when `?variant=easy-read` asked for it and the values have an approved easy-read "
                + "text in `language` (also in the Waarom-Variant header)", enumeration = {"standard", "easy-read"}, examples = "standard")
        String variant,
        @Schema(description = "An introduction to the values, when the version has one; null otherwise", nullable = true) String statement,
        @Schema(description = "The values in the version's order, each with its behaviours") List<Content.Item> values) {
}
