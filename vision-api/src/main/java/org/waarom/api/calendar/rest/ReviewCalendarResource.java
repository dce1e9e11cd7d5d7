package org.waarom.api.calendar.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.calendar.service.ReviewCalendarService;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.util.Optional;

/**
 * The open review tasks as an iCalendar feed a quality manager subscribes to. Calendar clients
 * cannot send an Authorization header, so besides the usual credentials this endpoint (and only
 * this one) accepts a personal feed token in the query ({@link CalendarFeedResource}). Read with such a token, each event
 * links to its review page with that token (read-only, as the token is); read with an Authorization header, none does.
 */
@Path("/api/v1/organizations/{org}/review-tasks.ics")
@Tag(name = "Calendar",
        description = "The open review tasks as an iCalendar feed for Outlook, Google Calendar or Apple Calendar, and the personal feed tokens a calendar "
                + "client puts in its subscription URL. Usually quality managers subscribe; everyone manages their own feeds.")
@SecurityScheme(securitySchemeName = ReviewCalendarResource.FEED_TOKEN_SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.QUERY, apiKeyName = AcceptsToken.QUERY_PARAMETER,
        description = "A calendar feed token (`wcal_…`, created at …/calendar-feeds) in the subscription URL. "
                + "It reads the review-task calendar of its own organisation and nothing else.")
public class ReviewCalendarResource {

    static final String FEED_TOKEN_SCHEME = "calendarFeedToken";
    static final String TEXT_CALENDAR = "text/calendar";
    /** A real answer (lines end in CRLF; long lines are folded at 75 octets, continuing after one space). */
    private static final String EXAMPLE = """
            BEGIN:VCALENDAR
            PRODID:-//Waarom//Review tasks//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            NAME:Zorg A – review tasks
            X-WR-CALNAME:Zorg A – review tasks
            REFRESH-INTERVAL;VALUE=DURATION:PT1H
            X-PUBLISHED-TTL:PT1H
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20270101
            DTEND;VALUE=DATE:20270102
            SUMMARY:Review: vision (Zorg A)
            DTSTAMP:20260301T090000Z
            UID:review-task-31@zorg-a.waarom
            DESCRIPTION:Review the vision by 2027-01-01.\\nWhy: the vision's review cy
             cle (every P3Y) has come round.\\nWhat to do: read the current vision aga
             inst its guiding question (What do we strive for? Why is it needed that\s
             we exist? What do we want to contribute to or change in society?). If it
              still holds\\, complete the review as CONFIRMED with a note\\; if it need
             s to change\\, draft a new version and adopt it\\, which completes the rev
             iew as REVISED.\\nReview task 31 (cycle:vision:2027-01-01)
            TRANSP:TRANSPARENT
            BEGIN:VALARM
            TRIGGER:-P30D
            ACTION:DISPLAY
            DESCRIPTION:The review of the vision of Zorg A is due on 2027-01-01
            END:VALARM
            END:VEVENT
            END:VCALENDAR
            """;

    /** How {@code CalendarFeedService} names the credential of a feed token. */
    private static final String FEED_CREDENTIAL = "calendar-feed:";

    private final ReviewCalendarService calendars;
    private final CurrentActor actor;

    ReviewCalendarResource(ReviewCalendarService calendars, CurrentActor actor) {
        this.calendars = calendars;
        this.actor = actor;
    }

    @GET
    @Produces(TEXT_CALENDAR)
    @Requires(Permission.REVIEW_TASK_READ)
    @AcceptsToken(AcceptsToken.Kind.CALENDAR_FEED)
    @Operation(operationId = "getReviewCalendar", summary = "Subscribe to the open review tasks (iCalendar)",
            description = "One all-day event per open review task on its due date, with a stable UID, the reason and what to do, "
                    + "and an alarm at the policy's `remindBefore`. Done and cancelled tasks leave the feed. "
                    + "Authenticate with `Authorization: Bearer …` (any role in the organisation), or, for calendar clients "
                    + "that cannot send headers, with `?token=<calendar feed token>`. Read with a feed token, each event carries the "
                    + "address of its review page (`URL`, and in the description with the overview of the open reviews), opened with "
                    + "the same token and read-only; read with an Authorization header, no event carries a link (that credential "
                    + "never goes in an address). Answers `If-None-Match` with 304.")
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = FEED_TOKEN_SCHEME)
    @Parameter(name = AcceptsToken.QUERY_PARAMETER, in = ParameterIn.QUERY,
            description = "A calendar feed token of this organisation (from POST …/calendar-feeds), for clients that cannot send "
                    + "an Authorization header. Valid on this endpoint only.",
            schema = @Schema(type = SchemaType.STRING), example = "wcal_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v")
    @APIResponse(responseCode = "200", description = "The calendar, `text/calendar; charset=utf-8`",
            headers = {@Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING, examples = "private, max-age=300"))},
            content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one open review", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response calendar(@PathParam("org") String org, @HeaderParam("If-None-Match") String ifNoneMatch,
                             @QueryParam(AcceptsToken.QUERY_PARAMETER) String token, @Context UriInfo uriInfo) {
        // Only a token that admitted this very request goes into the links (not one sent beside an Authorization header).
        boolean readWithFeedToken = token != null && actor.caller().map(caller -> caller.credential().startsWith(FEED_CREDENTIAL)).orElse(false);
        Optional<ReviewCalendarService.PageLinks> links = readWithFeedToken
                ? Optional.of(new ReviewCalendarService.PageLinks(uriInfo.getBaseUri().toString(), token))
                : Optional.empty();
        ReviewCalendarService.ReviewCalendar calendar = calendars.calendar(org, links);
        // Calendar clients poll; five minutes of private caching spares the service without delaying a review by much.
        CacheControl cacheControl = new CacheControl();
        cacheControl.setPrivate(true);
        cacheControl.setMaxAge(300);
        cacheControl.setNoTransform(false);
        Response response = EntityTags.conditionalRead(calendar.body(), calendar.etag(), ifNoneMatch, cacheControl);
        return response.getStatus() == Response.Status.OK.getStatusCode()
                ? Response.fromResponse(response).type(TEXT_CALENDAR + "; charset=utf-8").build()
                : response;
    }
}
