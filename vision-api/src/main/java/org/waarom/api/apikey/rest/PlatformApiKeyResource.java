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
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import static org.waarom.api.apikey.rest.ApiKeyResource.created;
import static org.waarom.api.apikey.rest.ApiKeyResource.keyId;

/** The platform's API keys ({@code platform-admin}, {@code service}); platform admins only. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys") // described once, on ApiKeyResource
public class PlatformApiKeyResource {

    private final ApiKeyService apiKeys;

    PlatformApiKeyResource(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.PLATFORM_API_KEY_MANAGE)
    @Operation(operationId = "createPlatformApiKey", summary = "Create a platform API key",
            description = "Roles platform-admin or service (the review-scheduler). The key is shown this once. Platform admins only.")
    @APIResponse(responseCode = "201", description = "The key, shown once",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public Response create(@Valid @NotNull(message = "a JSON object is required") CreateApiKeyRequest request, @Context UriInfo uriInfo) {
        return created(apiKeys.create(null, request), uriInfo);
    }

    @GET
    @Requires(Permission.PLATFORM_API_KEY_MANAGE)
    @Operation(operationId = "listPlatformApiKeys", summary = "List platform API keys",
            description = "Keys that act across organisations (platform-admin, service), oldest first; the key itself is never shown again.")
    @APIResponse(responseCode = "200", description = "A page of keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyResource.ApiKeyPage.class)))
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return apiKeys.list(null, PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.PLATFORM_API_KEY_MANAGE)
    @Operation(operationId = "getPlatformApiKey", summary = "Read a platform API key", description = "Never the key itself.")
    @APIResponse(responseCode = "200", description = "The key's description",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class)))
    public ApiKeyView get(@PathParam("id") String id) {
        return apiKeys.get(null, keyId(id));
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.PLATFORM_API_KEY_MANAGE)
    @Operation(operationId = "revokePlatformApiKey", summary = "Revoke a platform API key",
            description = "The key stops working at once; revoking it again is a conflict.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "409", description = "The key is already revoked")
    public void revoke(@PathParam("id") String id) {
        apiKeys.revoke(null, keyId(id));
    }
}
