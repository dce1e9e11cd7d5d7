package org.waarom.scheduler.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.waarom.scheduler.config.SchedulerConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's admin view: which cycle reviews are scheduled, and when they fire.
 * {@code GET /scheduler/triggers[?organization=zorg-a][&page=0&size=200]} answers
 * {@code {"items": [{"organization", "element", "cycle", "anchorDate", "nextFireTime",
 * "previousFireTime", "state"}], "page", "size", "total"}}, sorted by organisation
 * and element.
 * <p>
 * It names every organisation, so it asks for the scheduler's own service key
 * ({@code Authorization: Bearer <WAAROM_API_KEY>}), the credential an operator already holds for
 * this service; anything else answers 401 as problem+json.
 */
@Path("/scheduler/triggers")
@Produces(MediaType.APPLICATION_JSON)
public class TriggersResource {

    static final int MAX_SIZE = 200;

    @Inject
    TriggerView view;

    @Inject
    SchedulerConfig config;

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @QueryParam("organization") String organization,
                         @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("200") int size) {
        if (!authorized(authorization)) {
            return problem(Response.Status.UNAUTHORIZED, "Send the scheduler's service key: Authorization: Bearer <WAAROM_API_KEY>")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build();
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            return problem(Response.Status.BAD_REQUEST, "page must be 0 or more, size between 1 and " + MAX_SIZE).build();
        }
        return Response.ok(view.page(Optional.ofNullable(organization).filter(o -> !o.isBlank()), page, size)).build();
    }

    private boolean authorized(String authorization) {
        Optional<String> key = config.api().key().filter(k -> !k.isBlank());
        if (key.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        // Constant-time comparison: the answer time says nothing about how much of the key matched.
        return MessageDigest.isEqual(key.get().getBytes(StandardCharsets.UTF_8),
                authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    private static Response.ResponseBuilder problem(Response.Status status, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", status.getReasonPhrase(),
                        "status", status.getStatusCode(), "detail", detail));
    }
}
