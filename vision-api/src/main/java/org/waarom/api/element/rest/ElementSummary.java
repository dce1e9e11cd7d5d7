package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.VersionStatus;

import java.time.Instant;

/** One of an organisation's four elements at a glance. */
@Schema(name = "ElementSummary")
public record ElementSummary(
        @Schema(examples = "vision") String element,
        @Schema(description = "Number of the version in effect now; null before the first adoption", nullable = true, examples = "3")
        Integer currentVersion,
        @Schema(description = "Since when the current version is in effect; null before the first adoption", nullable = true) Instant effectiveFrom,
        @Schema(description = "Number of the open (draft or in-consultation) version; null when none is open", nullable = true, examples = "4")
        Integer openVersion,
        @Schema(description = "Status of the open version; null when none is open", nullable = true) VersionStatus openStatus,
        @Schema(description = "How many versions there are", examples = "4") int versions) {
}
