package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Optional body of {@code POST …/adopt}. */
@Schema(name = "AdoptRequest")
public record AdoptRequest(
        @Schema(description = "When the version takes effect; default now. Must be later than the current version's effectiveFrom.",
                examples = "2026-03-02T00:00:00Z") Instant effectiveFrom) {
}
