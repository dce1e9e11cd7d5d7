package org.waarom.api.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The one place where the HTTP layer's own refusals of a request under {@code /api/} become RFC 9457 problems: what
 * Vert.x decides before Quarkus REST, and with it every filter, resource and exception mapper of the API, sees the
 * request. Without it these answers are empty, or a 500 with an ERROR and a stack trace in the log.
 *
 * <ul>
 *   <li>A {@code Content-Type} that is not a media type ({@code garbage}, {@code a/b/c}, empty) is 400, for every
 *       method and before authentication: Quarkus REST cannot parse it and would fail with a 500.</li>
 *   <li>The body is read here, at most {@code waarom.limits.max-body-bytes} of it, whether it comes with a
 *       {@code Content-Length} or chunked; more is 413, before anything is stored. This is the only body limit:
 *       {@code quarkus.http.limits.max-body-size} is the same number, and Quarkus REST reads the body from here.</li>
 *   <li>A NUL character ({@code %00}) in the path or query is 400: no resource or parameter can hold one, and a lookup
 *       with it fails in PostgreSQL.</li>
 *   <li>Whatever else a Vert.x handler fails with a 4xx (a request without {@code Host}) is that status as a problem.</li>
 * </ul>
 *
 * Some requests are refused before there is a request to route, and this class never sees them; their answers stay empty
 * (docs/integrators.md lists them). Vert.x's invalid-request handler answers what its parser refuses: a request line over
 * {@code quarkus.http.limits.max-initial-line-length} (414), headers over {@code max-header-size} (431), a control
 * character in a header or a malformed {@code Content-Length} (400); Quarkus creates the HTTP server itself and offers no
 * way to replace that handler. Quarkus's root handler answers 400 to a URI that {@link URI} cannot parse (an invalid
 * percent-encoding such as {@code %zz}); it can only be switched off, JVM-wide, with a system property Quarkus documents as
 * not meant for production.
 */
@Singleton
public class HttpLayerProblems {

    /**
     * Before every other filter: {@code PublicAnswers} (400), {@code CorsRefusal} (350), the Quarkus CORS filter (300) and
     * Quarkus's own body-size check (route order -2, which would answer 413 with an empty body).
     */
    static final int PRIORITY = 500;
    private static final String API = "/api/";

    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final BodyHandler bodies;

    HttpLayerProblems(WaaromConfig config, ObjectMapper json) {
        this.json = json;
        this.maxBodyBytes = config.limits().maxBodyBytes();
        // No file uploads: the API reads JSON only; a form or multipart body is refused (415) by the resource, as any other type.
        this.bodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    void checkRequests(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void answerFailures(@Observes Router router) {
        // Failure handlers run in route order: this one before Quarkus's (the last one), which answers a 4xx without a problem body.
        router.route().order(-PRIORITY).failureHandler(this::answerFailure);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!underApi(request)) {
            context.next();
            return;
        }
        if (request.uri().contains("%00")) {
            // PostgreSQL text cannot hold a NUL: a path segment or parameter with one would fail its lookup with a 500.
            answer(context, ProblemKind.INVALID_REQUEST, "The path or query holds a NUL character (%00), which no resource or parameter can hold",
                    List.of());
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            answer(context, ProblemKind.INVALID_REQUEST, "Content-Type is not a media type; send the body as application/json",
                    List.of(new FieldError("Content-Type", "must be a media type such as application/json")));
            return;
        }
        long length = contentLength(request);
        if (length > maxBodyBytes) {
            // Refused before a byte of it is read.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, ProblemKind.PAYLOAD_TOO_LARGE, "The body has " + length + " bytes; at most " + maxBodyBytes + " are accepted", List.of());
            return;
        }
        boolean body = length > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (body && contentType == null) {
            // Read as what? Not guessed: a body says what it is (and the framework could not read it again after this layer).
            answer(context, ProblemKind.UNSUPPORTED_MEDIA_TYPE, "The body has no Content-Type; send it as application/json (UTF-8)", List.of());
            return;
        }
        if (body && !isForm(contentType) && request.version() != HttpVersion.HTTP_2) {
            // Over HTTP/2 (also after a client's h2c upgrade, which Java's HttpClient asks for by default) the server has
            // taken the body in already, and the framework reads it from there: reading it here too made every such POST a
            // 500. Its size is then held by quarkus.http.limits.max-body-size, the same limit.
            // Reads the whole body (at most the limit), then goes on; a larger one fails the request with 413 (answerFailure).
            bodies.handle(context);
            return;
        }
        context.next();
    }

    void answerFailure(RoutingContext context) {
        int status = context.failure() instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        if (!answerStatus(context, status)) {
            // Not the HTTP layer refusing a request but an unexpected failure: answered as before, by Quarkus.
            context.next();
        }
    }

    private boolean answerStatus(RoutingContext context, int status) {
        HttpServerResponse response = context.response();
        if (!underApi(context.request()) || response.ended() || response.headWritten() || status < 400 || status >= 500) {
            return false;
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        switch (kind) {
            case PAYLOAD_TOO_LARGE -> {
                // The rest of the body is not read: the connection cannot carry another request.
                response.putHeader(HttpHeaders.CONNECTION, "close");
                answer(context, kind, "The body is larger than the " + maxBodyBytes + " bytes accepted", List.of());
            }
            case INVALID_REQUEST -> answer(context, kind, "The request could not be read (an HTTP/1.1 request needs a Host header)", List.of());
            default -> answer(context, kind, kind.title(), List.of());
        }
        return true;
    }

    /** Writes the problem; the request goes no further. */
    public void answer(RoutingContext context, ProblemKind kind, String detail, List<FieldError> errors) {
        HttpServerRequest request = context.request();
        Problem problem = Problem.of(kind, detail, instance(request.path()), errors);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written as JSON", e);
        }
        context.response().setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, RequestIds.idFor(request.getHeader(RequestIds.HEADER)))
                .end(body);
    }

    private static boolean underApi(HttpServerRequest request) {
        return request.path() != null && request.path().startsWith(API);
    }

    /** As Quarkus REST reads it: whatever it cannot parse must not reach it. */
    static boolean isMediaType(String value) {
        if (value.isBlank()) {
            return false;
        }
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A form or multipart body is not read: the body handler would decode it as a form (and fail on its own limits), and no
     * operation of the API takes one; Quarkus REST refuses it with 415 without reading it.
     */
    private static boolean isForm(String contentType) {
        String type = contentType == null ? "" : contentType.trim().toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    /** Vert.x has made sure that a {@code Content-Length} is one number (else it answers 400 itself); -1 without one. */
    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The path, as the problem's {@code instance}; none when it is not a valid URI reference. */
    private static URI instance(String path) {
        try {
            return path == null ? null : new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
