package org.waarom.api.acknowledgement.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.organization.rest.CreateOrganizationRequest;

import java.util.List;

/** The people to ask for an acknowledgement, each by their external id, in one request (an HR system's whole staff). */
@Schema(name = "CreateAcknowledgementLinks")
public record CreateAcknowledgementLinksRequest(
        @NotNull(message = "is required: the people to make links for")
        @Size(min = 1, max = MAX_PEOPLE, message = "must hold 1 to " + MAX_PEOPLE + " people")
        @Schema(required = true, minItems = 1, maxItems = MAX_PEOPLE)
        List<@NotNull @Valid Person> people) {

    /** At most this many people per request: a whole staff in one go, within a request's time and size. */
    public static final int MAX_PEOPLE = 5000;

    /** One person: who the acknowledgement is recorded for, the name the page greets, and the language it is shown in first. */
    @Schema(name = "AcknowledgementLinkPerson")
    public record Person(
            @NotBlank @Size(max = 200) @Schema(required = true, maxLength = 200, description = "The external id (e.g. from HR) the acknowledgement is recorded for",
                    examples = "hr-1001") String person,
            @NotBlank @Size(max = 200) @Schema(required = true, maxLength = 200, examples = "An Peeters") String name,
            @Pattern(regexp = CreateOrganizationRequest.LANGUAGE, message = "must be a two-letter ISO 639-1 code such as nl, fr or en")
            @Schema(description = "The language the page shows the text in first (the browser's otherwise); the text falls back as the API's reads do",
                    examples = "nl", nullable = true) String language) {
    }
}
