package org.waarom.api.organization.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;

import java.time.Instant;
import java.util.List;

@Schema(name = "Organization")
public record OrganizationView(
        @Schema(examples = "zorg-a") String slug,
        @Schema(examples = "Zorg A") String name,
        @Schema(examples = "nl") String defaultLanguage,
        @Schema(examples = "[\"nl\", \"fr\", \"en\"]") List<String> languages,
        @Schema(description = "What everyone may read without credentials (for the organisation's website): a subset of mission, vision, "
                + "values and document; empty when everything needs credentials", examples = "[\"mission\", \"vision\"]")
        List<String> publicReads,
        Instant createdAt,
        Instant updatedAt) implements EventData {
}
