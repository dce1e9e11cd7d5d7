package org.waarom.api.reference.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reference cites, with the text as it was in the version it was recorded against, and a warning when it no longer exists. */
@Schema(name = "Cite")
public record CiteView(
        @Schema(examples = "values") String element,
        @Schema(description = "The item key; null when the element's statement is cited", nullable = true, examples = "respect") String item,
        @Schema(description = "The version in effect on the reference's date: the one cited", examples = "3") int version,
        @Schema(description = "The item's title in that version; null for a statement", nullable = true, examples = "Respect") String title,
        @Schema(description = "The cited text in that version: the item's description, or the statement; null when the item has no description "
                + "(or the version no statement)", nullable = true,
                examples = "We start from what the person wants.") String text,
        @Schema(description = "The version in effect now; null when none is", nullable = true, examples = "4") Integer currentVersion,
        @Schema(description = "Whether the cited item no longer exists in the version in effect now") boolean itemRemoved,
        @Schema(description = "Set when the cited item no longer exists in the version in effect now; null otherwise", nullable = true,
                examples = "Item 'respect' no longer exists in the current values (version 4)") String warning) {
}
