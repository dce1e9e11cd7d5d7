package org.waarom.api.organization.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Organization")
public record OrganizationView(
        @Schema(examples = "zorg-a") String slug,
        @Schema(examples = "Zorg A") String name,
        @Schema(examples = "nl") String defaultLanguage,
        @Schema(examples = "[\"nl\", \"fr\", \"en\"]") List<String> languages,
        Instant createdAt,
        Instant updatedAt) {
}
