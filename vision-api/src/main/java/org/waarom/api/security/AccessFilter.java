package org.waarom.api.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.waarom.api.common.ProblemKind;
import org.waarom.api.common.ProblemResponses;
import org.waarom.api.organization.PublicRead;
import org.waarom.api.organization.service.OrganizationService;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every API request passes here: credentials are checked (an API key or an OIDC token as
 * {@code Authorization: Bearer …}), then the endpoint's one {@link Requires permission}.
 * A caller with no role in the organisation named by the path gets 404, exactly as if it did
 * not exist; one with a role but not the needed one gets 403.
 *
 * <p>The one exception: a request without any {@code Authorization} to a {@link PublicWhen public read}
 * that its organisation has opened is admitted as it is, and answered as {@link PublicAnswers} says.
 * A request that does carry credentials is always checked as above, on public reads too.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    private static final String BEARER = "Bearer ";

    private final ApiKeyService apiKeys;
    private final TokenVerifier tokens;
    private final AuthenticationThrottle throttle;
    private final CurrentActor actor;
    private final OrganizationService organizations;

    AccessFilter(ApiKeyService apiKeys, TokenVerifier tokens, AuthenticationThrottle throttle, CurrentActor actor,
                 OrganizationService organizations) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.throttle = throttle;
        this.actor = actor;
        this.organizations = organizations;
    }

    @ServerRequestFilter
    public Optional<Response> checkAccess(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Requires requires = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Requires.class);
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long wait = throttle.retryAfterSeconds(address);
        if (wait > 0) {
            return Optional.of(Response.fromResponse(ProblemResponses.of(ProblemKind.TOO_MANY_REQUESTS,
                    "Too many failed authentications from your address; retry in " + wait + " s", request.getUriInfo()))
                    .header(HttpHeaders.RETRY_AFTER, wait).build());
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && opensWithoutCredentials(request, resource)) {
            request.setProperty(PublicAnswers.PUBLIC_READ, Boolean.TRUE);
            return Optional.empty();
        }
        Optional<Caller> caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
                throttle.recordFailure(address);
                LOG.debugf("Failed authentication from %s on %s", address, request.getUriInfo().getPath());
            }
            return Optional.of(Response.fromResponse(ProblemResponses.of(ProblemKind.UNAUTHORIZED,
                    "Send a valid API key or token as 'Authorization: Bearer <credential>'", request.getUriInfo()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"waarom\"").build());
        }
        actor.authenticate(caller.get());
        if (requires == null) {
            // An endpoint without a declared permission is an oversight: only the operator may use it.
            return caller.get().isPlatformAdmin() ? Optional.empty() : forbidden(request, "This endpoint is reserved to the platform operator");
        }
        String organization = request.getUriInfo().getPathParameters().getFirst("org");
        Permission permission = requires.value();
        if (permission.scope() == Permission.Scope.ORGANIZATION && !caller.get().seesOrganization(organization)) {
            return Optional.of(ProblemResponses.of(ProblemKind.NOT_FOUND, OrganizationService.notFound(organization).getMessage(), request.getUriInfo()));
        }
        if (!caller.get().holds(permission, organization)) {
            return forbidden(request, "Your role does not allow " + permission.name().toLowerCase().replace('_', ' ')
                    + (organization == null ? "" : " in '" + organization + "'"));
        }
        return Optional.empty();
    }

    /**
     * Whether the endpoint is a {@link PublicWhen public read} that the organisation in the path has
     * opened. An unknown organisation has opened nothing, so a read without credentials answers 401 for
     * it exactly as for a private one: public reads do not tell which organisations exist.
     */
    private boolean opensWithoutCredentials(ContainerRequestContext request, ResourceInfo resource) {
        PublicWhen when = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(PublicWhen.class);
        if (when == null || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return false;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (Arrays.stream(when.unlessQuery()).anyMatch(query::containsKey)) {
            return false;
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String named = path.getFirst(when.namedBy());
        List<PublicRead> opening = Arrays.stream(when.value())
                .filter(read -> when.namedBy().isEmpty() || read.value().equals(named))
                .toList();
        if (opening.isEmpty()) {
            return false;
        }
        Set<PublicRead> open = organizations.publicReads(path.getFirst("org"));
        return opening.stream().anyMatch(open::contains);
    }

    private Optional<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String credential = authorization.substring(BEARER.length()).strip();
        if (credential.isEmpty() || credential.length() > 8_192) {
            return Optional.empty();
        }
        // A JWT has three dot-separated parts; an API key (ours or a bootstrap value) has none.
        if (credential.chars().filter(c -> c == '.').count() == 2) {
            return tokens.verify(credential);
        }
        return apiKeys.authenticate(credential);
    }

    private static Optional<Response> forbidden(ContainerRequestContext request, String detail) {
        return Optional.of(ProblemResponses.of(ProblemKind.FORBIDDEN, detail, request.getUriInfo()));
    }
}
