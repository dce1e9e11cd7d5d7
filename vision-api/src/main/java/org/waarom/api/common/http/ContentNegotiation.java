package org.waarom.api.common.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.waarom.api.common.cache.ConditionalReads;
import org.waarom.api.common.problem.ProblemKind;
import org.waarom.api.common.problem.ProblemResponses;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What media types the API takes and gives, where the framework alone would be more lenient.
 *
 * <p><b>Request bodies are UTF-8 JSON and say so.</b> The decision:
 * <ul>
 *   <li>A body must come with its {@code Content-Type}: a body without one is refused (415), not guessed to be JSON
 *       ({@link HttpLayerProblems}, before the body is read).</li>
 *   <li>A body is read as UTF-8, the only encoding JSON has (RFC 8259 section 8.1); {@code application/json} defines no
 *       {@code charset} parameter, but {@code charset=utf-8} is common and harmless, so it is accepted. Any other
 *       charset ({@code utf-16}, {@code iso-8859-1}, …) is refused (415) rather than ignored: the parser would read the
 *       bytes as UTF-8 whatever the header says, so a client that really sent ISO-8859-1 would get other text stored
 *       than it meant. Converting is not offered either: no client of this API needs it, and one encoding keeps every
 *       reader of the body (signatures, proxies, logs) in agreement with us.</li>
 *   <li>Without a body there is nothing to read: some actions take an optional body ({@code POST …/adopt},
 *       {@code …/restore}), and a client that sends none usually sends no {@code Content-Type} either (curl, fetch).
 *       Such a request is read as an empty JSON body.</li>
 * </ul>
 * "A body" is one announced by {@code Content-Length} above 0 or by {@code Transfer-Encoding}, on POST, PUT and PATCH
 * (the methods whose bodies this API reads).
 *
 * <p><b>{@code Accept} with quality 0 means "not this".</b> The framework picks a representation among the media types
 * an operation produces that the {@code Accept} header matches, but does not honour {@code q=0} (RFC 9110 section
 * 12.5.1), so {@code Accept: application/json;q=0} still got JSON. An operation whose every media type the header rules
 * out answers 406; the quality of a media type is that of the most specific range that matches it
 * (<code>*&#47;*, application/json;q=0</code> rules JSON out). Operations that answer without a representation (204) have
 * nothing to refuse and are left alone; so is every DELETE, whose {@code Accept} is dropped before matching (the framework
 * would otherwise answer 406 to a DELETE with {@code Accept: text/csv} for the media types of its class, though a 204
 * has no media type).
 */
public class ContentNegotiation {

    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** Per endpoint, the media types it answers with; empty when it answers without a representation. */
    private static final Map<Method, List<MediaType>> PRODUCES = new ConcurrentHashMap<>();

    // Only looks at headers; non-blocking so that the non-blocking AccessFilter may follow (they must all come first).
    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Optional<Response> requireUtf8Json(ContainerRequestContext request) {
        if (HttpMethod.DELETE.equals(request.getMethod())) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
        }
        MediaType type = request.getMediaType();
        boolean body = WITH_BODY.contains(request.getMethod()) && announcesBody(request);
        if (type == null) {
            // No body (a body without a Content-Type is refused before, by HttpLayerProblems).
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            return Optional.empty();
        }
        String charset = charset(type);
        if (body && charset != null && !charset.equalsIgnoreCase("utf-8")) {
            return Optional.of(ProblemResponses.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be JSON in UTF-8, not charset=" + charset + "; send Content-Type: application/json without a charset "
                            + "or with charset=utf-8", request.getUriInfo()));
        }
        return Optional.empty();
    }

    /** Before authentication, as the framework's own 406 for a media type an operation does not produce. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION - 10)
    public Optional<Response> honourZeroQuality(ContainerRequestContext request, ResourceInfo resource) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        // Only a header with a zero quality can rule out what the framework would serve: the rest is its business.
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("q=0") || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        List<MediaType> produced = PRODUCES.computeIfAbsent(resource.getResourceMethod(), method -> produces(method, resource.getResourceClass()));
        List<Range> ranges = Range.parse(accept);
        if (produced.isEmpty() || produced.stream().anyMatch(type -> quality(type, ranges) > 0)) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(ProblemKind.NOT_ACCEPTABLE, "This resource is available as "
                + String.join(", ", produced.stream().map(type -> type.getType() + "/" + type.getSubtype()).toList())
                + "; Accept rules out every one of them (q=0)", request.getUriInfo()));
    }

    private static boolean announcesBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > 0;
        } catch (NumberFormatException e) {
            return true; // not a number: BodySizeLimit answers it
        }
    }

    private static String charset(MediaType type) {
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(MediaType.CHARSET_PARAMETER)) {
                String value = parameter.getValue().trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /**
     * The media types an endpoint answers with (its {@code @Produces}, else its class's); none when it never answers
     * with a representation: a {@code void} method, or one whose documented successes all come without content (204).
     */
    private static List<MediaType> produces(Method method, Class<?> resourceClass) {
        if (method.getReturnType() == void.class) {
            return List.of();
        }
        APIResponse[] responses = method.getAnnotationsByType(APIResponse.class);
        boolean documented = Arrays.stream(responses).anyMatch(response -> response.responseCode().startsWith("2"));
        if (documented && Arrays.stream(responses).noneMatch(response -> response.responseCode().startsWith("2") && response.content().length > 0)) {
            return List.of();
        }
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null && resourceClass != null) {
            produces = resourceClass.getAnnotation(Produces.class);
        }
        return produces == null ? List.of() : Arrays.stream(produces.value())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .map(MediaType::valueOf)
                .toList();
    }

    /**
     * The media type among {@code offered} that {@code accept} prefers: the highest quality above 0, then the one a more
     * specific range matched, then the first offered (the server's preference: {@code *}{@code /*} and no {@code Accept}
     * at all get the first). Empty when {@code accept} rules out every one (406).
     *
     * <p>Resources choose with this rather than {@code Request.selectVariant}, which sets a {@code Vary: Accept} header
     * of its own beside the {@code Vary} that {@link ConditionalReads} sends, so that an answer had two.
     */
    public static Optional<MediaType> preferred(String accept, List<MediaType> offered) {
        if (accept == null || accept.isBlank() || accept.equals(MediaType.WILDCARD)) {
            return offered.stream().findFirst();
        }
        // What pollers send: one offered type, as it is. It is that type (the only one it matches), without parsing.
        for (MediaType type : offered) {
            if (type.getParameters().isEmpty() && accept.length() == type.getType().length() + 1 + type.getSubtype().length()
                    && accept.regionMatches(true, 0, type.getType(), 0, type.getType().length())
                    && accept.charAt(type.getType().length()) == '/'
                    && accept.regionMatches(true, type.getType().length() + 1, type.getSubtype(), 0, type.getSubtype().length())) {
                return Optional.of(type);
            }
        }
        List<Range> ranges = Range.parse(accept);
        if (ranges.isEmpty()) {
            return offered.stream().findFirst(); // nothing readable in it: as if there were no Accept
        }
        MediaType best = null;
        double bestQuality = 0;
        int bestSpecificity = -1;
        for (MediaType type : offered) {
            double quality = quality(type, ranges);
            int specificity = ranges.stream().mapToInt(range -> range.specificity(type)).max().orElse(-1);
            if (quality > bestQuality || (quality == bestQuality && quality > 0 && specificity > bestSpecificity)) {
                best = type;
                bestQuality = quality;
                bestSpecificity = specificity;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The quality {@code ranges} give {@code type}: that of the most specific range matching it (the best of equals); 0 when none does. */
    static double quality(MediaType type, List<Range> ranges) {
        int specificity = -1;
        double quality = 0;
        for (Range range : ranges) {
            int matched = range.specificity(type);
            if (matched > specificity) {
                specificity = matched;
                quality = range.quality();
            } else if (matched == specificity && matched >= 0) {
                quality = Math.max(quality, range.quality());
            }
        }
        return quality;
    }

    /** One media range of an {@code Accept} header with its quality. */
    record Range(String type, String subtype, double quality) {

        static List<Range> parse(String accept) {
            return Arrays.stream(accept.split(","))
                    .map(String::trim)
                    .filter(entry -> !entry.isEmpty())
                    .map(Range::parseOne)
                    .flatMap(Optional::stream)
                    .toList();
        }

        private static Optional<Range> parseOne(String entry) {
            String[] parts = entry.split(";");
            String[] name = parts[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (name.length != 2 || name[0].isEmpty() || name[1].isEmpty()) {
                return Optional.empty(); // malformed: a preference, never a reason to fail
            }
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].trim().split("=", 2);
                if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                    try {
                        quality = Math.min(1, Math.max(0, Double.parseDouble(parameter[1].trim())));
                    } catch (NumberFormatException e) {
                        quality = 1;
                    }
                }
            }
            return Optional.of(new Range(name[0], name[1], quality));
        }

        /** 2 for {@code type/subtype}, 1 for {@code type/*}, 0 for <code>*&#47;*</code>; -1 when the range does not match. */
        int specificity(MediaType media) {
            if (type.equals("*")) {
                return 0;
            }
            if (!type.equalsIgnoreCase(media.getType())) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 1;
            }
            return subtype.equalsIgnoreCase(media.getSubtype()) ? 2 : -1;
        }
    }
}
