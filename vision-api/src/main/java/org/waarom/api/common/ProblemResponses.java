package org.waarom.api.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;

/** Builds the one shape every error response has: {@code application/problem+json}. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemKind kind, String detail, List<FieldError> errors, UriInfo uriInfo) {
        URI instance = uriInfo == null ? null : URI.create(uriInfo.getRequestUri().getRawPath());
        return Response.status(kind.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(kind, detail, instance, errors))
                .build();
    }

    public static Response of(ProblemKind kind, String detail, UriInfo uriInfo) {
        return of(kind, detail, List.of(), uriInfo);
    }
}
