package org.waarom.api.security.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** Who the caller is, as the API sees it. */
@Schema(name = "Me")
public record MeView(
        @Schema(examples = "hr-system") String name,
        @Schema(description = "key:<id> for an API key, token:<subject> for an OIDC token", examples = "key:12") String credential,
        @Schema(examples = "[]") List<String> platformRoles,
        @Schema(description = "Roles per organisation slug", examples = "{\"zorg-a\": [\"reader\"]}") Map<String, List<String>> organizations) {
}
