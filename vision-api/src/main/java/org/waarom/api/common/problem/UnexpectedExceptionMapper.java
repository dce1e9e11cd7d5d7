package org.waarom.api.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The last resort: log the failure, answer 500 problem+json without internals (no class names, no
 * stack). A database that went away can also surface here (a commit that failed, the connection
 * pool); that is a 503, as in {@link PersistenceExceptionMapper}.
 */
public class UnexpectedExceptionMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @ServerExceptionMapper
    public Response toProblem(Exception exception, UriInfo uriInfo) {
        if (PersistenceExceptionMapper.databaseUnavailable(exception)) {
            return PersistenceExceptionMapper.databaseUnavailable(exception, uriInfo);
        }
        LOG.error("Unexpected failure on " + uriInfo.getRequestUri().getRawPath(), exception);
        return ProblemResponses.of(ProblemKind.INTERNAL_ERROR, "An unexpected error occurred; it has been logged", uriInfo);
    }
}
