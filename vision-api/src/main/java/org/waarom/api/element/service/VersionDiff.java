package org.waarom.api.element.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What changed between two versions: a word diff of the statement, and the items by key, field by field. */
@Schema(name = "VersionDiff")
public record VersionDiff(
        @Schema(examples = "1") int from,
        @Schema(examples = "2") int to,
        StatementDiff statement,
        ItemsDiff items) {

    @Schema(name = "StatementDiff", description = "Concatenating the equal and delete texts gives the old statement; equal and insert the new one")
    public record StatementDiff(boolean changed, List<Operation> ops) {
    }

    @Schema(name = "DiffOperation")
    public record Operation(
            @Schema(enumeration = {"equal", "insert", "delete"}, examples = "insert") String op,
            @Schema(examples = "persons") String text) {
    }

    @Schema(name = "ItemsDiff")
    public record ItemsDiff(List<ItemRef> added, List<ItemRef> removed, List<ItemChange> changed) {
    }

    @Schema(name = "ItemRef")
    public record ItemRef(@Schema(examples = "respect") String key, @Schema(examples = "Respect") String title) {
    }

    @Schema(name = "ItemChange")
    public record ItemChange(@Schema(examples = "respect") String key, List<FieldChange> fields) {
    }

    /**
     * One changed field of an item: {@code title}, {@code description}, {@code behaviours}
     * (with the behaviours added and removed) or {@code position} (the item moved relative to the others).
     */
    @Schema(name = "FieldChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldChange(
            @Schema(enumeration = {"title", "description", "behaviours", "position"}, examples = "title") String field,
            @Schema(description = "Old value (a string, a list of behaviours or a 0-based position)") Object from,
            @Schema(description = "New value") Object to,
            @Schema(description = "Behaviours added (field behaviours only)") List<String> added,
            @Schema(description = "Behaviours removed (field behaviours only)") List<String> removed) {

        static FieldChange of(String field, Object from, Object to) {
            return new FieldChange(field, from, to, null, null);
        }
    }
}
