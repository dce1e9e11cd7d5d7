package org.waarom.api.element.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.service.TranslationService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

/** Translations of a version into the organisation's other languages (docs/api-guide.md#translations-and-languages). */
@Path("/api/v1/organizations/{org}/elements/{type}/versions/{n}/translations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Elements") // described once, on ElementResource
public class TranslationResource {

    private static final String EXAMPLE = "{\"status\": \"APPROVED\", \"content\": {\"items\": [{\"key\": \"respect\", \"title\": \"Respect\", "
            + "\"description\": \"Nous partons de ce que la personne veut.\", \"behaviours\": [\"Nous demandons avant d'agir.\"]}]}}";

    private final TranslationService translations;

    TranslationResource(TranslationService translations) {
        this.translations = translations;
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @Operation(operationId = "listTranslations", summary = "A version's translations",
            description = "Per language: status, last change and whether it is complete (a draft whose "
                    + "item keys changed after translating makes it incomplete; incomplete translations are not served). `missing` lists the "
                    + "organisation's languages without a translation.")
    @APIResponse(responseCode = "200", description = "The translations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationList.class)))
    public TranslationList list(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n) {
        return translations.list(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.STANDARD);
    }

    @GET
    @Path("/{lang}")
    @Requires(Permission.ELEMENT_READ)
    @Operation(operationId = "getTranslation", summary = "Read a translation", description = "Whatever its status, with its ETag (for If-Match on a change).")
    @APIResponse(responseCode = "200", description = "The translation",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                        @PathParam("lang") @Parameter(example = "fr") String lang, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Tagged<TranslationView> translation = translations.get(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.STANDARD, lang);
        return EntityTags.conditionalRead(translation.value(), translation.etag(), ifNoneMatch);
    }

    @PUT
    @Path("/{lang}")
    @Requires(Permission.VERSION_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putTranslation", summary = "Write a translation",
            description = "Creates (201) or replaces (200) the version's translation in `lang`, one of the "
                    + "organisation's languages other than its default (400 otherwise). The content has the version's shape: a statement exactly when "
                    + "the version has one, and exactly the version's item keys (400 naming the missing and unknown keys). Allowed on drafts and on "
                    + "adopted versions alike (it never changes the version's own text), not on withdrawn ones (409). Replacing needs If-Match with "
                    + "the translation's ETag (428 without, 412 when stale); creating takes none. Only APPROVED translations are served to readers.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationRequest.class),
            examples = @ExampleObject(name = "values in French", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class)))
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag is in the ETag header",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class)))
    public Response write(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                          @PathParam("lang") @Parameter(example = "fr") String lang, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull(message = "a JSON object is required") TranslationRequest request, @Context UriInfo uriInfo) {
        TranslationService.Written written = translations.write(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.STANDARD, lang, ifMatch,
                request);
        Tagged<TranslationView> translation = written.translation();
        Response.ResponseBuilder answer = written.created() ? Response.created(uriInfo.getAbsolutePath()) : Response.ok();
        return answer.header("ETag", translation.etag()).entity(translation.value()).build();
    }

    @DELETE
    @Path("/{lang}")
    @Requires(Permission.VERSION_WRITE)
    @Operation(operationId = "deleteTranslation", summary = "Delete a translation",
            description = "Readers of that language get the default language again. Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                           @PathParam("lang") @Parameter(example = "fr") String lang, @HeaderParam("If-Match") String ifMatch) {
        translations.delete(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.STANDARD, lang, ifMatch);
        return Response.noContent().build();
    }
}
