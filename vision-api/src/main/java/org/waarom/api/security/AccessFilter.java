package org.waarom.api.security;

import io.quarkus.arc.ClientProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.waarom.api.common.OrganizationSlug;
import org.waarom.api.common.cache.ReadCache;
import org.waarom.api.common.cache.RequestStamps;
import org.waarom.api.common.problem.ProblemKind;
import org.waarom.api.common.problem.ProblemResponses;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API request passes here: credentials are checked (an API key or an OIDC token as
 * {@code Authorization: Bearer …}), then the endpoint's one {@link Requires permission}.
 * A caller with no role in the organisation named by the path gets 404, exactly as if it did
 * not exist; one with a role but not the needed one gets 403.
 *
 * <p>Two kinds of request without an {@code Authorization} header are admitted otherwise:
 * <ul>
 * <li>on an endpoint that {@link AcceptsToken accepts a URL token}, a token of the kind it names in the
 *     query: a calendar feed token (valid for the feed of its own organisation) or a consultation
 *     invitation (valid for its own feedback in its own open round), each resolved by the feature that issued it
 *     ({@link CapabilityTokens}); anything else such a token is
 *     presented for answers 401, and a failed attempt counts towards the throttle like a bad key;</li>
 * <li>a {@link PublicWhen public read} that its organisation has opened is admitted as it is, and
 *     answered as {@link PublicAnswers} says.</li>
 * </ul>
 * A request that does carry credentials is always checked as above, on public reads too.
 *
 * <p>Non-blocking: it runs on the event loop, before a blocking endpoint moves to a worker thread.
 * The key check is a database query (shared by concurrent requests, see {@link ApiKeyLookup#authenticate})
 * that no thread waits for; a token, a URL token or a public read is checked on a worker thread.
 * So a request with an API key that is served from the read cache never needs a worker thread at all.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    private static final String BEARER = "Bearer ";
    /** Each endpoint's annotations, read once (reflection on every request is measurable on the polled reads). */
    private static final Map<Method, Optional<Requires>> REQUIRES = new ConcurrentHashMap<>();
    private static final Map<Method, Optional<PublicWhen>> PUBLIC_WHEN = new ConcurrentHashMap<>();
    private static final Map<Method, Optional<AcceptsToken>> ACCEPTS_TOKEN = new ConcurrentHashMap<>();
    private static final Map<Method, Optional<TokenPage>> TOKEN_PAGE = new ConcurrentHashMap<>();

    /**
     * Request property set when a URL token admitted the request: the organisation it was valid for. The
     * caller has no role there, yet what it did belongs in that organisation's audit log.
     */
    public static final String TOKEN_GRANT = "waarom.token-grant";

    private final ApiKeyLookup apiKeys;
    private final TokenVerifier tokens;
    private final AuthenticationThrottle throttle;
    private final CurrentActor actor;
    private final RequestStamps requestStamps;
    /** The URL tokens the features issue, one implementation per {@link AcceptsToken.Kind}. */
    private final Instance<CapabilityTokens> urlTokens;
    /** What the organisations opened to everyone, as organization says ({@link OpenedReads}). */
    private final OpenedReads openedReads;
    private final TokenPageRefusals pageRefusals;

    AccessFilter(ApiKeyLookup apiKeys, TokenVerifier tokens, AuthenticationThrottle throttle, CurrentActor actor, RequestStamps requestStamps,
                 Instance<CapabilityTokens> urlTokens, OpenedReads openedReads, TokenPageRefusals pageRefusals) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.throttle = throttle;
        this.actor = actor;
        this.requestStamps = requestStamps;
        this.urlTokens = urlTokens;
        this.openedReads = openedReads;
        this.pageRefusals = pageRefusals;
    }

    // Non-blocking filters must come before every other (non-pre-matching) filter; authentication does anyway.
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> checkAccess(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        Requires requires = annotation(REQUIRES, method, Requires.class);
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long wait = throttle.retryAfterSeconds(address);
        TokenPage page = annotation(TOKEN_PAGE, method, TokenPage.class);
        if (page != null) {
            return checkPageToken(request, page.value(), address, wait);
        }
        if (wait > 0) {
            return Uni.createFrom().item(Response.fromResponse(ProblemResponses.of(ProblemKind.TOO_MANY_REQUESTS,
                    "Too many failed authentications from your address; retry in " + wait + " s", request.getUriInfo()))
                    .header(HttpHeaders.RETRY_AFTER, wait).build());
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String organization = request.getUriInfo().getPathParameters().getFirst("org");
        // This request's own instances: the answer may arrive on another thread, where the request context is not active.
        CurrentActor requestActor = ClientProxy.unwrap(actor);
        RequestStamps stamps = ClientProxy.unwrap(requestStamps);
        if (authorization == null) {
            AcceptsToken accepts = annotation(ACCEPTS_TOKEN, method, AcceptsToken.class);
            String urlToken = accepts == null ? null : request.getUriInfo().getQueryParameters().getFirst(AcceptsToken.QUERY_PARAMETER);
            if (urlToken != null) {
                return ReadCache.blocking(() -> checkUrlToken(request, accepts.value(), urlToken, organization, address, requestActor));
            }
            List<PublicRead> opening = publicReadsOpening(request, method);
            if (!opening.isEmpty()) {
                return ReadCache.blocking(() -> openedReads.openedBy(organization)).map(open -> {
                    if (opening.stream().anyMatch(open::contains)) {
                        request.setProperty(PublicAnswers.PUBLIC_READ, Boolean.TRUE);
                        return null;
                    }
                    return unauthorized(request, "Send a valid API key or token as 'Authorization: Bearer <credential>'");
                });
            }
        }
        // A path segment no organisation can have is never looked up (a NUL byte would fail the query): no stamp is read for it,
        // and an authenticated caller gets the 404 of an organisation that does not exist.
        String lookedUp = OrganizationSlug.possible(organization) ? organization : null;
        String credential = credential(authorization);
        if (credential != null && isToken(credential)) {
            return ReadCache.blocking(() -> tokens.verify(credential))
                    .map(caller -> decide(request, requires, address, authorization, organization, caller, requestActor));
        }
        if (credential == null) {
            return Uni.createFrom().item(decide(request, requires, address, authorization, organization, Optional.empty(), requestActor));
        }
        // The key check and the decision as one stage, wrapped once: every Mutiny operator on the hot path captures and
        // restores the request's contexts. The decision needs none: it uses this request's own instances (above).
        return Uni.createFrom().completionStage(apiKeys.authenticate(credential, lookedUp).thenApply(check -> {
            // The stamp was read after the request arrived: the request's read may use it (ReadCache).
            check.organizationStamp().ifPresent(stamp -> stamps.remember(lookedUp, stamp));
            return decide(request, requires, address, authorization, organization, check.caller(), requestActor);
        }));
    }

    private static <A extends Annotation> A annotation(Map<Method, Optional<A>> known, Method method, Class<A> type) {
        return method == null ? null : known.computeIfAbsent(method, m -> Optional.ofNullable(m.getAnnotation(type))).orElse(null);
    }

    /**
     * A URL token's whole grant is the endpoint that accepts its kind, for what the token was issued for (the feed
     * of its organisation; its own round's feedback): valid there, or 401 (never 404, which would confirm what exists).
     * Elsewhere a {@code token} in the query is no credential at all, so it grants nothing there.
     */
    private Response checkUrlToken(ContainerRequestContext request, AcceptsToken.Kind kind, String token, String organization, String address,
                                   CurrentActor requestActor) {
        Map<String, String> path = new HashMap<>();
        request.getUriInfo().getPathParameters().forEach((name, values) -> path.put(name, values.isEmpty() ? null : values.get(0)));
        Optional<Caller> caller = urlTokens.stream().filter(issued -> issued.kind() == kind).findFirst()
                .flatMap(issued -> issued.resolve(path, token));
        if (caller.isEmpty()) {
            throttle.recordFailure(address);
            // The path only: the query holds the token.
            LOG.debugf("Failed %s authentication from %s on %s", kind, address, request.getUriInfo().getPath());
            return unauthorized(request, kind.refusal());
        }
        requestActor.authenticate(caller.get());
        request.setProperty(TOKEN_GRANT, organization);
        return null;
    }

    /**
     * A {@link TokenPage page} is its link's: the token in the query is the whole grant, whatever else the request carries.
     * Refusals are pages, and one page for every invalid token, so that a page never tells which tokens exist.
     */
    private Uni<Response> checkPageToken(ContainerRequestContext request, TokenPage.Kind kind, String address, long wait) {
        if (wait > 0) {
            return Uni.createFrom().item(pageRefusals.refuse(request, TokenPageRefusals.Reason.TOO_MANY_ATTEMPTS, wait));
        }
        String token = request.getUriInfo().getQueryParameters().getFirst(AcceptsToken.QUERY_PARAMETER);
        String organization = request.getUriInfo().getPathParameters().getFirst("org");
        CurrentActor requestActor = ClientProxy.unwrap(actor);
        if (token == null) {
            return Uni.createFrom().item(pageRefusals.refuse(request, TokenPageRefusals.Reason.LINK_NOT_VALID, 0));
        }
        return ReadCache.blocking(() -> {
            Map<String, String> path = new HashMap<>();
            request.getUriInfo().getPathParameters().forEach((name, values) -> path.put(name, values.isEmpty() ? null : values.get(0)));
            Optional<Caller> caller = urlTokens.stream().filter(issued -> issued.kind() == kind.token()).findFirst()
                    .flatMap(issued -> issued.admitToPage(path, token));
            if (caller.isEmpty()) {
                throttle.recordFailure(address);
                // The path only: the query holds the token.
                LOG.debugf("Failed %s page authentication from %s on %s", kind, address, request.getUriInfo().getPath());
                return pageRefusals.refuse(request, TokenPageRefusals.Reason.LINK_NOT_VALID, 0);
            }
            requestActor.authenticate(caller.get());
            request.setProperty(TOKEN_GRANT, organization);
            return null;
        });
    }

    /**
     * The {@link PublicWhen public reads} any one of which, when its organisation has opened it, admits this
     * request without credentials; empty when the endpoint is no public read for this method and query.
     * An unknown organisation has opened nothing, so a read without credentials answers 401 for it exactly
     * as for a private one: public reads do not tell which organisations exist.
     */
    private static List<PublicRead> publicReadsOpening(ContainerRequestContext request, Method method) {
        PublicWhen when = annotation(PUBLIC_WHEN, method, PublicWhen.class);
        if (when == null || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return List.of();
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (Arrays.stream(when.unlessQuery()).anyMatch(query::containsKey)) {
            return List.of();
        }
        String named = request.getUriInfo().getPathParameters().getFirst(when.namedBy());
        return Arrays.stream(when.value())
                .filter(read -> when.namedBy().isEmpty() || read.value().equals(named))
                .toList();
    }

    /** The bearer credential of an {@code Authorization} header; null when there is none that could be one. */
    private static String credential(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String credential = authorization.substring(BEARER.length()).strip();
        return credential.isEmpty() || credential.length() > 8_192 ? null : credential;
    }

    /** A JWT has three dot-separated parts; an API key (ours or a bootstrap value) has none. */
    private static boolean isToken(String credential) {
        return credential.chars().filter(c -> c == '.').count() == 2;
    }

    /** Null to go on; else the answer that refuses the request. */
    private Response decide(ContainerRequestContext request, Requires requires, String address, String authorization, String organization,
                            Optional<Caller> caller, CurrentActor requestActor) {
        if (caller.isEmpty()) {
            if (authorization != null) {
                throttle.recordFailure(address);
                LOG.debugf("Failed authentication from %s on %s", address, request.getUriInfo().getPath());
            }
            return unauthorized(request, "Send a valid API key or token as 'Authorization: Bearer <credential>'");
        }
        requestActor.authenticate(caller.get());
        if (organization != null && !OrganizationSlug.possible(organization)) {
            return ProblemResponses.of(ProblemKind.NOT_FOUND, OrganizationSlug.notFound(organization).getMessage(), request.getUriInfo());
        }
        if (requires == null) {
            // An endpoint without a declared permission is an oversight: only the operator may use it.
            return caller.get().isPlatformAdmin() ? null : forbidden(request, "This endpoint is reserved to the platform operator");
        }
        Permission permission = requires.value();
        if (permission.scope() == Permission.Scope.ORGANIZATION && !caller.get().seesOrganization(organization)) {
            return ProblemResponses.of(ProblemKind.NOT_FOUND, OrganizationSlug.notFound(organization).getMessage(), request.getUriInfo());
        }
        if (!caller.get().holds(permission, organization)) {
            return forbidden(request, "Your role does not allow " + permission.name().toLowerCase().replace('_', ' ')
                    + (organization == null ? "" : " in '" + organization + "'"));
        }
        return null;
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        return Response.fromResponse(ProblemResponses.of(ProblemKind.UNAUTHORIZED, detail, request.getUriInfo()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"waarom\"").build();
    }

    private static Response forbidden(ContainerRequestContext request, String detail) {
        return ProblemResponses.of(ProblemKind.FORBIDDEN, detail, request.getUriInfo());
    }
}
