package org.waarom.api.security;

import io.quarkus.arc.ClientProxy;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.waarom.api.common.ProblemKind;
import org.waarom.api.common.ProblemResponses;
import org.waarom.api.common.cache.ReadCache;
import org.waarom.api.common.cache.RequestStamps;
import org.waarom.api.organization.service.OrganizationService;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API request passes here: credentials are checked (an API key or an OIDC token as
 * {@code Authorization: Bearer …}), then the endpoint's one {@link Requires permission}.
 * A caller with no role in the organisation named by the path gets 404, exactly as if it did
 * not exist; one with a role but not the needed one gets 403.
 *
 * <p>Non-blocking: it runs on the event loop, before a blocking endpoint moves to a worker thread.
 * The key check is a database query (shared by concurrent requests, see {@link ApiKeyService#authenticate})
 * that no thread waits for; a token is verified on a worker thread (its key set may have to be fetched).
 * So a request served from the read cache never needs a worker thread at all.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    private static final String BEARER = "Bearer ";
    /** Each endpoint's permission, read once (reflection on every request is measurable on the polled reads). */
    private static final Map<Method, Optional<Requires>> REQUIRES = new ConcurrentHashMap<>();

    private final ApiKeyService apiKeys;
    private final TokenVerifier tokens;
    private final AuthenticationThrottle throttle;
    private final CurrentActor actor;
    private final RequestStamps requestStamps;

    AccessFilter(ApiKeyService apiKeys, TokenVerifier tokens, AuthenticationThrottle throttle, CurrentActor actor, RequestStamps requestStamps) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.throttle = throttle;
        this.actor = actor;
        this.requestStamps = requestStamps;
    }

    // Non-blocking filters must come before every other (non-pre-matching) filter; authentication does anyway.
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> checkAccess(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Requires requires = resource.getResourceMethod() == null ? null
                : REQUIRES.computeIfAbsent(resource.getResourceMethod(), method -> Optional.ofNullable(method.getAnnotation(Requires.class))).orElse(null);
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        long wait = throttle.retryAfterSeconds(address);
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
        return authenticate(authorization, organization, stamps)
                .map(caller -> decide(request, requires, address, authorization, organization, caller, requestActor));
    }

    /** The caller the credential stands for; {@code organization} is the one the path names (null if none). */
    private Uni<Optional<Caller>> authenticate(String authorization, String organization, RequestStamps stamps) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().item(Optional.empty());
        }
        String credential = authorization.substring(BEARER.length()).strip();
        if (credential.isEmpty() || credential.length() > 8_192) {
            return Uni.createFrom().item(Optional.empty());
        }
        // A JWT has three dot-separated parts; an API key (ours or a bootstrap value) has none.
        if (credential.chars().filter(c -> c == '.').count() == 2) {
            return ReadCache.blocking(() -> tokens.verify(credential));
        }
        return Uni.createFrom().completionStage(apiKeys.authenticate(credential, organization)).map(check -> {
            // The stamp was read after the request arrived: the request's read may use it (ReadCache).
            check.organizationStamp().ifPresent(stamp -> stamps.remember(organization, stamp));
            return check.caller();
        });
    }

    /** Null to go on; else the answer that refuses the request. */
    private Response decide(ContainerRequestContext request, Requires requires, String address, String authorization, String organization,
                            Optional<Caller> caller, CurrentActor requestActor) {
        if (caller.isEmpty()) {
            if (authorization != null) {
                throttle.recordFailure(address);
                LOG.debugf("Failed authentication from %s on %s", address, request.getUriInfo().getPath());
            }
            return Response.fromResponse(ProblemResponses.of(ProblemKind.UNAUTHORIZED,
                    "Send a valid API key or token as 'Authorization: Bearer <credential>'", request.getUriInfo()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"waarom\"").build();
        }
        requestActor.authenticate(caller.get());
        if (requires == null) {
            // An endpoint without a declared permission is an oversight: only the operator may use it.
            return caller.get().isPlatformAdmin() ? null : forbidden(request, "This endpoint is reserved to the platform operator");
        }
        Permission permission = requires.value();
        if (permission.scope() == Permission.Scope.ORGANIZATION && !caller.get().seesOrganization(organization)) {
            return ProblemResponses.of(ProblemKind.NOT_FOUND, OrganizationService.notFound(organization).getMessage(), request.getUriInfo());
        }
        if (!caller.get().holds(permission, organization)) {
            return forbidden(request, "Your role does not allow " + permission.name().toLowerCase().replace('_', ' ')
                    + (organization == null ? "" : " in '" + organization + "'"));
        }
        return null;
    }

    private static Response forbidden(ContainerRequestContext request, String detail) {
        return ProblemResponses.of(ProblemKind.FORBIDDEN, detail, request.getUriInfo());
    }
}
