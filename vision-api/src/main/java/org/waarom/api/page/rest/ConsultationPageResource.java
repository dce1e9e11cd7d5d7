package org.waarom.api.page.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import org.waarom.api.common.UnicodeText;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.consultation.rest.FeedbackRequest;
import org.waarom.api.consultation.service.FeedbackService;
import org.waarom.api.page.service.ConsultationPageService;
import org.waarom.api.page.service.ConsultationPageService.ConsultationPageData;
import org.waarom.api.security.TokenPage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The consultation page: where an invitation's link leads a person without an account (docs/participation.md). It reads
 * and gives feedback exactly as the API's participation read and feedback endpoints do, as the invitation, and answers
 * HTML: POST, then a redirect (303) back to the page; a refused form is the page again, with each error next to its
 * field and what was typed kept. Outside {@code /api/}: pages are not operations of the API and not in its document.
 *
 * <p>The link's token is the only credential ({@link TokenPage}); it sits in the query of the page and of its forms'
 * actions, never in the path. A form posted from another site is refused ({@link SameOrigin}): without the token it could
 * not be replayed anyway.
 */
@Path("/pages/{org}/consultations/{id}")
@Produces(MediaType.TEXT_HTML)
public class ConsultationPageResource {

    private final ConsultationPageService pages;
    private final FeedbackService feedback;
    private final PageRenderer renderer;

    ConsultationPageResource(ConsultationPageService pages, FeedbackService feedback, PageRenderer renderer) {
        this.pages = pages;
        this.feedback = feedback;
        this.renderer = renderer;
    }

    /** The page; {@code done} names what the last form did ({@code saved}, {@code withdrawn}), to say so. */
    @GET
    @TokenPage(TokenPage.Kind.CONSULTATION_INVITATION)
    public Response page(@PathParam("org") String org, @PathParam("id") long id, @QueryParam("token") String token,
                         @QueryParam("lang") String lang, @QueryParam("done") String done,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Request request = new Request(org, id, token, lang, acceptLanguage);
        ConsultationPageData data = pages.read(org, id, request.negotiation());
        String language = PageRenderer.pageLanguage(request.negotiation(), data.draft().language());
        PageMessages words = renderer.words(language);
        String notice = "saved".equals(done) ? words.saved() : "withdrawn".equals(done) ? words.withdrawn() : null;
        return html(Response.Status.OK, render(request, data, language, notice, null, null));
    }

    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TokenPage(TokenPage.Kind.CONSULTATION_INVITATION)
    public Response give(@PathParam("org") String org, @PathParam("id") long id, @QueryParam("token") String token,
                         @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                         @HeaderParam("Origin") String origin, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                         @HeaderParam(HttpHeaders.HOST) String host,
                         @FormParam("anchor") String anchor, @FormParam("stance") String stance, @FormParam("text") String text) {
        Request request = new Request(org, id, token, lang, acceptLanguage);
        String formId = "new-" + partKey(anchor);
        return submit(request, origin, fetchSite, host, formId, anchor, stance, text,
                given -> feedback.giveFeedback(org, id, given).id());
    }

