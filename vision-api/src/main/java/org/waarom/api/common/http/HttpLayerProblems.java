package org.waarom.api.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.QueryStringDecoder;
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
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.Problem;
import org.waarom.api.common.problem.ProblemKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where the HTTP layer's own refusals of a request under {@code /api/} become RFC 9457 problems: what
 * Vert.x decides before Quarkus REST, and with it every filter, resource and exception mapper of the API, sees the
 * request. Without it these answers are empty, or a 500 with an ERROR and a stack trace in the log.
 *
 * <ul>
 *   <li>A {@code Content-Type} that is not a media type ({@code garbage}, {@code a/b/c}, {@code *}{@code /*}, empty) is 400, for every
 *       method and before authentication: Quarkus REST cannot parse it and would fail with a 500.</li>
 *   <li>The body is read here, at most {@code waarom.limits.max-body-bytes} of it, whether it comes with a
 *       {@code Content-Length} or chunked; more is 413, before anything is stored. This is the only body limit:
 *       {@code quarkus.http.limits.max-body-size} is the same number, and Quarkus REST reads the body from here.</li>
 *   <li>A request URI over {@value #MAX_URI_CHARS} characters is 414, headers over {@value #MAX_HEADER_BYTES} bytes
 *       431. Vert.x's own limits ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are
 *       set well above these, so that what a real client might send gets a problem from here.</li>
 *   <li>A path no resource can have is 404 before anything looks it up: an empty segment ({@code //}), a matrix
 *       parameter ({@code ;x=1}, which the framework would strip and serve the resource), a NUL ({@code %00}, which a
 *       lookup in PostgreSQL fails on), or digits other than ASCII ({@code /api-keys/%EF%BC%91}: Java reads fullwidth
 *       and Arabic-Indic digits as numbers, so the id would be found under a path the API never hands out).</li>
 *   <li>A query parameter is given once, with a value as it is: {@code page=1&page=2}, {@code page=} and
 *       {@code page=%201} are 400 naming it (which one counts is not guessed, an empty value is not taken for an absent
 *       one, and spaces are not trimmed away). A NUL in the query is 400.</li>
 *   <li>An {@code Accept} that is not a list of media ranges ({@code garbage}) is 400, whatever the method: the
 *       framework would answer 406 to some operations and ignore it on others.</li>
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
    /** The longest request URI (path and query) answered; longer is 414. Vert.x's own limit is far above. */
    static final int MAX_URI_CHARS = 4096;
    /** The most header bytes (names and values) answered; more is 431. Vert.x's own limit is far above. */
    static final int MAX_HEADER_BYTES = 20 * 1024;
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
        if (request.uri().length() > MAX_URI_CHARS) {
            answer(context, ProblemKind.URI_TOO_LONG, "The request URI has " + request.uri().length() + " characters; at most "
                    + MAX_URI_CHARS + " are accepted", List.of());
            return;
        }
        int headerBytes = headerBytes(request);
        if (headerBytes > MAX_HEADER_BYTES) {
            answer(context, ProblemKind.HEADERS_TOO_LARGE, "The request headers have " + headerBytes + " bytes; at most "
                    + MAX_HEADER_BYTES + " are accepted", List.of());
            return;
        }
        String unservable = unservablePath(rawPath(request));
        if (unservable != null) {
            answer(context, ProblemKind.NOT_FOUND, "No resource has this path: " + unservable, List.of());
            return;
        }
        List<FieldError> queryErrors = queryErrors(request.uri());
        if (!queryErrors.isEmpty()) {
            answer(context, ProblemKind.INVALID_REQUEST, "Invalid query parameters", queryErrors);
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            answer(context, ProblemKind.INVALID_REQUEST, "Content-Type is not a media type; send the body as application/json",
                    List.of(new FieldError("Content-Type", "must be a media type such as application/json")));
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !isMediaRangeList(accept)) {
            answer(context, ProblemKind.INVALID_REQUEST, "Accept is not a list of media ranges; send e.g. application/json or */*",
                    List.of(new FieldError("Accept", "must be a comma-separated list of media ranges such as application/json")));
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

    /** Also {@code //api/…}, which the router would serve as {@code /api/…}. */
    private static boolean underApi(HttpServerRequest request) {
        String path = request.path();
        return path != null && (path.startsWith(API) || path.replaceAll("/{2,}", "/").startsWith(API));
    }

    /** The path as the client sent it: Vert.x's {@link HttpServerRequest#path()} has collapsed {@code //} already. */
    private static String rawPath(HttpServerRequest request) {
        String uri = request.uri();
        if (!uri.startsWith("/")) {
            return request.path();
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** Why no resource can have {@code rawPath}; null when it may be one. */
    static String unservablePath(String rawPath) {
        if (rawPath.contains("//") || rawPath.contains("/./") || rawPath.contains("/../") || rawPath.endsWith("/.") || rawPath.endsWith("/..")) {
            return "it has an empty or a dot segment (//, /./, /../)";
        }
        if (rawPath.indexOf(';') >= 0) {
            return "it has a matrix parameter (;), which no resource takes";
        }
        if (rawPath.contains("%00")) {
            return "it holds a NUL character (%00)";
        }
        String path = rawPath;
        // Without a percent sign there is nothing to decode (a '+' stays a '+' in a path): most paths, every poll.
        if (rawPath.indexOf('%') >= 0) {
            try {
                path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "it is not validly percent-encoded";
            }
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isDigit(c) && (c < '0' || c > '9')) {
                return "it holds a digit other than 0-9 (U+" + String.format("%04X", (int) c) + "); ids and numbers are written in ASCII digits";
            }
        }
        return null;
    }

    /** Each query parameter given more than once, or without a value, or holding a NUL. */
    static List<FieldError> queryErrors(String uri) {
        int question = uri.indexOf('?');
        if (question < 0) {
            return List.of();
        }
        Map<String, List<String>> parameters = new QueryStringDecoder(uri.substring(question), StandardCharsets.UTF_8, true).parameters();
        List<FieldError> errors = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (values.size() > 1) {
                errors.add(new FieldError(name, "is given " + values.size() + " times; give it once"));
            } else if (values.get(0).isEmpty()) {
                errors.add(new FieldError(name, "has no value; give one or leave the parameter out"));
            } else if (!values.get(0).equals(values.get(0).strip())) {
                errors.add(new FieldError(name, "has spaces around its value; send the value alone"));
            } else if (values.get(0).indexOf('\0') >= 0 || name.indexOf('\0') >= 0) {
                errors.add(new FieldError(name, "holds a NUL character (%00), which no parameter can hold"));
            }
        });
        return errors;
    }

    private static int headerBytes(HttpServerRequest request) {
        int bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF, as on the wire
        }
        return bytes;
    }

    /** As Quarkus REST reads it: whatever it cannot parse must not reach it. */
    static boolean isMediaType(String value) {
        if (value.isBlank()) {
            return false;
        }
        try {
            // A range such as */* or application/* says what a client accepts, never what a body is.
            MediaType type = MediaType.valueOf(value);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Each element of the list parses as a media range ({@code application/json}, {@code text/*;q=0.5}); empty ones are allowed. */
    static boolean isMediaRangeList(String value) {
        for (String range : value.split(",")) {
            if (range.isBlank()) {
                continue;
            }
            try {
                MediaType.valueOf(range.strip());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
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
