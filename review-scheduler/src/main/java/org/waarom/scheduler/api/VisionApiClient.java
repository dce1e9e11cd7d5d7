package org.waarom.scheduler.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

    /** The review tasks of every organisation with {@code status}, one page at a time, each with its reminders. */
    @GET
    @Path("/review-tasks")
    ReviewTaskPage reviewTasks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @QueryParam("status") String status,
                               @QueryParam("page") int page,
                               @QueryParam("size") int size);

    /** One organisation: its name and default language. */
    @GET
    @Path("/organizations/{org}")
    Organization organization(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("org") String organization);

    /**
     * 201 with the new reminder record ({@code PENDING}); 409 when the task has a record of that
     * kind and channel (the problem carries it as {@code reminder}) or is no longer open.
     */
    @POST
    @Path("/organizations/{org}/review-tasks/{id}/reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    Response recordReminder(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("org") String organization,
                            @PathParam("id") long taskId,
                            NewReminder reminder);

    /** 200 with the reminder and new links for its recipients (the earlier ones revoked); 409 once it was sent. */
    @POST
    @Path("/organizations/{org}/review-tasks/{id}/reminders/{reminderId}/links")
    Reminder replaceReminderLinks(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @PathParam("org") String organization,
                                  @PathParam("id") long taskId,
                                  @PathParam("reminderId") long reminderId);

    /** 200 with the link: the message with it went out to its recipient. */
    @POST
    @Path("/organizations/{org}/review-tasks/{id}/reminders/{reminderId}/links/{linkId}/delivery")
    Response recordDelivery(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("org") String organization,
                            @PathParam("id") long taskId,
                            @PathParam("reminderId") long reminderId,
                            @PathParam("linkId") long linkId);

    /** 200 with the updated record; 409 when it was already {@code SENT}. */
    @PATCH
    @Path("/organizations/{org}/review-tasks/{id}/reminders/{rid}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateReminder(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("org") String organization,
                            @PathParam("id") long taskId,
                            @PathParam("rid") long reminderId,
                            ReminderUpdate update);
}
