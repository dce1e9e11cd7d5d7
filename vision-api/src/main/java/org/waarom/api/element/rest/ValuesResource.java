package org.waarom.api.element.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.waarom.api.common.cache.Representation;
import org.waarom.api.common.http.ContentNegotiation;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.problem.Problem;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.service.VersionMapper;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.PublicRead;
import org.waarom.api.security.PublicWhen;
import org.waarom.api.security.Requires;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The current values for HR systems (docs/hr-systems.md): JSON or CSV, in the negotiated language, cheap to poll. */
@Path("/api/v1/organizations/{org}/values")
@Tag(name = "Elements") // described once, on ElementResource
public class ValuesResource {

    /** JSON first: the default for {@code Accept: *}{@code /*} and for no Accept at all. */
    private static final List<MediaType> FORMS = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(CurrentValuesCsv.MEDIA_TYPE));
    private static final String JSON_EXAMPLE = "{\"organization\": \"zorg-a\", \"version\": 3, \"effectiveFrom\": \"2026-03-02T00:00:00Z\", \"language\": \"nl\", \"variant\": \"standard\", "
            + "\"statement\": null, \"values\": [{\"key\": \"respect\", \"title\": \"Respect\", \"description\": \"We vertrekken van wat de persoon wil.\", "
            + "\"behaviours\": [\"We vragen voor we handelen.\", \"We kloppen voor we binnengaan.\"]}]}";

    private final VersionService versions;
    private final ConditionalReads reads;
    private final ReadCache cache;

    ValuesResource(VersionService versions, ConditionalReads reads, ReadCache cache) {
        this.versions = versions;
        this.reads = reads;
        this.cache = cache;
    }

    @GET
    @Path("/current")
    @Produces({MediaType.APPLICATION_JSON, CurrentValuesCsv.MEDIA_TYPE})
    @Requires(Permission.ELEMENT_READ)
    @PublicWhen(PublicRead.VALUES)
    @Operation(operationId = "getCurrentValues", summary = "The current values, for HR systems",
            description = "The adopted values in effect now, each with its behaviours, with the version, `effectiveFrom` and the language. "
                    + "JSON by default; `Accept: text/csv` gives CSV (RFC 4180, UTF-8, CRLF): a header row "
                    + "`key,title,description,behaviours,version,effective_from,language` and one row per value, behaviours joined by ` | ` "
                    + "(read the JSON where a behaviour itself may contain ` | `); fields with the separator, quotes or line breaks are quoted. "
                    + "`?dialect=spreadsheet` gives the same CSV for a spreadsheet opened by double-click where the list separator is `;` "
                    + "(Belgium, the Netherlands, France, …): `;` between fields and a UTF-8 byte-order mark before the header, CRLF; its ETag "
                    + "differs (`~csv-spreadsheet`). In both dialects a text field that begins with `=`, `+`, `-`, `@`, a tab or a carriage "
                    + "return is written with a single quote `'` in front (OWASP's guard against CSV injection: a spreadsheet shows it as text "
                    + "instead of running it as a formula); strip that quote when importing such a field by program. Any other "
                    + "Accept: 406. 404 while no values have been adopted. " + ElementResource.NEGOTIATED
                    + " Follow changes with the event feed or a webhook (`element.version.adopted`, `element.translation.changed`, and `element.easy-read.changed` for readers of the easy-read text)."
                    + "\n\n**Public read**: answers without credentials (JSON and CSV) when the organisation has made `values` public "
                    + "(`publicReads` on the organisation); then with `Cache-Control: public, max-age=300` and `Access-Control-Allow-Origin: *`. "
                    + "Otherwise, and for an organisation that does not exist, a request without credentials is 401.",
            extensions = @Extension(name = "x-public-read", value = "values"))
    @APIResponse(responseCode = "200", description = "The current values",
            headers = {@Header(name = "ETag", description = ElementResource.ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = ElementResource.LAST_MODIFIED, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Language", description = "The language served", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Waarom-Variant", description = ElementResource.VARIANT,
                            schema = @Schema(type = SchemaType.STRING, enumeration = {"standard", "easy-read"})),
                    @Header(name = "Vary", description = "Accept, Accept-Language", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "private, no-cache: keep it, but revalidate before use (public, max-age=300 on a public read)",
                            schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CurrentValuesView.class),
                    examples = @ExampleObject(name = "values", value = JSON_EXAMPLE)),
                    @Content(mediaType = CurrentValuesCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = {@ExampleObject(name = "values", value = CurrentValuesCsv.EXAMPLE),
                                    @ExampleObject(name = "spreadsheet", summary = "?dialect=spreadsheet (starts with a UTF-8 byte-order mark)",
                                            value = CurrentValuesCsv.SPREADSHEET_EXAMPLE)})})
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag (or, without If-None-Match, nothing changed since If-Modified-Since)")
    @APIResponse(responseCode = "406", description = "Accept names neither application/json nor text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    example = "{\"type\": \"https://waarom.org/problems/not-acceptable\", \"title\": \"No acceptable representation\", \"status\": 406, "
                            + "\"detail\": \"This resource cannot be served in the media type(s) the Accept header asks for\"}"))
    public CompletionStage<Response> current(@PathParam("org") String org, @BeanParam ReadRequest read,
                                 @HeaderParam(HttpHeaders.ACCEPT) @Parameter(hidden = true) String accept,
                                 @QueryParam("dialect") @Parameter(description = "The CSV's dialect: `rfc4180` (the default: commas, no byte-order mark) "
                                         + "or `spreadsheet` (semicolons and a UTF-8 byte-order mark, for a spreadsheet opened by double-click). "
                                         + "Only for CSV; JSON is the same either way.",
                                         schema = @Schema(enumeration = {"rfc4180", "spreadsheet"}, defaultValue = "rfc4180")) String dialectName) {
        CurrentValuesCsv.Dialect dialect = CurrentValuesCsv.Dialect.of(dialectName);
        boolean json = json(accept);
        LanguageNegotiation language = read.language();
        TextVariant variant = TextVariant.of(read.variant());
        String form = json ? "json" : dialect.form();
        // Served from the cache while the organisation is unchanged (checked on every request); see ReadCache.
        // Runs on the event loop: a cached answer is served without a worker thread; a new one is built on one.
        return cache.read(org, ElementPaths.cached("values/current", variant), form, language, () -> {
            Representation<VersionView> current = versions.current(org, ElementType.VALUES, null, language, variant);
            // The answer changes by itself when a version adopted for later takes effect: this one's effectiveTo.
            Instant validUntil = current.value().effectiveTo();
            return json
                    ? cache.json(current.as("json", view -> VersionMapper.currentValues(org, view)), validUntil)
                    : ReadCache.text(current.as(form, view -> CurrentValuesCsv.write(VersionMapper.currentValues(org, view), dialect)), validUntil);
        }).thenApply(values -> reads.respond(values, json ? MediaType.APPLICATION_JSON : CurrentValuesCsv.CONTENT_TYPE, read));
    }

    /** Whether JSON (else CSV) is asked for; 406 for anything else. Pollers send no Accept (or JSON's): that needs no negotiation. */
    private static boolean json(String accept) {
        if (accept == null || accept.isBlank() || accept.equals(MediaType.WILDCARD) || accept.equals(MediaType.APPLICATION_JSON)) {
            return true;
        }
        return ContentNegotiation.preferred(accept, FORMS).orElseThrow(NotAcceptableException::new)
                .isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }
}
