package org.waarom.api.page.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Lets the pages' own forms through the CORS filter. The pages send {@code Referrer-Policy: no-referrer}, so a browser
 * posting one of their forms sends {@code Origin: null}; Quarkus's CORS filter would refuse that as a foreign origin
 * (403 with an empty body). On {@code /pages/} only, an {@code Origin: null} is set aside here, before that filter; the
 * page then decides by {@code Sec-Fetch-Site} ({@link SameOrigin}). A real foreign origin is left as it is, and refused.
 */
@Singleton
public class OpaqueFormOrigin {

    /** Before the CORS filter (300), after HttpLayerProblems (500). */
    static final int PRIORITY = 400;

    void register(@Observes Filters filters) {
        filters.register(this::setAside, PRIORITY);
    }

    void setAside(RoutingContext context) {
        String path = context.request().path();
        if (path != null && path.startsWith("/pages/") && "null".equals(context.request().getHeader("Origin"))) {
            context.request().headers().remove("Origin");
        }
        context.next();
    }
}
