package org.waarom.api.element.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.cache.ConditionalReads;
import org.waarom.api.common.cache.ReadCache;
import org.waarom.api.common.cache.ReadRequest;
import org.waarom.api.common.cache.Representation;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.service.VersionDiff;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.PublicRead;
import org.waarom.api.security.PublicWhen;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** An organisation's four elements and their versions (docs/api-guide.md#elements-and-versions). */
@Path("/api/v1/organizations/{org}/elements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Elements",
        description = "The four elements (mission, vision, values and strategy) and their versions: drafting, adopting, withdrawing and restoring them, "
                + "their history, diffs and translations. Editors draft, approvers adopt, and everyone in the organisation (and systems such as HR, "
                + "with …/values/current) reads what is in effect.")
public class ElementResource {

    private static final String VERSION_PATH = "api/v1/organizations/{org}/elements/{type}/versions/{n}";

    /** How the reads that negotiate a language work; shared by the OpenAPI descriptions. */
    static final String NEGOTIATED = "The language comes from `?lang=` or else `Accept-Language` (quality values, `fr-BE` → `fr`, `*`); only an "
            + "APPROVED, complete translation in one of the organisation's languages is served, otherwise the default language (the version's own "
            + "text). `language` in the body and Content-Language say which. `?variant=easy-read` asks for the easy-read text (language level "
            + "B1) in that language; without an approved one the standard text is served, and `variant` in the body and the Waarom-Variant "
            + "header say which. Poll cheaply with If-None-Match (or If-Modified-Since): 304 while nothing changed.";
    static final String ETAG = "Strong; differs per language and text variant (and per media type where there are several), changes with every "
            + "change of what is served";
    static final String VARIANT = "The text served: standard or easy-read";
    static final String LAST_MODIFIED = "When what is served last changed (rounded up to the second); sent once that second has passed";

    private final VersionService versions;
    private final ConditionalReads reads;
    private final ReadCache cache;

