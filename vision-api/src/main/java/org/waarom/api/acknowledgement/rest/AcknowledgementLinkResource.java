package org.waarom.api.acknowledgement.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.acknowledgement.service.AcknowledgementLinkService;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.rest.ElementPaths;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.util.List;

/**
 * Personal acknowledgement links (docs/participation.md#the-acknowledgement-page): an admin or an HR system's admin key asks
 * for one link per person for an adopted version; each leads to a page where that person reads the text and presses
 * "I have read this".
 */
@Path("/api/v1/organizations/{org}/elements/{type}/versions/{n}/acknowledgement-links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Acknowledgements")
public class AcknowledgementLinkResource {

    private static final String CREATE_EXAMPLE = """
            {"people": [{"person": "hr-1001", "name": "An Peeters", "language": "nl"},
                        {"person": "hr-1002", "name": "Claire Dubois", "language": "fr"},
                        {"person": "hr-1003", "name": "Jonas Maes"}]}""";

    private final AcknowledgementLinkService links;

    AcknowledgementLinkResource(AcknowledgementLinkService links) {
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACKNOWLEDGEMENT_MANAGE)
    @Operation(operationId = "createAcknowledgementLinks", summary = "Make personal acknowledgement links",
            description = "Admins (e.g. an HR system's admin key), as for acknowledging on someone's behalf: one link per person "
                    + "(external id, name, optional language), up to " + CreateAcknowledgementLinksRequest.MAX_PEOPLE + " in one request, "
                    + "for the adopted version (409 for any other status). The answer holds every token and `link`, this once only (only hashes "
                    + "are kept); asking again for a person makes them a new link and leaves the old one working until it is revoked. "
                    + "The link opens a page (/pages/{org}/acknowledgement?token=…) with the text in effect in the person's language and one "
                    + "button \"I have read this\", which records the acknowledgement for the person as this API does for an admin naming them "
                    + "(once per acknowledgement basis). A link keeps working while the version in effect shares its `acknowledgementBasis`: "
                    + "a significant new version ends it (the page then says so), as does revoking it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateAcknowledgementLinksRequest.class),
            examples = @ExampleObject(name = "three people", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The links, in the order of the people, with their tokens shown once",
            headers = @Header(name = "Location", description = "The version's acknowledgement links", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedLinks.class)))
    public Response create(@PathParam("org") String org,
                           @PathParam("type") @Parameter(schema = @Schema(enumeration = {"mission", "vision", "values", "strategy"})) String type,
                           @PathParam("n") String n,
                           @Valid @NotNull(message = "a JSON object is required") CreateAcknowledgementLinksRequest request, @Context UriInfo uriInfo) {
        ElementType element = ElementPaths.type(type);
        int number = ElementPaths.number(n);
        List<AcknowledgementLinkView> created = links.create(org, element, number, request).stream()
                .map(link -> link.withLink(uriInfo.getBaseUriBuilder().path("/pages/{org}/acknowledgement")
                        .queryParam(AcceptsToken.QUERY_PARAMETER, link.token()).build(org).toString()))
                .toList();
        URI location = uriInfo.getBaseUriBuilder().path(AcknowledgementLinkResource.class).build(org, element.path(), number);
        return Response.created(location).entity(new CreatedLinks(created)).build();
    }

    @GET
    @Requires(Permission.ACKNOWLEDGEMENT_MANAGE)
    @Operation(operationId = "listAcknowledgementLinks", summary = "List a version's acknowledgement links",
            description = "Admins: those not revoked, in the order they were made, never with their tokens.")
    @APIResponse(responseCode = "200", description = "A page of links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkPage.class)))
    public Response list(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return links.list(org, ElementPaths.type(type), ElementPaths.number(n), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.ACKNOWLEDGEMENT_MANAGE)
    @Operation(operationId = "revokeAcknowledgementLink", summary = "Revoke an acknowledgement link",
            description = "Admins: its page says the link does not work from now on; an acknowledgement given through it stays.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n, @PathParam("id") String id) {
        long linkId;
        try {
            linkId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no acknowledgement link '" + id + "'");
        }
        links.revoke(org, ElementPaths.type(type), ElementPaths.number(n), linkId);
    }

    /** The answer to a creation: every link, with its token and address. */
    @Schema(name = "CreatedAcknowledgementLinks")
    public record CreatedLinks(List<AcknowledgementLinkView> items) {
    }

    /** The list's schema for the OpenAPI document. */
    @Schema(name = "AcknowledgementLinkPage")
    record LinkPage(List<AcknowledgementLinkView> items, int page, int size, long total) {
    }
}
