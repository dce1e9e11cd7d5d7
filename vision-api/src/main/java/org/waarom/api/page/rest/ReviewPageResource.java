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
import org.waarom.api.page.service.ReviewPageService;
import org.waarom.api.review.service.ReviewLinkService;
import org.waarom.api.review.service.ReviewTaskViews;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.TokenPage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The review page (docs/review-page.md): where a reminder's link leads a quality manager, with what they need to decide
 * on one screen and the two decisions, taken through the same services as the API's: confirm (the task completes as
 * CONFIRMED) and start a revision (a new draft from the version in effect; adopting it completes the task as REVISED).
 * The review link ({@code wrev_…}) acts as its recipient; a calendar feed's token ({@code wcal_…}) only reads. Outside
 * {@code /api/}: pages are not operations of the API and not in its document.
 */
@Path("/pages/{org}")
@Produces(MediaType.TEXT_HTML)
public class ReviewPageResource {

    /** Due dates and days overdue are counted in the organisations' time zone (see PageRenderer.TIME_ZONE). */
    private static final ZoneId TIME_ZONE = PageRenderer.TIME_ZONE;

    private final ReviewPageService pages;
    private final ReviewTaskViews tasks;
    private final ReviewPageRenderer renderer;
    private final PageRenderer frames;
    private final CurrentActor actor;
    private final Clock clock;

    ReviewPageResource(ReviewPageService pages, ReviewTaskViews tasks, ReviewPageRenderer renderer, PageRenderer frames, CurrentActor actor,
                       Clock clock) {
        this.pages = pages;
        this.tasks = tasks;
        this.renderer = renderer;
        this.frames = frames;
        this.actor = actor;
        this.clock = clock;
    }

    @GET
    @Path("/review-tasks/{id}")
    @TokenPage(TokenPage.Kind.REVIEW_LINK)
    public Response page(@PathParam("org") String org, @PathParam("id") long id, @QueryParam("token") String token,
                         @QueryParam("lang") String lang, @QueryParam("done") String done, @QueryParam("references") String references,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Request request = new Request(org, id, token, lang, acceptLanguage, page(references));
        String language = request.language();
        String notice = "revision".equals(done) ? renderer.words(language).revisionStarted() : null;
        return ConsultationPageResource.html(Response.Status.OK, render(request, notice, null, null));
    }

