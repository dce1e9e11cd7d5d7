package org.waarom.api.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses bodies over {@code waarom.limits.max-body-bytes} with 413 problem+json before they are
 * read. (Bodies without Content-Length are capped by {@code quarkus.http.limits.max-body-size}.)
 */
public class BodySizeLimit {

    private final WaaromConfig config;

    BodySizeLimit(WaaromConfig config) {
        this.config = config;
    }

    // Only looks at headers; non-blocking so that the non-blocking AccessFilter may follow (they must all come first).
    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(ProblemResponses.of(ProblemKind.INVALID_REQUEST, "Content-Length is not a number", request.getUriInfo()));
        }
        long limit = config.limits().maxBodyBytes();
        if (bytes > limit) {
            return Optional.of(ProblemResponses.of(ProblemKind.PAYLOAD_TOO_LARGE,
                    "The body has " + bytes + " bytes; at most " + limit + " are accepted", request.getUriInfo()));
        }
        return Optional.empty();
    }
}
