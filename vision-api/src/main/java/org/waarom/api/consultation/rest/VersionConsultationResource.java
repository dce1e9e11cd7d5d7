package org.waarom.api.consultation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.http.QueryParams;
import org.waarom.api.consultation.service.ConsultationService;
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.element.rest.ElementPaths;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;

/**
 * Opening a consultation round on a draft, and the rounds held on a version
 * (docs/api-guide.md#consultation-rounds-drafting-the-text-together).
 */
@Path("/api/v1/organizations/{org}/elements/{type}/versions/{n}/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultations") // described once, on ConsultationResource
public class VersionConsultationResource {

    private final ConsultationService consultations;

    VersionConsultationResource(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CONSULTATION_MANAGE)
    @Operation(operationId = "openConsultation", summary = "Open a consultation round on a draft",
            description = "Asks `audience` the `question` until `deadline` (in the future). Only a draft can be consulted on (409 otherwise); "
                    + "it becomes IN_CONSULTATION and cannot be edited, withdrawn or adopted until the round closes, by hand "
                    + "(…/consultations/{id}/close) or at its deadline, after which it is a DRAFT again. One open round per version. "
                    + "Needs If-Match with the version's ETag, as every change of a version: the round asks about the text you read.")
    @APIResponse(responseCode = "201", description = "The open round",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    public Response open(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                         @HeaderParam("If-Match") String ifMatch,
                         @Valid @NotNull(message = "a JSON object is required") OpenConsultationRequest request, @Context UriInfo uriInfo) {
        ConsultationView opened = consultations.open(org, ElementPaths.type(type), ElementPaths.number(n), ifMatch, request);
        URI location = uriInfo.getBaseUriBuilder().path(ConsultationResource.class).path("{id}").build(org, opened.id());
        return Response.created(location).entity(opened).build();
    }

    @GET
    @Requires(Permission.CONSULTATION_READ)
    @Operation(operationId = "listVersionConsultations", summary = "The rounds held on a version",
            description = "Newest first, each with its summary; optionally only OPEN or CLOSED ones.")
    @APIResponse(responseCode = "200", description = "A page of rounds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationResource.ConsultationPage.class)))
    public Response list(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                         @QueryParam("status") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                 schema = @Schema(enumeration = {"OPEN", "CLOSED"})) String status,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return consultations.list(org, QueryParams.enumOf("status", status, ConsultationStatus.class), ElementPaths.type(type), ElementPaths.number(n),
                PageRequest.parse(page, size)).toResponse(uriInfo);
    }
}
