package org.waarom.api.review.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Someone a reminder was addressed to; the name is optional (an e-mail alias has none). */
@Schema(name = "ReminderRecipient")
public record ReminderRecipient(
        @Size(max = 200) @Schema(description = "Their name; null (or left out) when the e-mail alone addresses them", nullable = true,
                examples = "An Peeters") String name,
        @NotBlank @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an e-mail address")
        @Schema(required = true, examples = "an@zorg-a.be") String email) {
}
