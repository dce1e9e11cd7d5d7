package org.waarom.api.event.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * An event of the feed. Its {@code data} is read back as stored; its schema depends on the type. The OpenAPI document
 * replaces this schema by one envelope per event type, each with its payload's schema ({@code openapi.TypedEvents}).
 */
@Schema(name = "Event")
public record EventView(
        @Schema(examples = "1042") long id,
        @Schema(description = "One of the event types listed with the feed", examples = "element.version.adopted") String type,
        @Schema(description = "The organisation's slug; null for platform events", examples = "zorg-a", nullable = true) String organization,
        Instant occurredAt,
        @Schema(description = "Enough to act on without another call; its shape depends on the type", implementation = Object.class)
        JsonNode data) {
}
