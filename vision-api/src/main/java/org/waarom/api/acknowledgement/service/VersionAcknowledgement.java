package org.waarom.api.acknowledgement.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;

import java.time.Instant;

/** The data of {@code element.version.acknowledged}: someone confirmed they read an adopted version. */
@Schema(name = "VersionAcknowledgement", description = "Someone's first confirmation that they read an adopted version")
public record VersionAcknowledgement(
        @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "values") String element,
        @Schema(description = "The acknowledged version's number", examples = "3") int version,
        @Schema(description = "The version whose acknowledgements count for this one (versions with one basis share them)", examples = "3")
        int acknowledgementBasis,
        @Schema(description = "The person who read it: OIDC subject or external id", examples = "hr-1234") String person,
        @Schema(description = "Who sent it: the person, or the admin or HR key on their behalf", examples = "hr-system") String by,
        Instant acknowledgedAt) implements EventData {
}
