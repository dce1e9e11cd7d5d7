package org.waarom.api.page.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.security.TokenPageRefusals;

/**
 * The pages a refused link gets: one page for every token that does not work (unknown, revoked, for something else,
 * expired), naming no organisation, so that it tells nothing about which tokens or organisations exist; and one for too
 * many failed attempts. In the language the request asks for.
 */
@ApplicationScoped
public class PageRefusals implements TokenPageRefusals {

    private final PageRenderer renderer;

    PageRefusals(PageRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Response refuse(ContainerRequestContext request, Reason reason, long retryAfterSeconds) {
        String language = PageRenderer.pageLanguage(negotiation(request), null);
        PageMessages words = renderer.words(language);
        return switch (reason) {
            case LINK_NOT_VALID -> ConsultationPageResource.html(Response.Status.UNAUTHORIZED,
                    renderer.refusal(language, words.linkNotValidTitle(), words.linkNotValidText()));
            case TOO_MANY_ATTEMPTS -> Response.fromResponse(ConsultationPageResource.html(Response.Status.TOO_MANY_REQUESTS,
                    renderer.refusal(language, words.tooManyTitle(), words.tooManyText(retryAfterSeconds))))
                    .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
        };
    }

    private static LanguageNegotiation negotiation(ContainerRequestContext request) {
        String acceptLanguage = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        try {
            return LanguageNegotiation.of(request.getUriInfo().getQueryParameters().getFirst("lang"), acceptLanguage);
        } catch (InvalidRequestException notATag) {
            return LanguageNegotiation.of(null, acceptLanguage);
        }
    }
}
