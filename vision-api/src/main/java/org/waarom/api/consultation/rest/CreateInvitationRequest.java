package org.waarom.api.consultation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;

/** A new invitation for a participant without an account: the audience they speak for and who they are. */
@Schema(name = "CreateInvitation")
public record CreateInvitationRequest(
        @NotNull @Schema(required = true, description = "One of the round's audiences", examples = "CLIENTS") Audience audience,
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, examples = "Cliëntenraad") String label) {
}
