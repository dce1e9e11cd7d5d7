package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Optional body of {@code POST …/adopt}. */
@Schema(name = "AdoptRequest")
public record AdoptRequest(
        @Schema(description = "When the version takes effect; default now. Must be later than the current version's effectiveFrom.",
                examples = "2026-03-02T00:00:00Z") Instant effectiveFrom,
        @Schema(description = "Whether the change is significant enough to ask everyone to acknowledge the new version again; default false: "
                + "acknowledgements of the version it replaces then count for it too (see `acknowledgementBasis`)",
                examples = "true") Boolean significantChange) {

    /** An adoption that is not a significant change. */
    public AdoptRequest(Instant effectiveFrom) {
        this(effectiveFrom, null);
    }

    public boolean significant() {
        return Boolean.TRUE.equals(significantChange);
    }
}
