package org.waarom.api.reference.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.EventData;
import org.waarom.api.reference.Reference;
import org.waarom.api.reference.ReferenceKind;

import java.time.LocalDate;
import java.util.List;

/** The data of {@code reference.recorded}, {@code .updated} and {@code .deleted}: the reference and what it cites. */
@Schema(name = "ReferenceChange", description = "A reference that was recorded, changed or deleted, with what it cites")
public record ReferenceChange(
        @Schema(description = "The reference's id", examples = "41") long id,
        ReferenceKind kind,
        @Schema(examples = "Complaint about the night shift") String title,
        @Schema(description = "The day of the case discussion, complaint or decision", examples = "2026-05-04") LocalDate date,
        @Schema(description = "What it cites, in its order") List<Citation> cites,
        @Schema(description = "Who recorded, changed or deleted it", examples = "an@zorg-a.be") String by) implements EventData {

    /** The reference as it is now, changed or deleted by {@code by}. */
    static ReferenceChange of(Reference reference, String by) {
        return new ReferenceChange(reference.id, reference.kind, reference.title, reference.date,
                reference.cites.stream().map(cite -> new Citation(cite.element.path(), cite.itemKey, cite.version.number)).toList(), by);
    }

    /** An element's statement or item, in the version in effect at the reference's date. */
    @Schema(name = "Citation", description = "What a reference cites: an element's statement (item null) or one of its items, in a version")
    public record Citation(
            @Schema(description = "The element type", enumeration = {"mission", "vision", "values", "strategy"}, examples = "values") String element,
            @Schema(description = "The item key; null when the element's statement is cited", nullable = true, examples = "respect") String item,
            @Schema(description = "The version in effect on the reference's date: the one cited", examples = "3") int version) {
    }
}
