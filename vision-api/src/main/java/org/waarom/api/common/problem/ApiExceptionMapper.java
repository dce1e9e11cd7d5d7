package org.waarom.api.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain failures thrown by services (not found, conflict, precondition failed, …). */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response toProblem(ApiException exception, UriInfo uriInfo) {
        return ProblemResponses.of(exception.kind(), exception.getMessage(), exception.errors(), exception.members(), uriInfo);
    }
}
