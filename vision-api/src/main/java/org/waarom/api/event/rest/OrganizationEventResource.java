package org.waarom.api.event.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.http.QueryParams;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

/** One organisation's event feed, for its own integrations (HR systems, intranets). */
@Path("/api/v1/organizations/{org}/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events") // described once, on EventResource
public class OrganizationEventResource {

    private final EventService events;
    private final OrganizationService organizations;

    OrganizationEventResource(EventService events, OrganizationService organizations) {
        this.events = events;
        this.organizations = organizations;
    }

    @GET
    @Requires(Permission.ORGANIZATION_EVENTS_READ)
    @Operation(operationId = "listOrganizationEvents", summary = "The event feed of one organisation", description = EventResource.FEED_DESCRIPTION)
    @APIResponse(responseCode = "410", description = "The cursor points before events the retention has removed: follow the feed again from its start")
    @APIResponse(responseCode = "200", description = "Events after the cursor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)))
    public EventPage organizationFeed(@PathParam("org") String org,
                                      @QueryParam("after") @Parameter(description = "The `next` of the previous answer") String after,
                                      @QueryParam("limit") @Parameter(description = "At most this many events (1 to 500, default 100)") String limit) {
        return events.feed(organizations.require(org), after, limitOf(limit));
    }

    static int limitOf(String value) {
        Integer limit = QueryParams.wholeNumber(value, 100, 1, EventService.MAX_LIMIT);
        if (limit == null) {
            throw new InvalidRequestException("limit", "must be a whole number from 1 to " + EventService.MAX_LIMIT);
        }
        return limit;
    }
}
