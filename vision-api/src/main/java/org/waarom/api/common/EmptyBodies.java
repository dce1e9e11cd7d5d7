package org.waarom.api.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Some actions take an optional body ({@code POST …/adopt}, {@code …/restore}). A client that sends
 * none usually sends no {@code Content-Type} either (curl, fetch); such a request is read as an
 * empty JSON body rather than refused with 415. A body of another media type still is refused.
 */
public class EmptyBodies {

    // Only looks at headers; non-blocking so that the non-blocking AccessFilter may follow (they must all come first).
    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void treatMissingBodyAsEmptyJson(ContainerRequestContext request) {
        if (request.getMediaType() == null && !request.hasEntity() && request.getHeaderString("Transfer-Encoding") == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
