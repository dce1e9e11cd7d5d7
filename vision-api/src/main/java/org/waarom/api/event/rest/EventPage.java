package org.waarom.api.event.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A slice of the feed and the cursor to ask for the next one with ({@code ?after=next}). */
@Schema(name = "EventPage")
public record EventPage(
        List<EventView> items,
        @Schema(description = "Pass as ?after= to get what follows; the same cursor when there is nothing new yet", examples = "00000000000000000742-1042")
        String next) {
}
