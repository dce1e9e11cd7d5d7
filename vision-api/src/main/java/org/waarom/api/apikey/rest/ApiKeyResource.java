package org.waarom.api.apikey.rest;

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
import org.waarom.api.apikey.service.ApiKeyService;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.util.List;

/**
 * An organisation's API keys. Its own class path: under a shared {@code /api/v1} class path the
 * more specific {@code /api/v1/organizations} of OrganizationResource wins the match and these
 * paths answered 404. Platform keys are in {@link PlatformApiKeyResource}.
 */
@Path("/api/v1/organizations/{org}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys",
        description = "Credentials for integrations: organisation admins manage their organisation's API keys, platform admins the platform's "
                + "(`platform-admin`, `service`). GET /api/v1/me tells any caller who they are and which roles they hold.")
public class ApiKeyResource {

    private final ApiKeyService apiKeys;

    ApiKeyResource(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.API_KEY_MANAGE)
    @Operation(operationId = "createApiKey", summary = "Create an organisation API key",
            description = "The answer holds the key in `key`, this once only; store it safely. Organisation admins only.")
    @APIResponse(responseCode = "201", description = "The key, shown once",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public Response create(@PathParam("org") String org, @Valid @NotNull(message = "a JSON object is required") CreateApiKeyRequest request,
                           @Context UriInfo uriInfo) {
        return created(apiKeys.create(org, request), uriInfo);
    }

    @GET
    @Requires(Permission.API_KEY_MANAGE)
    @Operation(operationId = "listApiKeys", summary = "List an organisation's API keys",
            description = "Never the keys themselves: name, roles, prefix, created, last used, revoked.")
    @APIResponse(responseCode = "200", description = "A page of keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyPage.class)))
    public Response list(@PathParam("org") String org, @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return apiKeys.list(org, PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.API_KEY_MANAGE)
    @Operation(operationId = "getApiKey", summary = "Read an organisation API key",
            description = "Never the key itself: name, roles, prefix, created, last used, revoked.")
    @APIResponse(responseCode = "200", description = "The key's description",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public ApiKeyView get(@PathParam("org") String org, @PathParam("id") String id) {
        return apiKeys.get(org, keyId(id));
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.API_KEY_MANAGE)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an organisation API key",
            description = "From now on the key answers 401. It stays listed, with revokedAt.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "409", description = "The key is already revoked")
    public void revoke(@PathParam("org") String org, @PathParam("id") String id) {
        apiKeys.revoke(org, keyId(id));
    }

    static Response created(ApiKeyView created, UriInfo uriInfo) {
        return Response.created(URI.create(uriInfo.getRequestUri().getRawPath() + "/" + created.id())).entity(created).build();
    }

    static long keyId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no API key " + id);
        }
    }

    /** The list's schema for the OpenAPI document. */
    @Schema(name = "ApiKeyPage")
    record ApiKeyPage(List<ApiKeyView> items, int page, int size, long total) {
    }
}
