package org.waarom.api.common.cache;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.waarom.api.common.problem.ProblemKind;
import org.waarom.api.common.problem.ProblemResponses;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code If-None-Match: *} on the changes that take no {@code If-Match} (revoking a key, deleting a webhook, recording a
 * reminder's outcome, …): the change is asked for only if the resource does not exist (RFC 9110 section 13.1.2), and the
 * resource a change is made to exists, so the answer is 412 and nothing changes. The changes that take {@code If-Match}
 * check both headers in {@link EntityTags#requireMatch(String, String)}. A list of tags in {@code If-None-Match} names
 * states of a resource that has none here, so it never matches and the change is made.
 */
public class UnconditionalWrites {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Map<Method, Boolean> TAKES_IF_MATCH = new ConcurrentHashMap<>();

    /** After authentication and authorization: a caller who may not see the resource learns nothing from a 412. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.USER)
    public Optional<Response> refuseIfNoneMatchAny(ContainerRequestContext request, ResourceInfo resource) {
        String ifNoneMatch = request.getHeaderString("If-None-Match");
        if (ifNoneMatch == null || SAFE.contains(request.getMethod()) || resource.getResourceMethod() == null
                || Arrays.stream(ifNoneMatch.split(",")).map(String::trim).noneMatch("*"::equals)
                || TAKES_IF_MATCH.computeIfAbsent(resource.getResourceMethod(), UnconditionalWrites::takesIfMatch)) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(ProblemKind.PRECONDITION_FAILED,
                "If-None-Match: * asks for the change only if the resource does not exist; leave it out to make the change",
                request.getUriInfo()));
    }

    private static boolean takesIfMatch(Method method) {
        return Arrays.stream(method.getParameters()).map(Parameter::getAnnotations).flatMap(Arrays::stream)
                .anyMatch(annotation -> annotation instanceof HeaderParam header && header.value().equalsIgnoreCase("If-Match"));
    }
}
