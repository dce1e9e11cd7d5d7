package org.waarom.api.calendar.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.calendar.service.CalendarFeedService;
import org.waarom.api.calendar.service.ReviewCalendarService;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.util.List;

/**
 * Personal calendar feed tokens: each one puts the organisation's open review tasks in one calendar
 * client, with the token in the subscription URL. Everyone manages their own; an admin all of them.
 */
@Path("/api/v1/organizations/{org}/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar") // described once, on ReviewCalendarResource
public class CalendarFeedResource {

    private final CalendarFeedService feeds;

    CalendarFeedResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CALENDAR_FEED_MANAGE)
    @Operation(operationId = "createCalendarFeed", summary = "Create a calendar feed",
            description = "A personal feed token for one calendar client. The answer holds the token, the subscription `url` "
                    + "(…/review-tasks.ics?token=…) and the `overview` page of the open reviews, this once only; give the url to "
                    + "Outlook, Google Calendar or Apple Calendar. The token reads this organisation's review-task calendar and, "
                    + "read-only, its review pages (the overview, and the page each event links to); nothing else.")
    @APIResponse(responseCode = "201", description = "The feed, with its token, url and overview shown once",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarFeedView.class)))
    public Response create(@PathParam("org") String org, @Valid @NotNull(message = "a JSON object is required") CreateCalendarFeedRequest request,
                           @Context UriInfo uriInfo) {
        CalendarFeedView created = feeds.create(org, request);
        String url = uriInfo.getBaseUriBuilder().path(ReviewCalendarResource.class)
                .queryParam(AcceptsToken.QUERY_PARAMETER, created.token()).build(org).toString();
        String overview = new ReviewCalendarService.PageLinks(uriInfo.getBaseUri().toString(), created.token()).overview(org);
        URI location = uriInfo.getBaseUriBuilder().path(CalendarFeedResource.class).path("{id}").build(org, created.id());
        return Response.created(location).entity(created.withAddresses(url, overview)).build();
    }

    @GET
    @Requires(Permission.CALENDAR_FEED_MANAGE)
    @Operation(operationId = "listCalendarFeeds", summary = "List calendar feeds",
            description = "The caller's own feeds (an admin sees everyone's), never with their tokens. Revoked feeds are not listed.")
    @APIResponse(responseCode = "200", description = "A page of feeds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarFeedPage.class)))
    public Response list(@PathParam("org") String org, @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return feeds.list(org, PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.CALENDAR_FEED_MANAGE)
    @Operation(operationId = "getCalendarFeed", summary = "Read a calendar feed",
            description = "One's own feed (an admin: anyone's), never with its token. Someone else's feed is 404.")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarFeedView.class)))
    public CalendarFeedView get(@PathParam("org") String org, @PathParam("id") String id) {
        return feeds.get(org, feedId(id));
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.CALENDAR_FEED_MANAGE)
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed",
            description = "Its token answers 401 from now on. The owner or an admin; someone else's feed is 404.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("org") String org, @PathParam("id") String id) {
        feeds.revoke(org, feedId(id));
    }

    private static long feedId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw CalendarFeedService.notFound("'" + id + "'");
        }
    }

    /** The list's schema for the OpenAPI document. */
    @Schema(name = "CalendarFeedPage")
    record CalendarFeedPage(List<CalendarFeedView> items, int page, int size, long total) {
    }
}
