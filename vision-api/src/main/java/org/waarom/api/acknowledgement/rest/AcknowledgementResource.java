package org.waarom.api.acknowledgement.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.waarom.api.acknowledgement.service.AcknowledgementService;
import org.waarom.api.element.rest.ElementPaths;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;

/**
 * Acknowledgements of adopted versions (docs/api-guide.md#acknowledgements-and-references-using-the-vision):
 * employees confirm they read them; admins see who has and has not.
 */
@Path("/api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Acknowledgements",
        description = "Confirmations that people read an adopted version. Every employee acknowledges for themselves; admins (e.g. an HR system's key) "
                + "see who has and who has not.")
public class AcknowledgementResource {

    private static final String PATH = "api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgements";
    private static final String BASIS = "A new version asks for acknowledgement again only when it was adopted as a significant change "
            + "(`significantChange` in the adopt body): versions with the same `acknowledgementBasis` share their acknowledgements.";

    private final AcknowledgementService acknowledgements;

    AcknowledgementResource(AcknowledgementService acknowledgements) {
        this.acknowledgements = acknowledgements;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACKNOWLEDGEMENT_RECORD)
    @Operation(operationId = "acknowledgeVersion", summary = "Acknowledge a version",
            description = "The caller confirms they read the adopted version (409 for any other status). "
                    + "Once per person and version: 201 the first time, 200 with the existing acknowledgement after that (also for requests at the same time). "
                    + "The person is the caller's token subject; an admin (e.g. an HR system's admin key) names the person by external id in `person`, "
                    + "which an API key must do (400 otherwise), and anyone else naming another person gets 403. The body is optional. " + BASIS)
    @APIResponse(responseCode = "201", description = "Acknowledged",
            headers = @Header(name = "Location", description = "The version's acknowledgements", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcknowledgementView.class)))
    @APIResponse(responseCode = "200", description = "The person had acknowledged this version already; their acknowledgement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcknowledgementView.class)))
    public Response acknowledge(@PathParam("org") String org, @PathParam("type") @Parameter(schema = @Schema(enumeration = {"mission", "vision", "values", "strategy"})) String type,
                                @PathParam("n") String n, @Valid AcknowledgeRequest request, @Context UriInfo uriInfo) {
        AcknowledgementService.Recorded recorded = acknowledgements.acknowledge(org, ElementPaths.type(type), ElementPaths.number(n), request);
        URI location = uriInfo.getBaseUriBuilder().path(PATH).build(org, recorded.acknowledgement().element(), recorded.acknowledgement().version());
        return (recorded.created() ? Response.created(location) : Response.ok().location(location)).entity(recorded.acknowledgement()).build();
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @Operation(operationId = "getAcknowledgementSummary", summary = "How many acknowledged a version",
            description = "Everyone who may read the version sees the count, and their own "
                    + "acknowledgement. " + BASIS + " A version that was never adopted counts none.")
    @APIResponse(responseCode = "200", description = "The count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcknowledgementSummary.class)))
    public AcknowledgementSummary summary(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n) {
        return acknowledgements.summary(org, ElementPaths.type(type), ElementPaths.number(n));
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACKNOWLEDGEMENT_MANAGE)
    @Operation(operationId = "getAcknowledgementStatus", summary = "Who has and has not acknowledged",
            description = "Admins: given the people expected to (e.g. every employee's external id "
                    + "from HR, at most 10000), who acknowledged the version or another with its basis, and who did not. A POST because the list is long; "
                    + "it changes nothing. " + BASIS)
    @APIResponse(responseCode = "200", description = "Who has and who has not",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AcknowledgementStatus.class)))
    public AcknowledgementStatus status(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                                        @Valid @NotNull(message = "a JSON object is required") AcknowledgementStatusRequest request) {
        return acknowledgements.status(org, ElementPaths.type(type), ElementPaths.number(n), request);
    }
}
