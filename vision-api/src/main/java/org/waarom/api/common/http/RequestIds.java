package org.waarom.api.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A request id per API request, so that a client's report, a gateway's log and our log lines can be
 * matched: the caller's {@value #HEADER} when it is sane (a gateway or load balancer usually sets
 * one), else a new UUID. It is answered in the {@value #HEADER} response header, on errors too, and
 * kept in the logging MDC under {@value #MDC_KEY}, so every log line written for the request (JSON
 * logs: the {@code mdc} object) carries it.
 *
 * <p>An incoming id is only taken when it is short and made of letters, digits and {@code -._:};
 * anything else (too long, spaces, control characters that could forge log lines) is replaced.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Before every other filter (Priorities.AUTHENTICATION is 1000). */
    private static final int FIRST = 100;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * Pre-matching, first of all (non-blocking filters must precede the others): runs before the
     * body checks, authentication and routing, so that even a 401, 404 or 413 has its id.
     */
    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = FIRST)
    public void assign(ContainerRequestContext request) {
        String incoming = request.getHeaderString(HEADER);
        String id = idFor(incoming);
        request.setProperty(MDC_KEY, id);
        // Quarkus keeps the MDC in the request's (duplicated) context: it follows the request to worker threads and ends with it.
        MDC.put(MDC_KEY, id);
    }

    /** The caller's id when it is sane, else a new one; also for answers the HTTP layer gives itself ({@link HttpLayerProblems}). */
    public static String idFor(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id has to be unique, not unguessable (it grants
     * nothing), and {@link UUID#randomUUID()} takes every request through one shared SecureRandom.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                         // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // IETF variant
        return new UUID(high, low).toString();
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
