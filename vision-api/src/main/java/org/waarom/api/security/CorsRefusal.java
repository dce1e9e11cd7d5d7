package org.waarom.api.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.api.common.http.HttpLayerProblems;
import org.waarom.api.common.problem.ProblemKind;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A request from a browser page whose origin may not call the API gets the 403 the Quarkus CORS filter would give, but
 * as an RFC 9457 problem, like every other error: that filter ends such a request with an empty body. The origins are
 * the same ones that filter reads ({@code WAAROM_CORS_ORIGINS}), matched the same way: exactly, {@code *} for any, or
 * {@code /regex/}; a page of the API's own origin is always allowed. Runs after {@link PublicAnswers} has set aside the
 * origin of credential-less reads, and before the CORS filter. The problem is written by {@link HttpLayerProblems}, as every
 * answer the HTTP layer gives itself.
 */
public class CorsRefusal {

    /** Between {@link PublicAnswers#BEFORE_CORS} and the Quarkus CORS filter (300). */
    static final int PRIORITY = 350;

    private final List<String> origins;
    private final HttpLayerProblems problems;

    CorsRefusal(WaaromConfig config, HttpLayerProblems problems) {
        this.origins = config.cors().origins().orElse(List.of());
        this.problems = problems;
    }

    void refuseOtherOrigins(@Observes Filters filters) {
        filters.register(this::refuseOtherOrigin, PRIORITY);
    }

    void refuseOtherOrigin(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || request.path() == null || !request.path().startsWith("/api/") || allowed(origin, request)) {
            context.next();
            return;
        }
        problems.answer(context, ProblemKind.FORBIDDEN, "Pages of " + origin + " may not call this API from a browser: it is not one of "
                + "the origins the operator allowed (WAAROM_CORS_ORIGINS)", List.of());
    }

    private boolean allowed(String origin, HttpServerRequest request) {
        for (String allowed : origins) {
            if ("*".equals(allowed) || allowed.equals(origin)
                    || (allowed.length() > 2 && allowed.startsWith("/") && allowed.endsWith("/")
                    && Pattern.matches(allowed.substring(1, allowed.length() - 1), origin))) {
                return true;
            }
        }
        return origin.equals(request.scheme() + "://" + request.getHeader(HttpHeaders.HOST));
    }
}
