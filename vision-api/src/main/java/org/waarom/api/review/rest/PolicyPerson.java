package org.waarom.api.review.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quality manager (assignee) or the one escalated to. */
@Schema(name = "PolicyPerson")
public record PolicyPerson(
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "An Peeters") String name,
        @NotBlank @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address")
        @Schema(required = true, examples = "an@zorg-a.be") String email) {
}
