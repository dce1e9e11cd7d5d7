package org.waarom.api.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Statuses the framework raises before our code runs: unknown path (404), wrong method (405),
 * unacceptable {@code Accept} (406), wrong {@code Content-Type} (415). Same status, problem body.
 */
public class HttpExceptionMapper {

    private final MalformedBodyMapper malformedBodies = new MalformedBodyMapper();

    @ServerExceptionMapper
    public Response toProblem(WebApplicationException exception, UriInfo uriInfo) {
        // The JSON reader wraps parse failures of truncated or empty bodies; answer them as such.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedBodies.other(json, uriInfo);
            }
        }
        int status = exception.getResponse().getStatus();
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = switch (kind) {
            case NOT_FOUND -> "No resource at " + uriInfo.getRequestUri().getRawPath();
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource cannot be served in the media type(s) the Accept header asks for";
            case INVALID_REQUEST -> "The request could not be read";
            default -> kind.title();
        };
        Response problem = ProblemResponses.of(kind, detail, uriInfo);
        if (exception instanceof NotAllowedException && exception.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", exception.getResponse().getHeaderString("Allow")).build();
        }
        return problem;
    }
}
