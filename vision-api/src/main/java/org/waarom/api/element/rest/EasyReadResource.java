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

/**
 * Easy-read texts of a version (docs/api-guide.md#easy-read-texts): per language, the version's text at language level B1
 * ("makkelijk lezen"). The same resource shape, rules, permissions and service as its translations ({@link TranslationResource}),
 * under their own path: an easy-read text is a text of its own, with its own ETag, in any of the organisation's languages,
 * the default language first of all.
 */
@Path("/api/v1/organizations/{org}/elements/{type}/versions/{n}/easy-read")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Elements") // described once, on ElementResource
public class EasyReadResource {

    private static final String EXAMPLE = "{\"status\": \"APPROVED\", \"content\": {\"items\": [{\"key\": \"respect\", \"title\": \"Respect\", "
            + "\"description\": \"Jij beslist wat je wil. Wij luisteren naar jou.\", \"behaviours\": [\"We vragen het eerst aan jou.\", "
            + "\"We kloppen op je deur.\"]}]}}";
    private static final String VIEW_EXAMPLE = "{\"element\": \"values\", \"version\": 3, \"variant\": \"easy-read\", \"language\": \"nl\", "
            + "\"status\": \"APPROVED\", \"content\": {\"statement\": null, \"items\": [{\"key\": \"respect\", \"title\": \"Respect\", "
            + "\"description\": \"Jij beslist wat je wil. Wij luisteren naar jou.\", \"behaviours\": [\"We vragen het eerst aan jou.\", "
            + "\"We kloppen op je deur.\"]}]}, \"complete\": true, \"createdBy\": \"redactie@zorg-a.be\", \"createdAt\": \"2026-03-04T10:00:00Z\", "
            + "\"updatedBy\": \"redactie@zorg-a.be\", \"updatedAt\": \"2026-03-04T10:00:00Z\"}";
    private static final String LIST_EXAMPLE = "{\"element\": \"values\", \"version\": 3, \"variant\": \"easy-read\", \"defaultLanguage\": \"nl\", "
            + "\"items\": [{\"language\": \"nl\", \"status\": \"APPROVED\", \"updatedAt\": \"2026-03-04T10:00:00Z\", \"updatedBy\": \"redactie@zorg-a.be\", "
            + "\"complete\": true}], \"missing\": [\"fr\", \"en\"]}";

    private final TranslationService texts;

    EasyReadResource(TranslationService texts) {
        this.texts = texts;
    }

    @GET
    @Requires(Permission.ELEMENT_READ)
    @Operation(operationId = "listEasyReadTexts", summary = "A version's easy-read texts",
            description = "Per language: status, last change and whether it is complete (a draft whose item keys changed after writing "
                    + "makes it incomplete; incomplete texts are not served). `missing` lists the organisation's languages without one.")
    @APIResponse(responseCode = "200", description = "The easy-read texts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationList.class),
                    examples = @ExampleObject(name = "values", value = LIST_EXAMPLE)))
    public TranslationList list(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n) {
        return texts.list(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.EASY_READ);
    }

    @GET
    @Path("/{lang}")
    @Requires(Permission.ELEMENT_READ)
    @Operation(operationId = "getEasyReadText", summary = "Read an easy-read text",
            description = "Whatever its status, with its ETag (for If-Match on a change). Readers of the version get it with `?variant=easy-read`.")
    @APIResponse(responseCode = "200", description = "The easy-read text",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class),
                    examples = @ExampleObject(name = "values in easy Dutch", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                        @PathParam("lang") @Parameter(example = "nl") String lang, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Tagged<TranslationView> text = texts.get(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.EASY_READ, lang);
        return EntityTags.conditionalRead(text.value(), text.etag(), ifNoneMatch);
    }

    @PUT
    @Path("/{lang}")
    @Requires(Permission.VERSION_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putEasyReadText", summary = "Write an easy-read text",
            description = "Creates (201) or replaces (200) the version's easy-read text in `lang`: its text at language level B1 (\"makkelijk "
                    + "lezen\"), for clients and anyone who reads better in plain words. `lang` is one of the organisation's languages, the "
                    + "default included (400 otherwise). The content has the version's shape, exactly as a translation's: a statement exactly "
                    + "when the version has one, and exactly the version's item keys (400 naming the missing and unknown keys; nothing is "
                    + "stored). Allowed on drafts and on adopted versions alike (it never changes the version's own text), not on withdrawn "
                    + "ones (409). Replacing needs If-Match with the text's ETag (428 without, 412 when stale); creating takes none. Only "
                    + "APPROVED texts are served, to reads that ask for `?variant=easy-read` and to the pages for clients.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationRequest.class),
            examples = @ExampleObject(name = "values in easy Dutch", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class),
                    examples = @ExampleObject(name = "values in easy Dutch", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; the new ETag is in the ETag header",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranslationView.class),
                    examples = @ExampleObject(name = "values in easy Dutch", value = VIEW_EXAMPLE)))
    public Response write(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                          @PathParam("lang") @Parameter(example = "nl") String lang, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull(message = "a JSON object is required") TranslationRequest request, @Context UriInfo uriInfo) {
        TranslationService.Written written = texts.write(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.EASY_READ, lang, ifMatch,
                request);
        Tagged<TranslationView> text = written.translation();
        Response.ResponseBuilder answer = written.created() ? Response.created(uriInfo.getAbsolutePath()) : Response.ok();
        return answer.header("ETag", text.etag()).entity(text.value()).build();
    }

    @DELETE
    @Path("/{lang}")
    @Requires(Permission.VERSION_WRITE)
    @Operation(operationId = "deleteEasyReadText", summary = "Delete an easy-read text",
            description = "Readers who ask for easy-read in that language get the standard text again. Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("org") String org, @PathParam("type") String type, @PathParam("n") String n,
                           @PathParam("lang") @Parameter(example = "nl") String lang, @HeaderParam("If-Match") String ifMatch) {
        texts.delete(org, ElementPaths.type(type), ElementPaths.number(n), TextVariant.EASY_READ, lang, ifMatch);
        return Response.noContent().build();
    }
}
