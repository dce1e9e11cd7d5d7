package org.waarom.api.apikey.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new API key: a name to recognise it by and the roles it grants. */
@Schema(name = "CreateApiKey")
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, examples = "hr-system") String name,
        @NotEmpty @Size(max = 6) @Schema(required = true, description = "Organisation keys: admin, editor, approver, quality-manager, contributor, reader. Platform keys: platform-admin, service.",
                examples = "[\"reader\"]") List<@NotNull String> roles) {
}
