package org.waarom.api.element.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.ConsultationStatus;

import java.time.Instant;

/** A round of a version, as the version links to it: read its summary at {@code href}. */
@Schema(name = "ConsultationLink")
public record ConsultationLink(
        @Schema(examples = "12") long id,
        ConsultationStatus status,
        Instant deadline,
        @Schema(description = "When it closed, by hand or at its deadline; null while open", nullable = true) Instant closedAt,
        @Schema(examples = "/api/v1/organizations/zorg-a/consultations/12") String href) {
}
