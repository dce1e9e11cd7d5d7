package org.waarom.api.common.cache;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.waarom.api.common.http.LanguageNegotiation;

/**
 * What a negotiated, conditional read asks for ({@code @BeanParam}): a language ({@code ?lang=},
 * {@code Accept-Language}), a text variant ({@code ?variant=}) and the validators of the copy the client holds
 * ({@code If-None-Match}, {@code If-Modified-Since}). Shared by every read that polls cheaply, so they all document
 * and honour the same five inputs.
 */
public class ReadRequest {

    @QueryParam("lang")
    @Parameter(description = "Language to serve (`fr`, `fr-BE` counts as `fr`); wins over Accept-Language. When that language has no approved "
            + "translation the organisation's default language is served. Not a language tag: 400.", example = "fr")
    String lang;

    @HeaderParam("Accept-Language")
    @Parameter(description = "Preferred languages with quality values (RFC 9110), e.g. `fr-BE, fr;q=0.9, en;q=0.5`; `q=0` excludes a language, "
            + "`*` stands for any other. Unavailable languages fall back to the default language; Content-Language says what was served.",
            example = "fr-BE, fr;q=0.9, en;q=0.5")
    String acceptLanguage;

    @QueryParam("variant")
    @Parameter(description = "Which text: `standard` (the default) or `easy-read`, the text at language level B1 (\"makkelijk lezen\"). "
            + "The language is negotiated first; then its approved easy-read text is served where there is one, else its standard text, "
            + "and the answer says which (`variant` in JSON, the Waarom-Variant header in every form). Anything else: 400.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"standard", "easy-read"}, defaultValue = "standard"), example = "easy-read")
    String variant;

    @HeaderParam("If-None-Match")
    @Parameter(description = "ETag(s) of the copy you hold: 304 without a body while it is current. Takes precedence over If-Modified-Since.",
            example = "\"values-3-r2~json\"")
    String ifNoneMatch;

    @HeaderParam("If-Modified-Since")
    @Parameter(description = "An HTTP-date (the Last-Modified you were sent): 304 while nothing changed since. Ignored when If-None-Match is sent, "
            + "and when not a valid HTTP-date or later than the server's clock.", example = "Tue, 02 Jun 2026 09:00:00 GMT")
    String ifModifiedSince;

    /** The language preference; 400 when {@code ?lang=} is not a language tag. */
    public LanguageNegotiation language() {
        return LanguageNegotiation.of(lang, acceptLanguage);
    }

    /** {@code ?variant=} as sent (null when absent); the element feature reads it (TextVariant.of: 400 when unknown). */
    public String variant() {
        return variant;
    }

    public String ifNoneMatch() {
        return ifNoneMatch;
    }

    public String ifModifiedSince() {
        return ifModifiedSince;
    }
}
