package org.waarom.api.reference.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.reference.ReferenceKind;
import org.waarom.api.reference.service.ReferenceService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * References, "how does this fit our vision?"
 * (docs/api-guide.md#acknowledgements-and-references-using-the-vision): work that cites the statements,
 * queryable per element and item.
 */
@Path("/api/v1/organizations/{org}/references")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "References",
        description = "Case discussions, complaints, policy and team-meeting decisions that cite the elements: \"how does this fit our vision?\". "
                + "Everyone who takes part in the work records them; everyone in the organisation queries them per element and item.")
public class ReferenceResource {

    private static final String CITES = "Each cite names an element (its statement) or an item of it, and is recorded against the version in "
            + "effect on the reference's `date` (at the end of that day, UTC; now for today): an element not adopted then, or an item that version "
            + "lacks, is 400 naming the cite. A date in the future is 400.";

    private final ReferenceService references;

    ReferenceResource(ReferenceService references) {
        this.references = references;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REFERENCE_WRITE)
    @Operation(operationId = "createReference", summary = "Record a reference",
            description = "A case discussion, complaint, policy decision or team-meeting decision, with a "
                    + "rationale and what it cites. " + CITES)
    @APIResponse(responseCode = "201", description = "The reference, with the cited texts as they were on its date",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceView.class)))
    public Response record(@PathParam("org") String org, @Valid @NotNull(message = "a JSON object is required") ReferenceRequest request,
                           @Context UriInfo uriInfo) {
        Tagged<ReferenceView> created = references.record(org, request);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/organizations/{org}/references/{id}").build(org, created.value().id());
        return Response.created(location).header("ETag", created.etag()).entity(created.value()).build();
    }

    @GET
    @Requires(Permission.REFERENCE_READ)
    @Operation(operationId = "listReferences", summary = "List references",
            description = "Newest date first. `element` (and `item`) — \"which decisions cite value respect?\" is "
                    + "`?element=values&item=respect` —, `kind`, and `from`/`to` (dates, both inclusive). Each cite reads with the text as it was then and a "
                    + "`warning` when the cited item no longer exists in the version in effect now.")
    @APIResponse(responseCode = "200", description = "A page of references",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferencePage.class)))
    public Response list(@PathParam("org") String org,
                         @QueryParam("element") @Parameter(schema = @Schema(enumeration = {"mission", "vision", "values", "strategy"})) String element,
                         @QueryParam("item") @Parameter(description = "An item key; needs `element`", example = "respect") String item,
                         @QueryParam("kind") @Parameter(schema = @Schema(enumeration = {"CASE_DISCUSSION", "COMPLAINT", "POLICY_DECISION", "TEAM_MEETING"})) String kind,
                         @QueryParam("from") @Parameter(description = "Earliest date (inclusive)", example = "2026-01-01") String from,
                         @QueryParam("to") @Parameter(description = "Latest date (inclusive)", example = "2026-12-31") String to,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return references.list(org, filter(element, item, kind, from, to), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.REFERENCE_READ)
    @Operation(operationId = "getReference", summary = "Read a reference",
            description = "With its cites as they were on its date, and warnings for cited items that are gone now.")
    @APIResponse(responseCode = "200", description = "The reference",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get(@PathParam("org") String org, @PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Tagged<ReferenceView> reference = references.get(org, id(id));
        return EntityTags.conditionalRead(reference.value(), reference.etag(), ifNoneMatch);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REFERENCE_WRITE)
    @Operation(operationId = "updateReference", summary = "Change a reference",
            description = "Its author or an admin (403 for anyone else); replaces everything, needs If-Match. " + CITES)
    @APIResponse(responseCode = "200", description = "The changed reference, with its new ETag",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceView.class)))
    public Response update(@PathParam("org") String org, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull(message = "a JSON object is required") ReferenceRequest request) {
        Tagged<ReferenceView> updated = references.update(org, id(id), ifMatch, request);
        return Response.ok(updated.value()).header("ETag", updated.etag()).build();
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.REFERENCE_WRITE)
    @Operation(operationId = "deleteReference", summary = "Delete a reference", description = "Its author or an admin (403 for anyone else).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("org") String org, @PathParam("id") String id) {
        references.delete(org, id(id));
        return Response.noContent().build();
    }

    private static ReferenceService.Filter filter(String element, String item, String kind, String from, String to) {
        ElementType type = element == null || element.isBlank() ? null : ElementType.fromPath(element.trim())
                .orElseThrow(() -> new InvalidRequestException("element", "must be one of " + ElementType.allPaths()));
        String key = item == null || item.isBlank() ? null : item.trim();
        if (key != null && type == null) {
            throw new InvalidRequestException("item", "needs element: item keys are unique within an element");
        }
        LocalDate fromDate = QueryParams.date("from", from);
        LocalDate toDate = QueryParams.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidRequestException("The period is empty", List.of(new FieldError("to", "must not be before from")));
        }
        return new ReferenceService.Filter(type, key, QueryParams.enumOf("kind", kind, ReferenceKind.class), fromDate, toDate);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no reference '" + value + "'");
        }
    }

    /** The list's schema for the OpenAPI document (generic records are erased). */
    @Schema(name = "ReferencePage")
    record ReferencePage(List<ReferenceView> items, int page, int size, long total) {
    }
}
