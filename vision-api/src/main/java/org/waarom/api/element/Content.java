package org.waarom.api.element;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The one shape of every version of every element: a statement and keyed items, so that diffs,
 * translations and references work alike for all four types. Stored exactly as given.
 */
@Schema(name = "Content", description = "What a version says: a statement and keyed items")
public record Content(
        @Schema(description = "The statement (≤ 5,000 characters). Required for mission and vision; null when a version of the values or the "
                + "strategy has none.", nullable = true,
                examples = "We support people with a disability to live the life they choose.") String statement,
        @Schema(description = "Items (≤ 50): values, aspirations, core qualities, services; keys are unique and stable across versions")
        List<Item> items) {

    public Content {
        items = items == null ? List.of() : items;
    }

    /** One value, aspiration, core quality or service. */
    @Schema(name = "ContentItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(description = "Slug, unique within the version and stable across versions", pattern = "^[a-z0-9][a-z0-9-]{0,62}$",
                    examples = "respect") String key,
            @Schema(description = "≤ 200 characters", examples = "Respect") String title,
            @Schema(description = "≤ 2,000 characters", examples = "We start from what the person wants.") String description,
            @Schema(description = "Observable behaviours (≤ 20, each ≤ 500 characters); values need at least one")
            List<String> behaviours) {

        public Item {
            behaviours = behaviours == null ? List.of() : behaviours;
        }
    }
}
