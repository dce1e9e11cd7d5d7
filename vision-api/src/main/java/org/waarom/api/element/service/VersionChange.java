package org.waarom.api.element.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.VersionStatus;

/** The data of {@code element.version.created}, {@code .updated} and {@code .withdrawn}: the version after the change. */
@Schema(name = "VersionChange", description = "A version after it was created (also by restore), edited or withdrawn, and who did it")
public record VersionChange(
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "vision") String element,
        @Schema(description = "The version's number", examples = "4") int version,
        VersionStatus status,
        @Schema(description = "The version it was based on; null when none", nullable = true, examples = "3") Integer basedOn,
        @Schema(description = "Why the version was made; null when not given", nullable = true, examples = "Goal reached") String changeReason,
        @Schema(description = "Who made the change", examples = "an@zorg-a.be") String by) implements EventData {

    static VersionChange of(ElementVersion version, String by) {
        return new VersionChange(version.element.type.path(), version.number, version.status, version.basedOn, version.changeReason, by);
    }
}
