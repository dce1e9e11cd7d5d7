package org.waarom.api.event.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.event.service.EventService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

/**
 * The event feed: follow it with {@code ?after=<next>} and no event is ever missed. The event
 * types and an example payload of each are listed in the OpenAPI document with this operation.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events",
        description = "Feeds of everything that changes, in commit order and never skipping an event. An organisation's feed is for its own integrations "
                + "(HR systems, intranets); the feed of all organisations is for the review-scheduler and the operator.")
public class EventResource {

    static final String FEED_DESCRIPTION = "Events in commit order. Start without `after`, then pass the `next` of each answer as `after`: "
            + "no event is ever skipped, also when transactions commit out of order. An empty `items` with the same `next` means nothing new yet. "
            + "A cursor older than the retention (default 90 days) answers 410.";

    private final EventService events;

    EventResource(EventService events) {
        this.events = events;
    }

    @GET
    @Requires(Permission.EVENT_FEED_READ)
    @Operation(operationId = "listEvents", summary = "The event feed of all organisations",
            description = FEED_DESCRIPTION + " For the review-scheduler (`service`) and the operator.")
    @APIResponse(responseCode = "410", description = "The cursor points before events the retention has removed: follow the feed again from its start")
    @APIResponse(responseCode = "200", description = "Events after the cursor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)))
    public EventPage feed(@QueryParam("after") @Parameter(description = "The `next` of the previous answer") String after,
                          @QueryParam("limit") @Parameter(description = "At most this many events (1 to 500, default 100)") String limit) {
        return events.feed(null, after, OrganizationEventResource.limitOf(limit));
    }
}
