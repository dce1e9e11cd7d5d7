package org.waarom.api.acknowledgement.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST …/acknowledgements}: only to record on someone else's behalf. */
@Schema(name = "AcknowledgeRequest")
public record AcknowledgeRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "^\\S(.*\\S)?$", message = "must not start or end with white space")
        @Schema(description = "Admins (e.g. an HR system's admin key) only: the person, by external id, who read the version. "
                + "Leave out to acknowledge as yourself (an OIDC token: its subject); an API key is not a person and must name one.",
                examples = "hr-1234") String person) {
}