    @POST
    @Path("/feedback/{feedbackId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TokenPage(TokenPage.Kind.CONSULTATION_INVITATION)
    public Response change(@PathParam("org") String org, @PathParam("id") long id, @PathParam("feedbackId") long feedbackId,
                           @QueryParam("token") String token, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                           @HeaderParam("Origin") String origin, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                           @HeaderParam(HttpHeaders.HOST) String host,
                           @FormParam("anchor") String anchor, @FormParam("stance") String stance, @FormParam("text") String text) {
        Request request = new Request(org, id, token, lang, acceptLanguage);
        return submit(request, origin, fetchSite, host, "fb-" + feedbackId, anchor, stance, text,
                given -> feedback.changeFeedback(org, id, feedbackId, given).id());
    }

    @POST
    @Path("/feedback/{feedbackId}/withdrawal")
    @TokenPage(TokenPage.Kind.CONSULTATION_INVITATION)
    public Response withdraw(@PathParam("org") String org, @PathParam("id") long id, @PathParam("feedbackId") long feedbackId,
                             @QueryParam("token") String token, @QueryParam("lang") String lang,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                             @HeaderParam("Origin") String origin, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                             @HeaderParam(HttpHeaders.HOST) String host) {
        Request request = new Request(org, id, token, lang, acceptLanguage);
        if (!SameOrigin.allows(origin, fetchSite, host)) {
            return crossSite(request);
        }
        try {
            feedback.withdrawFeedback(org, id, feedbackId);
        } catch (ConflictException | NotFoundException | InvalidRequestException refused) {
            return refused(request, refused, null);
        }
        return seeOther(request, "withdrawn", "text-title");
    }

    /** Checks the form, then does what it asks; the page again with what was typed when it cannot. */
    private Response submit(Request request, String origin, String fetchSite, String host, String formId, String anchor, String stance,
                            String text, Function<FeedbackRequest, Long> action) {
        if (!SameOrigin.allows(origin, fetchSite, host)) {
            return crossSite(request);
        }
        PageMessages words = renderer.words(PageRenderer.pageLanguage(request.negotiation(), null));
        Stance chosen = stance(stance);
        String typed = text == null ? "" : UnicodeText.clean(text);
        String stanceError = chosen == null ? words.stanceRequired() : null;
        String textError = typed.isBlank() ? words.textRequired()
                : typed.length() > PageRenderer.MAX_TEXT ? words.textTooLong(PageRenderer.MAX_TEXT, typed.length()) : null;
        Anchor parsed = anchor(anchor);
        if (parsed == null) {
            return refused(request, new InvalidRequestException("anchor", "unknown"), null);
        }
        PageRenderer.Submitted submitted = new PageRenderer.Submitted(formId, chosen == null ? null : chosen.name(), typed, stanceError, textError);
        if (stanceError != null || textError != null) {
            return page(request, Response.Status.BAD_REQUEST, null, Problem.INVALID, submitted);
        }
        long saved;
        try {
            saved = action.apply(new FeedbackRequest(parsed, chosen, typed, null));
        } catch (ConflictException | NotFoundException | InvalidRequestException refused) {
            return refused(request, refused, submitted);
        }
        return seeOther(request, "saved", "fb-" + saved);
    }

    /** What went wrong with a form, for the page to say. */
    private enum Problem { INVALID, CLOSED, PART_GONE, FEEDBACK_GONE }

    private Response refused(Request request, RuntimeException refusal, PageRenderer.Submitted submitted) {
        if (refusal instanceof ConflictException) {
            return page(request, Response.Status.CONFLICT, null, Problem.CLOSED, null);
        }
        if (refusal instanceof NotFoundException) {
            return page(request, Response.Status.NOT_FOUND, null, Problem.FEEDBACK_GONE, null);
        }
        return page(request, Response.Status.BAD_REQUEST, null, Problem.PART_GONE, null);
    }

    private Response page(Request request, Response.Status status, String notice, Problem problem, PageRenderer.Submitted submitted) {
        ConsultationPageData data = pages.read(request.org(), request.id(), request.negotiation());
        String language = PageRenderer.pageLanguage(request.negotiation(), data.draft().language());
        PageMessages words = renderer.words(language);
        String said = switch (problem) {
            case INVALID -> words.errorSummary();
            case CLOSED -> words.closedNow();
            case PART_GONE -> words.partGone();
            case FEEDBACK_GONE -> words.feedbackGone();
        };
        // The errors were worded before the page's language was known for sure: word them again in it.
        PageRenderer.Submitted reworded = submitted == null ? null : new PageRenderer.Submitted(submitted.form(), submitted.stance(), submitted.text(),
                submitted.stanceError() == null ? null : words.stanceRequired(),
                submitted.textError() == null ? null : submitted.text().isBlank() ? words.textRequired()
                        : words.textTooLong(PageRenderer.MAX_TEXT, submitted.text().length()));
        return html(status, render(request, data, language, notice, said, reworded));
    }

    private String render(Request request, ConsultationPageData data, String language, String notice, String problem,
                          PageRenderer.Submitted submitted) {
        return renderer.consultation(data, language, suffix -> request.link(suffix, request.lang()), code -> request.link("", code), notice, problem,
                submitted);
    }

    private Response crossSite(Request request) {
        String language = PageRenderer.pageLanguage(request.negotiation(), null);
        PageMessages words = renderer.words(language);
        return html(Response.Status.FORBIDDEN, renderer.refusal(language, words.crossSiteTitle(), words.crossSiteText()));
    }

    private static Response seeOther(Request request, String done, String fragment) {
        String page = request.link("", request.lang()) + "&done=" + done + "#" + fragment;
        return Response.seeOther(URI.create(page)).build();
    }

    /** A page: its own Content-Security-Policy, never stored by a cache (it holds the person's feedback and token). */
    static Response html(Response.Status status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html)
                .header("Content-Security-Policy", PageRenderer.contentSecurityPolicy(html))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static Stance stance(String value) {
        if (value == null) {
            return null;
        }
        for (Stance stance : Stance.values()) {
            if (stance.name().equals(value)) {
                return stance;
            }
        }
        return null;
    }

    /** {@code statement} or {@code item:<key>}; null for anything else. */
    private static Anchor anchor(String value) {
        if ("statement".equals(value)) {
            return new Anchor(null, true);
        }
        if (value != null && value.startsWith("item:") && value.length() > 5 && value.length() <= 70) {
            return new Anchor(value.substring(5), null);
        }
        return null;
    }

    private static String partKey(String anchor) {
        return anchor != null && anchor.startsWith("item:") ? anchor.substring(5) : "statement";
    }

    /** The request's link: organisation, round, token, and the language it asked for. */
    private record Request(String org, long id, String token, String lang, String acceptLanguage) {

        LanguageNegotiation negotiation() {
            try {
                return LanguageNegotiation.of(lang, acceptLanguage);
            } catch (InvalidRequestException notATag) {
                // A page answers in some language whatever it is asked: a malformed ?lang= counts as none.
                return LanguageNegotiation.of(null, acceptLanguage);
            }
        }

        /** This page's path plus {@code suffix}, with the token (and {@code language}, when one was asked for) in the query. */
        String link(String suffix, String language) {
            String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                    + (language == null ? "" : "&lang=" + URLEncoder.encode(language, StandardCharsets.UTF_8));
            return "/pages/" + URLEncoder.encode(org, StandardCharsets.UTF_8) + "/consultations/" + id + suffix + query;
        }
    }
}
