package org.waarom.api.organization.rest;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations",
        description = "The organisations on the platform, under which everything else lives. Platform admins create them; organisation admins set their "
                + "name, languages and which reads are public.")
public class OrganizationResource {

    /** The list's schema for the OpenAPI document (generic records are erased). */
    @Schema(name = "OrganizationPage")
    record OrganizationPage(java.util.List<OrganizationView> items, int page, int size, long total) {
    }

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final OrganizationService organizations;
    private final CurrentActor actor;

    OrganizationResource(OrganizationService organizations, CurrentActor actor) {
        this.organizations = organizations;
        this.actor = actor;
    }

    @POST
    @Requires(Permission.ORGANIZATION_CREATE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrganization", summary = "Create an organisation",
            description = "Creates the organisation with its four (still empty) elements.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public Response create(@Valid @NotNull(message = "a JSON object is required") CreateOrganizationRequest request, @Context UriInfo uriInfo) {
        Tagged<OrganizationView> created = organizations.create(request);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/organizations/{org}").build(created.value().slug());
        return Response.created(location).header("ETag", created.etag()).entity(created.value()).build();
    }

    @GET
    @Requires(Permission.ORGANIZATION_LIST)
    @Operation(operationId = "listOrganizations", summary = "List organisations",
            description = "The organisations the caller has a role in (all of them for the platform roles), paginated, by slug.")
    @APIResponse(responseCode = "200", description = "A page of organisations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationPage.class)))
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return organizations.list(actor.caller().orElseThrow(), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Requires(Permission.ORGANIZATION_READ)
    @Path("/{org}")
    @Operation(operationId = "getOrganization", summary = "Read an organisation",
            description = "Its name, languages and public reads; the ETag is what PATCH takes as If-Match.")
    @APIResponse(responseCode = "200", description = "The organisation, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get(@PathParam("org") String org, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Tagged<OrganizationView> organization = organizations.get(org);
        return EntityTags.conditionalRead(organization.value(), organization.etag(), ifNoneMatch);
    }

    @PATCH
    @Requires(Permission.ORGANIZATION_UPDATE)
    @Path("/{org}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateOrganization", summary = "Change an organisation",
            description = "Name, languages and public reads; the slug never changes. Needs If-Match. "
                    + "`publicReads` opens reads to everyone, without credentials, for the organisation's website: `mission` and `vision` (the current "
                    + "statement, GET …/elements/mission and …/elements/vision), `values` (GET …/values/current) and `document` (GET …/document). "
                    + "Nothing else can be opened. Public answers carry `Cache-Control: public, max-age=300` and `Access-Control-Allow-Origin: *`.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is in the ETag header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public Response update(@PathParam("org") String org, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull(message = "a JSON object is required") UpdateOrganizationRequest request) {
        Tagged<OrganizationView> updated = organizations.update(org, ifMatch, request);
        return Response.ok(updated.value()).header("ETag", updated.etag()).build();
    }
}
