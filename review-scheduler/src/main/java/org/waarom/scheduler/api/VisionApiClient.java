package org.waarom.scheduler.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The vision-api endpoints the scheduler uses, as the API documents them. Package-private on
 * purpose: everything else goes through {@link VisionApi}, which adds the credentials, retries,
 * the circuit breaker and the timeout. The base URL is configuration only
 * ({@code quarkus.rest-client.vision-api.url}).
 */
@RegisterRestClient(configKey = "vision-api")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface VisionApiClient {

    /** Every review policy of every organisation, one page at a time. */
    @GET
    @Path("/review-policies")
    ReviewPolicyPage reviewPolicies(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @QueryParam("page") int page,
                                    @QueryParam("size") int size);

    /**
     * One organisation's policies. Read as a tree: the list arrives either bare or as a page
     * ({@code {"items": […]}}), and {@link VisionApi} accepts both.
     */
    @GET
    @Path("/organizations/{org}/review-policies")
    JsonNode reviewPoliciesOf(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("org") String organization);

    /** The event feed after a cursor; without a cursor ({@code null}) from its start. */
    @GET
    @Path("/events")
    FeedPage events(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                    @QueryParam("after") String after,
                    @QueryParam("limit") int limit);

    /** 201 for a new task, 200 when a task with the same sourceKey exists (the existing task). */
    @POST
    @Path("/organizations/{org}/review-tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createReviewTask(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("org") String organization,
                              NewReviewTask task);
}
