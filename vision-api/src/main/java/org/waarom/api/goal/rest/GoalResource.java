package org.waarom.api.goal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.http.QueryParams;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.service.GoalService;
import org.waarom.api.goal.service.IndicatorService;
import org.waarom.api.organization.rest.OrganizationResource;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.util.List;

/** Strategic and operational goals and their indicators (docs/api-guide.md#goals-and-indicators). */
@Path("/api/v1/organizations/{org}/goals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Goals",
        description = "Strategic goals that serve the vision and strategy, the operational goals under them, and their indicators and measurements. "
                + "Editors and admins plan and measure; everyone in the organisation reads the progress.")
public class GoalResource {

    private final GoalService goals;
    private final IndicatorService indicators;

    GoalResource(GoalService goals, IndicatorService indicators) {
        this.goals = goals;
        this.indicators = indicators;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "createGoal", summary = "Create a goal",
            description = "Strategic: `serves` vision and/or strategy. Operational: `parentId` names its strategic goal.")
    @APIResponse(responseCode = "201", description = "The goal",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    public Response create(@PathParam("org") String org, @Valid @NotNull(message = "a JSON object is required") CreateGoalRequest request,
                           @Context UriInfo uriInfo) {
        Tagged<GoalView> created = goals.create(org, request);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/organizations/{org}/goals/{id}").build(org, created.value().id());
        return Response.created(location).header("ETag", created.etag()).entity(created.value()).build();
    }

    @GET
    @Requires(Permission.GOAL_READ)
    @Operation(operationId = "listGoals", summary = "List goals",
            description = "With their indicators and progress; filter by status, kind and what they serve.")
    @APIResponse(responseCode = "200", description = "A page of goals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalPage.class)))
    public Response list(@PathParam("org") String org,
                         @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"OPEN", "REACHED", "ABANDONED"})) String status,
                         @QueryParam("kind") @Parameter(schema = @Schema(enumeration = {"STRATEGIC", "OPERATIONAL"})) String kind,
                         @QueryParam("serves") @Parameter(schema = @Schema(enumeration = {"vision", "strategy"})) String serves,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        ElementType servesType = serves == null || serves.isBlank() ? null : ElementType.fromPath(serves.trim())
                .filter(type -> type == ElementType.VISION || type == ElementType.STRATEGY)
                .orElseThrow(() -> new InvalidRequestException("serves", "must be vision or strategy"));
        return goals.list(org, QueryParams.enumOf("status", status, GoalStatus.class), QueryParams.enumOf("kind", kind, GoalKind.class), servesType,
                PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.GOAL_READ)
    @Operation(operationId = "getGoal", summary = "Read a goal",
            description = "With its indicators (latest value, progress, whether the target is met, target history).")
    @APIResponse(responseCode = "200", description = "The goal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get(@PathParam("org") String org, @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Tagged<GoalView> goal = goals.get(org, id(id));
        return EntityTags.conditionalRead(goal.value(), goal.etag(), ifNoneMatch);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({OrganizationResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "updateGoal", summary = "Change a goal",
            description = "Title, description, owner, target date, serves (strategic goals). Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The changed goal, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    public Response update(@PathParam("org") String org, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull(message = "a JSON object is required") UpdateGoalRequest request) {
        Tagged<GoalView> updated = goals.update(org, id(id), ifMatch, request);
        return Response.ok(updated.value()).header("ETag", updated.etag()).build();
    }

    @POST
    @Path("/{id}/reach")
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "reachGoal", summary = "Mark a goal reached",
            description = "By hand (cause MANUAL). Its strategic goal is reached too when all its operational goals are. 409 unless OPEN.")
    @APIResponse(responseCode = "200", description = "The reached goal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    public Response reach(@PathParam("org") String org, @PathParam("id") String id) {
        return answer(goals.reach(org, id(id)));
    }

    @POST
    @Path("/{id}/reopen")
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "reopenGoal", summary = "Reopen a goal",
            description = "A reached or abandoned goal becomes OPEN again; reaching it is recorded anew.")
    @APIResponse(responseCode = "200", description = "The reopened goal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    public Response reopen(@PathParam("org") String org, @PathParam("id") String id) {
        return answer(goals.reopen(org, id(id)));
    }

    @POST
    @Path("/{id}/abandon")
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "abandonGoal", summary = "Abandon a goal",
            description = "409 unless OPEN. An abandoned operational goal no longer counts for its strategic goal.")
    @APIResponse(responseCode = "200", description = "The abandoned goal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalView.class)))
    public Response abandon(@PathParam("org") String org, @PathParam("id") String id) {
        return answer(goals.abandon(org, id(id)));
    }

    @POST
    @Path("/{id}/indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "createIndicator", summary = "Add an indicator",
            description = "Baseline, target and direction: INCREASE needs a target above the baseline, DECREASE below.")
    @APIResponse(responseCode = "201", description = "The indicator",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    public Response addIndicator(@PathParam("org") String org, @PathParam("id") String id,
                                 @Valid @NotNull(message = "a JSON object is required") CreateIndicatorRequest request, @Context UriInfo uriInfo) {
        IndicatorView created = indicators.addIndicator(org, id(id), request);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/organizations/{org}/indicators/{id}").build(org, created.id());
        return Response.created(location).entity(created).build();
    }

    private static Response answer(Tagged<GoalView> goal) {
        return Response.ok(goal.value()).header("ETag", goal.etag()).build();
    }

    static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no goal or indicator '" + value + "'");
        }
    }

    @Schema(name = "GoalPage")
    record GoalPage(List<GoalView> items, int page, int size, long total) {
    }
}