    /** Confirms: the review is done, and so is the link; the answer is the page that says so (reloading it sends nothing). */
    @POST
    @Path("/review-tasks/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TokenPage(TokenPage.Kind.REVIEW_LINK)
    public Response confirm(@PathParam("org") String org, @PathParam("id") long id, @QueryParam("token") String token,
                            @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                            @HeaderParam("Origin") String origin, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                            @HeaderParam(HttpHeaders.HOST) String host, @FormParam("note") String note) {
        Request request = new Request(org, id, token, lang, acceptLanguage, 0);
        return decide(request, origin, fetchSite, host, "confirm", note, given -> pages.confirm(org, id, given), () -> {
            ReviewPageMessages words = renderer.words(request.language());
            return ConsultationPageResource.html(Response.Status.OK, frames.refusal(request.language(), words.decidedTitle(), words.decidedText()));
        });
    }

    /** Starts a revision, then back to the page (303), which shows where the draft is. */
    @POST
    @Path("/review-tasks/{id}/revision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @TokenPage(TokenPage.Kind.REVIEW_LINK)
    public Response revise(@PathParam("org") String org, @PathParam("id") long id, @QueryParam("token") String token,
                           @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                           @HeaderParam("Origin") String origin, @HeaderParam("Sec-Fetch-Site") String fetchSite,
                           @HeaderParam(HttpHeaders.HOST) String host, @FormParam("note") String note) {
        Request request = new Request(org, id, token, lang, acceptLanguage, 0);
        return decide(request, origin, fetchSite, host, "revise", note, given -> pages.startRevision(org, id, given),
                () -> Response.seeOther(URI.create(request.link("", request.lang()) + "&done=revision#draft")).build());
    }

    /**
     * A decision sent from the page: refused when the link or the form's origin does not hold, else {@code change} applied
     * with the note (blank: none) and {@code done} answered. A review that was decided or changed meanwhile answers with
     * the page as it is now.
     */
    private Response decide(Request request, String origin, String fetchSite, String host, String action, String note,
                            Consumer<String> change, Supplier<Response> done) {
        Response refused = refusal(request, origin, fetchSite, host, action, note);
        if (refused != null) {
            return refused;
        }
        try {
            change.accept(blankIsNone(note));
        } catch (ConflictException | NotFoundException | InvalidRequestException changed) {
            return conflict(request);
        }
        return done.get();
    }

    /** The quality manager's overview of the organisation's open reviews: read-only. */
    @GET
    @Path("/reviews")
    @TokenPage(TokenPage.Kind.REVIEW_OVERVIEW)
    public Response overview(@PathParam("org") String org, @QueryParam("token") String token, @QueryParam("lang") String lang,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Request request = new Request(org, 0, token, lang, acceptLanguage, 0);
        var open = tasks.openTasks(org);
        String name = pages.organizationName(org);
        String html = renderer.overview(name, open, request.language(),
                code -> "/pages/" + encode(org) + "/reviews?token=" + encode(token) + "&lang=" + code,
                taskId -> request.reviewHref(taskId, ownTask()), LocalDate.now(clock.withZone(TIME_ZONE)));
        return ConsultationPageResource.html(Response.Status.OK, html);
    }

    /** Whether the caller may decide (a review link, not a calendar feed); the page checks the form's origin and note. */
    private Response refusal(Request request, String origin, String fetchSite, String host, String form, String note) {
        if (!SameOrigin.allows(origin, fetchSite, host)) {
            PageMessages words = frames.words(request.language());
            return ConsultationPageResource.html(Response.Status.FORBIDDEN, frames.refusal(request.language(), words.crossSiteTitle(), words.crossSiteText()));
        }
        if (ownTask() == null) {
            return ConsultationPageResource.html(Response.Status.FORBIDDEN, render(request, null, renderer.words(request.language()).readOnly(), null));
        }
        String typed = note == null ? "" : UnicodeText.clean(note);
        if (typed.length() > ReviewPageRenderer.MAX_NOTE) {
            ReviewPageMessages words = renderer.words(request.language());
            return ConsultationPageResource.html(Response.Status.BAD_REQUEST, render(request, null, words.errorSummary(),
                    new ReviewPageRenderer.Submitted(form, typed, words.noteTooLong(ReviewPageRenderer.MAX_NOTE, typed.length()))));
        }
        return null;
    }

    private Response conflict(Request request) {
        return ConsultationPageResource.html(Response.Status.CONFLICT, render(request, null, renderer.words(request.language()).conflict(), null));
    }

    private String render(Request request, String notice, String problem, ReviewPageRenderer.Submitted submitted) {
        var data = pages.read(request.org(), request.id(), request.negotiation(), request.referencePage());
        Long own = ownTask();
        return renderer.review(data, request.language(), new ReviewPageRenderer.Links() {
            public String self(String suffix, String query) {
                return request.link(suffix, request.lang()) + (query == null ? "" : "&" + query);
            }

            public String language(String code) {
                return request.link("", code);
            }

            public String review(long taskId) {
                return request.reviewHref(taskId, own);
            }

            public String overview() {
                return "/pages/" + encode(request.org()) + "/reviews?token=" + encode(request.token())
                        + (request.lang() == null ? "" : "&lang=" + encode(request.lang()));
            }
        }, own != null && own == request.id(), notice, problem, submitted, request.referencePage(), LocalDate.now(clock.withZone(TIME_ZONE)));
    }

    /** The task of the caller's review link; null for a calendar feed (which reads every open review, and decides none). */
    private Long ownTask() {
        return actor.caller().flatMap(ReviewLinkService::of).map(link -> link.task.id).orElse(null);
    }

    private static String blankIsNone(String note) {
        return note == null || note.isBlank() ? null : UnicodeText.clean(note).strip();
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The request's link: organisation, task, token, and the language it asked for. */
    private record Request(String org, long id, String token, String lang, String acceptLanguage, int referencePage) {

        LanguageNegotiation negotiation() {
            try {
                return LanguageNegotiation.of(lang, acceptLanguage);
            } catch (InvalidRequestException notATag) {
                return LanguageNegotiation.of(null, acceptLanguage);
            }
        }

        String language() {
            return PageRenderer.pageLanguage(negotiation(), null);
        }

        String link(String suffix, String language) {
            return "/pages/" + encode(org) + "/review-tasks/" + id + suffix + "?token=" + encode(token)
                    + (language == null ? "" : "&lang=" + encode(language));
        }

        /** Another review's page: a calendar feed opens each (read-only); a review link only its own. */
        String reviewHref(long taskId, Long own) {
            if (own != null && own != taskId) {
                return null;
            }
            return "/pages/" + encode(org) + "/review-tasks/" + taskId + "?token=" + encode(token) + (lang == null ? "" : "&lang=" + encode(lang));
        }
    }
}
