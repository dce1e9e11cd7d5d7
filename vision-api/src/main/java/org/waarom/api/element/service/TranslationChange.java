package org.waarom.api.element.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.element.VersionStatus;

/** The data of {@code element.translation.changed}: a translation of a version was written or deleted. */
@Schema(name = "TranslationChange", description = "A translation of a version that was written or deleted (status MISSING)")
public record TranslationChange(
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "values") String element,
        @Schema(description = "The translated version's number", examples = "3") int version,
        @Schema(description = "The status of the translated version") VersionStatus versionStatus,
        @Schema(description = "The translation's language", examples = "fr") String language,
        @Schema(description = "The translation's status now; MISSING once it was deleted (only APPROVED translations are served)",
                enumeration = {"DRAFT", "APPROVED", "MISSING"}, examples = "APPROVED") String status,
        @Schema(description = "Who wrote or deleted it", examples = "vertaler@zorg-a.be") String by) implements EventData {
}
