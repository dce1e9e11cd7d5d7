package org.waarom.api.organization.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.OrganizationSlug;

import java.util.List;

/** A new organisation. Its slug names it in every URL and never changes. */
@Schema(name = "CreateOrganization")
public record CreateOrganizationRequest(
        @NotNull @Pattern(regexp = SLUG, message = "must be 2 to 63 lower-case letters, digits or '-', starting with a letter or digit")
        @Schema(required = true, pattern = SLUG, examples = "zorg-a") String slug,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Zorg A") String name,
        @Pattern(regexp = LANGUAGE, message = "must be a two-letter ISO 639-1 code such as nl, fr or en")
        @Schema(description = "Language the texts are written in; default nl", examples = "nl") String defaultLanguage,
        @Size(max = 20) @Schema(description = "Languages the organisation publishes in; the default language is added when missing", examples = "[\"nl\", \"fr\", \"en\"]")
        List<@NotNull @Pattern(regexp = LANGUAGE, message = "must be a two-letter ISO 639-1 code such as nl, fr or en") String> languages) {

    public static final String SLUG = OrganizationSlug.PATTERN;
    public static final String LANGUAGE = "^[a-z]{2}$";
}
