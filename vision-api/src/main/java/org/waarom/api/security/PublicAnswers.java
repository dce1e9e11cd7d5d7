package org.waarom.api.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * How an answer to a public read ({@link PublicWhen}, admitted by {@link AccessFilter} without
 * credentials) differs from every other answer: any website may fetch it from the browser
 * ({@code Access-Control-Allow-Origin: *}) and any cache may keep it for five minutes
 * ({@code Cache-Control: public, max-age=300}). Answers to requests with credentials never get either:
 * they stay {@code private} and CORS-limited to the configured intranet origins.
 *
 * <p>The Quarkus CORS filter refuses (403) every origin outside {@code WAAROM_CORS_ORIGINS} before
 * any resource is chosen, so a website could never reach a public read. A GET or HEAD under
 * {@code /api/} that carries no {@code Authorization} therefore has its {@code Origin} set aside
 * before that filter runs. That is safe: the origin check protects requests that carry ambient
 * credentials, and such a request carries none; it gets a public answer, or the 401 every
 * credential-less request gets. Requests with credentials, and every other method, meet the CORS
 * policy exactly as configured.
 */
public class PublicAnswers {

    /** Request property set by {@link AccessFilter} when it admitted a request as a public read. */
    static final String PUBLIC_READ = PublicAnswers.class.getName() + ".publicRead";
    static final String CACHE_CONTROL = "public, max-age=300";
    /** What a website's script may read of a public answer, besides the CORS-safelisted headers. */
    static final String EXPOSED = "ETag, Last-Modified, Content-Language, Waarom-Variant";
    /** Runs before the Quarkus CORS filter (priority 300; higher runs first). */
    static final int BEFORE_CORS = 400;

    void setAsideOriginOfCredentialLessReads(@Observes Filters filters) {
        filters.register(PublicAnswers::setAsideOrigin, BEFORE_CORS);
    }

    static void setAsideOrigin(RoutingContext context) {
        HttpServerRequest request = context.request();
        if ((request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader(HttpHeaders.ORIGIN) != null
                && request.path() != null && request.path().startsWith("/api/")) {
            request.headers().remove(HttpHeaders.ORIGIN);
        }
        context.next();
    }

    @ServerResponseFilter
    public void markPublicAnswer(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PUBLIC_READ) == null) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN.toString(), "*");
        response.getHeaders().putSingle(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS.toString(), EXPOSED);
        // Only what is current is worth keeping; a problem (no mission adopted yet, 406) must not linger in caches.
        if (response.getStatus() == 200 || response.getStatus() == 304) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL.toString(), CACHE_CONTROL);
        }
    }
}
