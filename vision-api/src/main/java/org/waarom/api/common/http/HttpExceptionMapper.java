package org.waarom.api.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.waarom.api.common.problem.ProblemKind;
import org.waarom.api.common.problem.ProblemResponses;

import java.util.Set;

/**
 * Statuses the framework raises before our code runs: unknown path (404), wrong method (405),
 * unacceptable {@code Accept} (406), wrong {@code Content-Type} (415), a body that is not JSON (400).
 * Same status, problem body. A 405 always names the allowed methods in {@code Allow}, and a wrong
 * method on a path the API serves is a 405 even where the framework says 404 (see {@link ResourceMethods}).
 */
public class HttpExceptionMapper {

    private final ResourceMethods resourceMethods;

    HttpExceptionMapper(ResourceMethods resourceMethods) {
        this.resourceMethods = resourceMethods;
    }

    @ServerExceptionMapper
    public Response toProblem(WebApplicationException exception, UriInfo uriInfo, Request request) {
        // Quarkus REST wraps a body that is not JSON at all in a plain 400; answer it like the other JSON failures.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return MalformedBodyMapper.problem(json, uriInfo);
            }
        }
        int status = exception.getResponse().getStatus();
        if (status == 404 || status == 405) {
            Set<String> allowed = resourceMethods.allowed(uriInfo.getRequestUri().getRawPath());
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                return Response.fromResponse(ProblemResponses.of(ProblemKind.METHOD_NOT_ALLOWED,
                                "This resource answers " + String.join(", ", allowed) + ", not " + request.getMethod(), uriInfo))
                        .header("Allow", String.join(", ", allowed))
                        .build();
            }
        }
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
        String allow = exception.getResponse().getHeaderString("Allow");
        if (status == 405 && allow != null) {
            return Response.fromResponse(problem).header("Allow", allow).build();
        }
        return problem;
    }
}
