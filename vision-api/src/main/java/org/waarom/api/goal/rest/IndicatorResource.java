package org.waarom.api.goal.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.goal.service.IndicatorService;
import org.waarom.api.organization.rest.OrganizationResource;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

/** Measurements and target revisions of an organisation's indicators. */
@Path("/api/v1/organizations/{org}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Goals") // described once, on GoalResource
public class IndicatorResource {

    private final IndicatorService indicators;

    IndicatorResource(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @POST
    @Path("/{id}/measurements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "recordMeasurement", summary = "Record a measurement",
            description = "The latest measurement by date counts. When every indicator of an operational goal meets its target, the goal is reached "
                    + "(and its strategic goal when all its operational goals are).")
    @APIResponse(responseCode = "201", description = "The indicator with its latest value and progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    public Response measure(@PathParam("org") String org, @PathParam("id") String id,
                            @Valid @NotNull(message = "a JSON object is required") MeasurementRequest request) {
        return Response.status(Response.Status.CREATED).entity(indicators.measure(org, GoalResource.id(id), request)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({OrganizationResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Requires(Permission.GOAL_WRITE)
    @Operation(operationId = "reviseIndicatorTarget", summary = "Revise an indicator's target",
            description = "The old target stays in the target history with the reason.")
    @APIResponse(responseCode = "200", description = "The indicator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    public IndicatorView reviseTarget(@PathParam("org") String org, @PathParam("id") String id,
                                      @Valid @NotNull(message = "a JSON object is required") ReviseTargetRequest request) {
        return indicators.reviseTarget(org, GoalResource.id(id), request);
    }
}