    ElementResource(VersionService versions, ConditionalReads reads, ReadCache cache) {
        this.versions = versions;
        this.reads = reads;
        this.cache = cache;
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @Operation(operationId = "listElements", summary = "The four elements at a glance",
            description = "Per element: the version in effect, the open version and how many there are.")
    public List<ElementSummary> elements(@PathParam("org") String org) {
        return versions.elements(org);
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @PublicWhen(value = {PublicRead.MISSION, PublicRead.VISION}, namedBy = "type", unlessQuery = "asOf")
    @Path("/{type}")
    @Operation(operationId = "getCurrentVersion", summary = "The version in effect",
            description = "Now, or at `asOf` (a date, meaning the start of that day UTC, or an instant). 404 before the first adoption. "
                    + NEGOTIATED + "\n\n**Public read**: `mission` and `vision` answer without credentials when the organisation has made that element "
                    + "public (`publicReads` on the organisation), for what is in effect now (with `asOf`, credentials are needed); then with "
                    + "`Cache-Control: public, max-age=300` and `Access-Control-Allow-Origin: *`. Otherwise, and for an organisation that does not "
                    + "exist, a request without credentials is 401.",
            extensions = @Extension(name = "x-public-read", value = "mission, vision"))
    @APIResponse(responseCode = "200", description = "The version in effect, in the negotiated language",
            headers = {@Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = LAST_MODIFIED, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", description = "The language served", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Waarom-Variant", description = VARIANT, schema = @Schema(type = SchemaType.STRING, enumeration = {"standard", "easy-read"})),
                    @Header(name = "Vary", description = "Accept, Accept-Language", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "private, no-cache: keep it, but revalidate before use (public, max-age=300 on a public read)",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag (or, without If-None-Match, nothing changed since If-Modified-Since)")
    public CompletionStage<Response> current(@PathParam("org") String org, @PathParam("type") @Parameter(schema = @Schema(enumeration = {"mission", "vision", "values", "strategy"})) String type,
                            @QueryParam("asOf") @Parameter(description = "2024-05-01 or 2024-05-01T12:00:00Z") String asOf,
                            @BeanParam ReadRequest read) {
        ElementType elementType = ElementPaths.type(type);
        Instant at = ElementPaths.asOf(asOf);
        LanguageNegotiation language = read.language();
        TextVariant variant = TextVariant.of(read.variant());
        if (at != null) {
            // A look into the past is not what pollers do: read it as it is, on a worker thread.
            return ReadCache.blocking(() -> reads.respond(versions.current(org, elementType, at, language, variant), MediaType.APPLICATION_JSON, read))
                    .subscribeAsCompletionStage();
        }
        // Runs on the event loop: a cached answer is served without a worker thread (see ReadCache); a new one is built on one.
        return cache.read(org, ElementPaths.cached("elements/" + elementType.path(), variant), "json", language, () -> {
            Representation<VersionView> inEffect = versions.current(org, elementType, null, language, variant);
            return cache.json(inEffect, inEffect.value().effectiveTo());
        }).thenApply(current -> reads.respond(current, MediaType.APPLICATION_JSON, read));
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @Path("/{type}/versions")
    @Operation(operationId = "listVersions", summary = "Version history", description = "All versions, newest first, paginated.")
    @APIResponse(responseCode = "200", description = "A page of versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionPage.class)))
    public Response history(@PathParam("org") String org, @PathParam("type") String type,
                            @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return versions.history(org, ElementPaths.type(type), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @POST
    @Requires(Permission.VERSION_WRITE)
    @Path("/{type}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createVersion", summary = "Start a new draft", description = "409 while another version of the element is open.")
    @APIResponse(responseCode = "201", description = "The new draft",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    public Response create(@PathParam("org") String org, @PathParam("type") String type,
                           @Valid @NotNull(message = "a JSON object is required") VersionRequest request, @Context UriInfo uriInfo) {
        return created(org, versions.create(org, ElementPaths.type(type), request), uriInfo);
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @Path("/{type}/versions/{n}")
    @Operation(operationId = "getVersion", summary = "Read a version",
            description = NEGOTIATED + " The ETag of the default-language representation is the one to send in If-Match; "
                    + "that of a translated representation is accepted too.")
    @APIResponse(responseCode = "200", description = "The version, in the negotiated language",
            headers = {@Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = LAST_MODIFIED, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", description = "The language served", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Waarom-Variant", description = VARIANT, schema = @Schema(type = SchemaType.STRING, enumeration = {"standard", "easy-read"})),
                    @Header(name = "Vary", description = "Accept, Accept-Language", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "private, no-cache: keep it, but revalidate before use", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag (or, without If-None-Match, nothing changed since If-Modified-Since)")
    public Response get(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n, @BeanParam ReadRequest read) {
        ElementType elementType = ElementPaths.type(type);
        int number = ElementPaths.number(n);
        return reads.respond(versions.get(org, elementType, number, read.language(), TextVariant.of(read.variant())), MediaType.APPLICATION_JSON, read);
    }

    @PUT
    @Requires(Permission.VERSION_WRITE)
    @Path("/{type}/versions/{n}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateVersion", summary = "Edit a draft",
            description = "Replaces content and change reason. Needs If-Match; only drafts can be edited (409 otherwise).")
    @APIResponse(responseCode = "200", description = "The edited draft; the new ETag is in the ETag header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    public Response update(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                           @HeaderParam("If-Match") String ifMatch, @Valid @NotNull(message = "a JSON object is required") VersionRequest request) {
        Tagged<VersionView> updated = versions.update(org, ElementPaths.type(type), ElementPaths.number(n), ifMatch, request);
        return Response.ok(updated.value()).header("ETag", updated.etag()).build();
    }

    @DELETE
    @Requires(Permission.VERSION_WRITE)
    @Path("/{type}/versions/{n}")
    @Operation(operationId = "withdrawVersion", summary = "Withdraw an open version",
            description = "The version stays in the history as WITHDRAWN. Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    public Response withdraw(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                             @HeaderParam("If-Match") String ifMatch) {
        versions.withdraw(org, ElementPaths.type(type), ElementPaths.number(n), ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.VERSION_ADOPT)
    @Path("/{type}/versions/{n}/adopt")
    @Operation(operationId = "adoptVersion", summary = "Adopt a version",
            description = "The open version becomes ADOPTED; the one it replaces SUPERSEDED with effectiveTo. Needs If-Match; the body is optional. "
                    + "`significantChange: true` asks everyone to acknowledge the new version again; "
                    + "otherwise acknowledgements of the versions before count for it.")
    @APIResponse(responseCode = "200", description = "The adopted version, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    public Response adopt(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                          @HeaderParam("If-Match") String ifMatch, AdoptRequest request) {
        Tagged<VersionView> adopted = versions.adopt(org, ElementPaths.type(type), ElementPaths.number(n), ifMatch, request);
        return Response.ok(adopted.value()).header("ETag", adopted.etag()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.VERSION_WRITE)
    @Path("/{type}/versions/{n}/restore")
    @Operation(operationId = "restoreVersion", summary = "Restore a version as a new draft",
            description = "History is never rewritten: the content of version n becomes a new draft based on n. The body is optional.")
    @APIResponse(responseCode = "201", description = "The new draft",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    public Response restore(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                            @Valid RestoreRequest request, @Context UriInfo uriInfo) {
        return created(org, versions.restore(org, ElementPaths.type(type), ElementPaths.number(n), request), uriInfo);
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @Path("/{type}/versions/{n}/diff")
    @Operation(operationId = "diffVersions", summary = "What changed",
            description = "From version `against` (default: the version n was based on, else n − 1) to version n: "
                    + "items by key, field by field, and a word diff of the statement.")
    @APIResponse(responseCode = "200", description = "The diff",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionDiff.class)))
    public VersionDiff diff(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                            @QueryParam("against") String against) {
        return versions.diff(org, ElementPaths.type(type), ElementPaths.number(n), ElementPaths.optionalNumber("against", against));
    }

    private static Response created(String org, Tagged<VersionView> version, UriInfo uriInfo) {
        URI location = uriInfo.getBaseUriBuilder().path(VERSION_PATH).build(org, version.value().element(), version.value().version());
        return Response.created(location).header("ETag", version.etag()).entity(version.value()).build();
    }

    /** The list's schema for the OpenAPI document (generic records are erased). */
    @Schema(name = "VersionPage")
    record VersionPage(List<VersionView> items, int page, int size, long total) {
    }
}
