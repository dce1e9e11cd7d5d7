package org.waarom.api.page.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.waarom.api.acknowledgement.service.AcknowledgementLinkService;
import org.waarom.api.acknowledgement.service.AcknowledgementService;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.security.TokenPage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The acknowledgement page: where a personal acknowledgement link leads (docs/participation.md). It shows the text in
 * effect in the person's language and one button, "I have read this", which records the acknowledgement for the link's
 * person exactly as the API does for an admin naming them; POST, then a redirect (303) back to the page, which says what
 * was recorded and when. Once a significant new version replaced the text, the page says so and records nothing.
 */
@Path("/pages/{org}/acknowledgement")
@Produces(MediaType.TEXT_HTML)
public class AcknowledgementPageResource {

    private final AcknowledgementLinkService links;
    private final PageRenderer renderer;

    AcknowledgementPageResource(AcknowledgementLinkService links, PageRenderer renderer) {
        this.links = links;
        this.renderer = renderer;
    }

    /** The page; {@code done} says what the last press did ({@code recorded}, {@code already}), to say so. */
    @GET
    @TokenPage(TokenPage.Kind.ACKNOWLEDGEMENT_LINK)
    public Response page(@PathParam("org") String org, @QueryParam("token") String token, @QueryParam("lang") String lang,
                         @QueryParam("done") String done, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        AcknowledgementLinkService.LinkPage data = links.read(lang, acceptLanguage);
        String language = PageRenderer.pageLanguage(data.negotiation(), data.text() == null ? null : data.text().language());
        PageMessages words = renderer.words(language);
        String notice = null;
        if (data.acknowledged().isPresent() && ("recorded".equals(done) || "already".equals(done))) {
            notice = "recorded".equals(done) ? words.acknowledgedNow()
                    : words.acknowledgedAlready(PageRenderer.dateTime(data.acknowledged().get().acknowledgedAt(), PageRenderer.locale(language)));
        }
        Response.Status status = data.replaced() ? Response.Status.GONE : Response.Status.OK;
        return ConsultationPageResource.html(status, renderer.acknowledgement(data, language, link(org, token, lang),
                code -> link(org, token, code), notice));
    }

    /** The button: records the acknowledgement (once per basis), then back to the page. */
    @POST
    @TokenPage(TokenPage.Kind.ACKNOWLEDGEMENT_LINK)
    public Response acknowledge(@PathParam("org") String org, @QueryParam("token") String token, @QueryParam("lang") String lang,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                @HeaderParam("Origin") String origin, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                                @HeaderParam(HttpHeaders.HOST) String host) {
        if (!SameOrigin.allows(origin, fetchSite, host)) {
            AcknowledgementLinkService.LinkPage data = links.read(lang, acceptLanguage);
            String language = PageRenderer.pageLanguage(data.negotiation(), null);
            PageMessages words = renderer.words(language);
            return ConsultationPageResource.html(Response.Status.FORBIDDEN, renderer.refusal(language, words.crossSiteTitle(), words.crossSiteText()));
        }
        AcknowledgementService.Recorded recorded;
        try {
            recorded = links.acknowledge();
        } catch (ConflictException replaced) {
            // The page itself says that a new version replaced the text.
            return Response.seeOther(URI.create(link(org, token, lang))).build();
        }
        return Response.seeOther(URI.create(link(org, token, lang) + "&done=" + (recorded.created() ? "recorded" : "already"))).build();
    }

    /** The page's address, with the token (and {@code language}, when one was asked for) in the query. */
    private static String link(String org, String token, String language) {
        return "/pages/" + URLEncoder.encode(org, StandardCharsets.UTF_8) + "/acknowledgement?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (language == null ? "" : "&lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8));
    }
}
