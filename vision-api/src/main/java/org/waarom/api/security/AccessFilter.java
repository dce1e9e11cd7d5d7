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
import org.waarom.api.calendar.service.CalendarFeedService;
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
 * not exist; one with a role but not the needed one gets 403. On an endpoint that
 * {@link AcceptsFeedToken accepts a feed token}, a request without an {@code Authorization} header
 * may instead carry a calendar feed token in the query; it is valid only for that endpoint of its
 * own organisation, and anything else it is presented for answers 401.
 *
 * <p>Public reads: a request without any {@code Authorization} to a {@link PublicWhen public read}
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
    private final CalendarFeedService calendarFeeds;
    private final OrganizationService organizations;

    AccessFilter(ApiKeyService apiKeys, TokenVerifier tokens, AuthenticationThrottle throttle, CurrentActor actor,
                 CalendarFeedService calendarFeeds, OrganizationService organizations) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.throttle = throttle;
        this.actor = actor;
        this.calendarFeeds = calendarFeeds;
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
        String organization = request.getUriInfo().getPathParameters().getFirst("org");
        String feedToken = feedToken(request, resource);
        if (feedToken != null) {
            return checkFeedToken(request, feedToken, organization, address);
        }
        Optional<Caller> caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (caller.isEmpty()) {
            if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
                throttle.recordFailure(address);
                LOG.debugf("Failed authentication from %s on %s", address, request.getUriInfo().getPath());
            }
            return unauthorized(request, "Send a valid API key or token as 'Authorization: Bearer <credential>'");
        }
        actor.authenticate(caller.get());
        if (requires == null) {
            // An endpoint without a declared permission is an oversight: only the operator may use it.
            return caller.get().isPlatformAdmin() ? Optional.empty() : forbidden(request, "This endpoint is reserved to the platform operator");
        }
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
     * The feed token of this request, when the endpoint accepts one and no Authorization header is sent
     * (that header, when present, is the credential and is checked as everywhere else). Elsewhere a
     * {@code token} in the query is no credential at all, so a feed token grants nothing there.
     */
    private static String feedToken(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(AcceptsFeedToken.class)
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        return request.getUriInfo().getQueryParameters().getFirst(AcceptsFeedToken.QUERY_PARAMETER);
    }

    /** A feed token's whole grant is the feed of its own organisation: valid there, or 401 (never 404, which would confirm the organisation). */
    private Optional<Response> checkFeedToken(ContainerRequestContext request, String token, String organization, String address) {
        Optional<Caller> caller = calendarFeeds.authenticate(token, organization);
        if (caller.isEmpty()) {
            throttle.recordFailure(address);
            // The path only: the query holds the token.
            LOG.debugf("Failed feed token authentication from %s on %s", address, request.getUriInfo().getPath());
            return unauthorized(request, "The calendar feed token is not valid here: it is unknown, revoked or for another feed. "
                    + "Create a new feed at …/calendar-feeds, or send an API key or token as 'Authorization: Bearer <credential>'");
        }
        actor.authenticate(caller.get());
        return Optional.empty();
    }

    private static Optional<Response> unauthorized(ContainerRequestContext request, String detail) {
        return Optional.of(Response.fromResponse(ProblemResponses.of(ProblemKind.UNAUTHORIZED, detail, request.getUriInfo()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"waarom\"").build());
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
