package org.waarom.api.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds the one shape every error response has: {@code application/problem+json}. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemKind kind, String detail, List<FieldError> errors, UriInfo uriInfo) {
        return of(kind, detail, errors, Map.of(), uriInfo);
    }

    /** With RFC 9457 extension members beside the standard ones. */
    public static Response of(ProblemKind kind, String detail, List<FieldError> errors, Map<String, Object> members, UriInfo uriInfo) {
        URI instance = uriInfo == null ? null : URI.create(uriInfo.getRequestUri().getRawPath());
        return Response.status(kind.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(kind, detail, instance, errors, members))
                .build();
    }

    public static Response of(ProblemKind kind, String detail, UriInfo uriInfo) {
        return of(kind, detail, List.of(), uriInfo);
    }
}
