package org.waarom.api.element.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST …/restore}. */
@Schema(name = "RestoreRequest")
public record RestoreRequest(
        @Size(max = 1000) @Schema(description = "Default: 'Restored from version n'", examples = "Back to the 2022 wording")
        String changeReason) {
}
