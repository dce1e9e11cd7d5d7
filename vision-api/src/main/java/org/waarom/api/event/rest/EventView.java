package org.waarom.api.event.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An event of the feed. */
@Schema(name = "Event")
public record EventView(
        @Schema(examples = "1042") long id,
        @Schema(description = "One of the event types listed with the feed", examples = "element.version.adopted") String type,
        @Schema(description = "The organisation's slug; null for platform events", examples = "zorg-a") String organization,
        Instant occurredAt,
        @Schema(description = "Enough to act on without another call; its shape depends on the type") JsonNode data) {
}
