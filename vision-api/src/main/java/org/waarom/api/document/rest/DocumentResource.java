package org.waarom.api.document.rest;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.cache.ConditionalReads;
import org.waarom.api.common.cache.ReadCache;
import org.waarom.api.common.cache.ReadRequest;
import org.waarom.api.common.http.ContentNegotiation;
import org.waarom.api.common.problem.Problem;
import org.waarom.api.document.service.DocumentService;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.rest.ElementPaths;
import org.waarom.api.security.Permission;
import org.waarom.api.security.PublicRead;
import org.waarom.api.security.PublicWhen;
import org.waarom.api.security.Requires;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The vision document (docs/intranet.md#the-vision-document): JSON, a printable HTML page or Markdown, in the
 * negotiated language, cheap to poll.
 */
@Path("/api/v1/organizations/{org}/document")
@Tag(name = "Vision document",
        description = "The whole vision of an organisation in one read: the elements in effect and the active goals, as JSON, printable HTML or Markdown, "
                + "in the negotiated language. For intranets, print and websites (without credentials, when the organisation makes it public).")
public class DocumentResource {

    static final String MARKDOWN = "text/markdown";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** What the answers' Content-Type says. */
    static final String HTML_CONTENT_TYPE = "text/html; charset=utf-8";
    static final String MARKDOWN_CONTENT_TYPE = "text/markdown; charset=utf-8";
    /** JSON first: the default for {@code Accept: *}{@code /*} and for no Accept at all. */
    private static final List<MediaType> FORMS = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE, MediaType.valueOf(MARKDOWN));

    private static final String DESCRIPTION = "The mission, vision, values (with their behaviours) and strategy (with its core qualities) in effect "
            + "now, each with its version and `effectiveFrom`, and the active goals (neither reached nor abandoned) with their indicators and "
            + "progress. An element without an adopted version is shown as not adopted yet; an organisation that adopted nothing still gets "
            + "its document.\n\n"
            + "By `Accept`: `application/json` (the default), `text/html` (a printable, self-contained page: no scripts, nothing loaded from "
            + "elsewhere, print style sheet) or `text/markdown`; anything else is 406.\n\n"
            + "Language: the best one `?lang=` or `Accept-Language` accepts among the organisation's default language and the languages into which "
            + "at least one current element has an approved translation (else the default). Each element is in that language where it has an "
            + "approved translation, and in the default language where not (its `language` says which; in HTML its `lang`). Goals are in the "
            + "default language. Content-Language is the document's language.\n\n"
            + "Easy-read: `?variant=easy-read` gives each element as its easy-read text (language level B1, \"makkelijk lezen\") where it has an "
            + "approved one in its language, and as its standard text where not; each element's `variant` says which (in HTML and Markdown "
            + "a note beside its version), and the document's `variant` and the Waarom-Variant header say `easy-read` when at least one "
            + "element is. Languages into which only easy-read texts exist count for the language then.\n\n"
            + "Poll cheaply: the strong ETag differs per language, variant and representation and changes with every change of what the document "
            + "shows (an adoption, a translation, an easy-read text, a goal, a measurement); 304 on If-None-Match or If-Modified-Since.";
    private static final String JSON_EXAMPLE = "{\"organization\": \"zorg-a\", \"name\": \"Zorg A\", \"language\": \"nl\", \"variant\": \"standard\", "
            + "\"mission\": {\"element\": \"mission\", \"adopted\": true, \"version\": 2, \"effectiveFrom\": \"2025-01-01T00:00:00Z\", \"language\": \"nl\", \"variant\": \"standard\", "
            + "\"statement\": \"We ondersteunen mensen met een beperking om het leven te leiden dat ze kiezen.\", \"items\": []}, "
            + "\"vision\": {\"element\": \"vision\", \"adopted\": false, \"version\": null, \"effectiveFrom\": null, \"language\": null, \"variant\": null, \"statement\": null, \"items\": []}, "
            + "\"values\": {\"element\": \"values\", \"adopted\": true, \"version\": 3, \"effectiveFrom\": \"2026-03-02T00:00:00Z\", \"language\": \"nl\", \"variant\": \"standard\", "
            + "\"statement\": null, \"items\": [{\"key\": \"respect\", \"title\": \"Respect\", \"description\": \"We vertrekken van wat de persoon wil.\", "
            + "\"behaviours\": [\"We vragen voor we handelen.\"]}]}, "
            + "\"strategy\": {\"element\": \"strategy\", \"adopted\": true, \"version\": 1, \"effectiveFrom\": \"2026-01-01T00:00:00Z\", \"language\": \"nl\", \"variant\": \"standard\", "
            + "\"statement\": null, \"items\": [{\"key\": \"nabijheid\", \"title\": \"Nabijheid\", \"description\": \"Zorg in de buurt.\", \"behaviours\": []}]}, "
            + "\"goals\": [{\"id\": 12, \"kind\": \"STRATEGIC\", \"parentId\": null, \"title\": \"Inclusief wonen\", \"description\": null, \"owner\": \"An\", "
            + "\"targetDate\": \"2027-12-31\", \"serves\": [\"vision\"], \"progress\": 75.0, \"indicators\": [], \"operationalGoals\": [{\"id\": 13, "
            + "\"kind\": \"OPERATIONAL\", \"parentId\": 12, \"title\": \"Tien studio's\", \"description\": null, \"owner\": null, \"targetDate\": null, "
            + "\"serves\": [\"vision\"], \"progress\": 75.0, \"indicators\": [{\"name\": \"Cliënten in een gewone straat\", \"unit\": \"%\", "
            + "\"baseline\": 40, \"target\": 60, \"direction\": \"INCREASE\", \"latestValue\": 55, \"latestMeasuredAt\": \"2026-06-30\", "
            + "\"progress\": 75.0, \"targetMet\": false}], \"operationalGoals\": []}]}]}";
    private static final String HTML_EXAMPLE = "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>Visiedocument – Zorg A</title>\n<style>…</style>\n</head>\n<body>\n<header>\n  <p class=\"kicker\">Visiedocument</p>\n"
            + "  <h1>Zorg A</h1>\n</header>\n…\n<section id=\"mission\" aria-labelledby=\"mission-title\">\n  <h2 id=\"mission-title\">Missie</h2>\n"
            + "  <p class=\"meta\">Versie 2, van kracht sinds 1 januari 2025</p>\n…";
    private static final String MARKDOWN_EXAMPLE = "# Zorg A\n\nVisiedocument\n\n## Missie\n\n_Versie 2, van kracht sinds 1 januari 2025_\n\n"
            + "We ondersteunen mensen met een beperking om het leven te leiden dat ze kiezen\\.\n\n## Visie\n\n_Nog niet vastgesteld\\._\n…\n\n"
            + "## Doelstellingen\n\n### Strategische doelstelling: Inclusief wonen\n\n- Dient: Visie\n- Voortgang: 75 %\n";
    private static final String PUBLIC = "\n\n**Public read**: answers without credentials when the organisation has made `document` public "
            + "(`publicReads` on the organisation); then with `Cache-Control: public, max-age=300` and `Access-Control-Allow-Origin: *`. "
            + "Otherwise, and for an organisation that does not exist, a request without credentials is 401.";

    private final DocumentService documents;
    private final DocumentRenderer renderer;
    private final ConditionalReads reads;
    private final ReadCache cache;

    DocumentResource(DocumentService documents, DocumentRenderer renderer, ConditionalReads reads, ReadCache cache) {
        this.documents = documents;
        this.renderer = renderer;
        this.reads = reads;
        this.cache = cache;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MARKDOWN})
    @Requires(Permission.ELEMENT_READ)
    @PublicWhen(PublicRead.DOCUMENT)
    @Operation(operationId = "getDocument", summary = "The vision document", description = DESCRIPTION + PUBLIC,
            extensions = @Extension(name = "x-public-read", value = "document"))
    @APIResponse(responseCode = "200", description = "The document in the negotiated language and representation",
            headers = {@Header(name = "ETag", description = "Strong; differs per language and representation; changes with every change of what the document shows",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "The latest change among the parts (rounded up to the second); sent once that second has passed",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", description = "The document's language", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Waarom-Variant", description = "easy-read when at least one element is its easy-read text; else standard",
                            schema = @Schema(type = SchemaType.STRING, enumeration = {"standard", "easy-read"})),
                    @Header(name = "Vary", description = "Accept, Accept-Language", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "private, no-cache (public, max-age=300 on a public read)", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class),
                    examples = @ExampleObject(name = "document", value = JSON_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "document", value = HTML_EXAMPLE)),
                    @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "document", value = MARKDOWN_EXAMPLE))})
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag (or, without If-None-Match, nothing changed since If-Modified-Since)")
    @APIResponse(responseCode = "406", description = "Accept names none of application/json, text/html and text/markdown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    example = "{\"type\": \"https://waarom.org/problems/not-acceptable\", \"title\": \"No acceptable representation\", \"status\": 406, "
                            + "\"detail\": \"This resource cannot be served in the media type(s) the Accept header asks for\"}"))
    public CompletionStage<Response> document(@PathParam("org") String org, @BeanParam ReadRequest read,
                                  @HeaderParam(HttpHeaders.ACCEPT) @Parameter(hidden = true) String accept, @Context HttpServerResponse http) {
        MediaType type = ContentNegotiation.preferred(accept, FORMS).orElseThrow(NotAcceptableException::new);
        String name = type.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? "json" : type.isCompatible(MediaType.TEXT_HTML_TYPE) ? "html" : "md";
        TextVariant variant = TextVariant.of(read.variant());
        // Served from the cache while the organisation is unchanged (checked on every request); see ReadCache.
        return cache.read(org, ElementPaths.cached("document", variant), name, read.language(), () -> {
            DocumentService.Current current = documents.current(org, read.language(), variant);
            return switch (name) {
                case "json" -> cache.json(current.document().as(name, Function.identity()), current.validUntil());
                case "html" -> ReadCache.text(current.document().as(name, renderer::html), current.validUntil());
                default -> ReadCache.text(current.document().as(name, renderer::markdown), current.validUntil());
            };
        }).thenApply(document -> switch (name) {
            case "json" -> reads.respond(document, MediaType.APPLICATION_JSON, read);
            case "html" -> {
                // The policy configured for /api/* (nothing at all may apply) was set on the answer already; a browser
                // enforces every policy it gets, so it must go for the page's own to let its style sheet apply.
                http.headers().remove(CONTENT_SECURITY_POLICY);
                yield Response.fromResponse(reads.respond(document, HTML_CONTENT_TYPE, read))
                        .header(CONTENT_SECURITY_POLICY, DocumentRenderer.contentSecurityPolicy(new String(document.value(), StandardCharsets.UTF_8)))
                        .build();
            }
            default -> reads.respond(document, MARKDOWN_CONTENT_TYPE, read);
        });
    }
}
