package org.waarom.api.organization.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.http.NotRemovable;

import java.util.List;

/**
 * A partial change of an organisation (JSON merge patch): fields left out stay as they are. Every field is one an
 * organisation always has, so none can be removed: {@code null} (a merge patch's "remove") is refused naming the field.
 */
@Schema(name = "UpdateOrganization")
public record UpdateOrganizationRequest(
        @NotRemovable @Schema(description = "Cannot change; accepted only when equal to the current slug") String slug,
        @NotRemovable @Size(min = 1, max = 200) @Pattern(regexp = "^.*\\S.*$", message = "must not be blank") @Schema(examples = "Zorg A vzw") String name,
        @NotRemovable @Pattern(regexp = CreateOrganizationRequest.LANGUAGE, message = "must be a two-letter ISO 639-1 code such as nl, fr or en")
        @Schema(examples = "nl") String defaultLanguage,
        @NotRemovable @Size(min = 1, max = 20)
        List<@NotNull @Pattern(regexp = CreateOrganizationRequest.LANGUAGE, message = "must be a two-letter ISO 639-1 code such as nl, fr or en") String> languages,
        @NotRemovable @Size(max = 4, message = "names at most the four reads: mission, vision, values and document")
        @Schema(description = "Replaces what everyone may read without credentials: any subset of mission (the current mission), vision (the "
                + "current vision), values (the current values, JSON and CSV) and document (the vision document); [] makes everything "
                + "private again. Public answers are cacheable by anyone for 5 minutes.", examples = "[\"mission\", \"vision\", \"values\", \"document\"]")
        List<@NotNull String> publicReads) {
}
