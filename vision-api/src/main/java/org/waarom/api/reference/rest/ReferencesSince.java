package org.waarom.api.reference.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * The references that cite an element since its last adoption, as a review task shows them: a count
 * and the link that lists them (a task may have thousands behind it; the list is paginated there).
 */
@Schema(name = "ReferencesSince")
public record ReferencesSince(
        @Schema(description = "The day the element's adopted version took effect (UTC); null before the first adoption", nullable = true,
                examples = "2026-03-02")
        LocalDate since,
        @Schema(description = "References dated since then that cite the element or one of its items", examples = "12") long count,
        @Schema(description = "Where they are listed", examples = "/api/v1/organizations/zorg-a/references?element=vision&from=2026-03-02")
        String link) {
}
