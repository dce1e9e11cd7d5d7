package org.waarom.api.calendar.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new calendar feed: a name to recognise it by in the list (which calendar, which device). */
@Schema(name = "CreateCalendarFeed")
public record CreateCalendarFeedRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, examples = "Outlook An") String name) {
}
