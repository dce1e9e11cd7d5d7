package org.waarom.api.element.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.element.Content;
import org.waarom.api.element.VersionStatus;

import java.time.Instant;

/** The data of {@code element.version.adopted}: the adopted version, what it replaces, and its content. */
@Schema(name = "VersionAdoption", description = "A version that was adopted, with its content; the one it replaces is superseded")
public record VersionAdoption(
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "values") String element,
        @Schema(description = "The adopted version's number", examples = "3") int version,
        @Schema(description = "Always ADOPTED") VersionStatus status,
        @Schema(description = "The version it was based on; null when none", nullable = true, examples = "2") Integer basedOn,
        @Schema(description = "Why the version was made; null when not given", nullable = true, examples = "Goal reached") String changeReason,
        @Schema(description = "Who adopted it", examples = "board@zorg-a.be") String by,
        @Schema(description = "When it takes (or took) effect") Instant effectiveFrom,
        @Schema(description = "The version it supersedes; null for the element's first adoption", nullable = true, examples = "2")
        Integer supersedes,
        @Schema(description = "Whether it is a significant change, which asks everyone to acknowledge it again") boolean significantChange,
        @Schema(description = "The version whose acknowledgements count for this one: itself after a significant change (or the first adoption), "
                + "else that of the version it supersedes", examples = "3") int acknowledgementBasis,
        Content content) implements EventData {
}
