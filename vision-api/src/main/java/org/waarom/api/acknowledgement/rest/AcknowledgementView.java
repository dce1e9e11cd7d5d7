package org.waarom.api.acknowledgement.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One person's acknowledgement of one version. */
@Schema(name = "Acknowledgement")
public record AcknowledgementView(
        @Schema(examples = "values") String element,
        @Schema(description = "The version the person acknowledged", examples = "3") int version,
        @Schema(description = "OIDC subject or external id", examples = "hr-1234") String person,
        @Schema(description = "Who sent it: the person, or the admin or HR key on their behalf", examples = "hr-system") String recordedBy,
        Instant acknowledgedAt) {
}
