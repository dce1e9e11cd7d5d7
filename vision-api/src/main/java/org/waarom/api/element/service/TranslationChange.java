package org.waarom.api.element.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.element.VersionStatus;

/**
 * The data of {@code element.translation.changed} and {@code element.easy-read.changed}: a translation or an easy-read text
 * of a version was written or deleted (the event's type says which).
 */
@Schema(name = "TranslationChange", description = "A translation (element.translation.changed) or easy-read text (element.easy-read.changed) "
        + "of a version that was written or deleted (status MISSING)")
public record TranslationChange(
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "values") String element,
        @Schema(description = "The translated version's number", examples = "3") int version,
        @Schema(description = "The status of the translated version") VersionStatus versionStatus,
        @Schema(description = "The text's language", examples = "fr") String language,
        @Schema(description = "The text's status now; MISSING once it was deleted (only APPROVED texts are served)",
                enumeration = {"DRAFT", "APPROVED", "MISSING"}, examples = "APPROVED") String status,
        @Schema(description = "Who wrote or deleted it", examples = "vertaler@zorg-a.be") String by) implements EventData {
}
