package org.waarom.api.reference.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing a reference cites: an element (its statement) or, with {@code item}, one of its items. */
@Schema(name = "CiteRequest")
public record CiteRequest(
        @NotBlank @Schema(required = true, enumeration = {"mission", "vision", "values", "strategy"}, examples = "values") String element,
        @Size(max = 63) @Schema(description = "An item key of the version in effect on the reference's date; leave out to cite the statement",
                examples = "respect") String item) {
}
