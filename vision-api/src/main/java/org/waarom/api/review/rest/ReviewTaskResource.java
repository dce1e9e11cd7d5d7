package org.waarom.api.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.InvalidRequestException;
import org.waarom.api.common.NotFoundException;
import org.waarom.api.common.PageRequest;
import org.waarom.api.common.QueryParams;
import org.waarom.api.element.ElementType;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.service.ReviewService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.util.List;

/** Review tasks: asked for by the review-scheduler (cycles, goals, a new vision) or by hand; completed by quality managers. */
@Path("/api/v1/organizations/{org}/review-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ReviewTaskResource {

    private final ReviewService reviews;

    ReviewTaskResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REVIEW_TASK_CREATE)
    @Operation(summary = "Ask for a review", description = "201 with the new task, or 200 with the existing task when one has this `sourceKey`: delivery may repeat, tasks never do.")
    @APIResponse(responseCode = "201", description = "The new task",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    @APIResponse(responseCode = "200", description = "The task that already had this sourceKey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    public Response create(@PathParam("org") String org, @Valid @NotNull(message = "a JSON object is required") CreateReviewTaskRequest request,
                           @Context UriInfo uriInfo) {
        ReviewService.CreatedTask result = reviews.createTask(org, request);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/organizations/{org}/review-tasks/{id}").build(org, result.task().id());
        return (result.created() ? Response.created(location) : Response.ok().location(location)).entity(result.task()).build();
    }

    @GET
    @Requires(Permission.REVIEW_TASK_READ)
    @Operation(summary = "List review tasks", description = "By due date; filter by status, element, reason and dueBefore (exclusive).")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskPage.class)))
    public Response list(@PathParam("org") String org,
                         @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"OPEN", "DONE", "CANCELLED"})) String status,
                         @QueryParam("element") @Parameter(schema = @Schema(enumeration = {"mission", "vision", "values", "strategy"})) String element,
                         @QueryParam("reason") @Parameter(schema = @Schema(enumeration = {"CYCLE", "GOAL_REACHED", "VISION_CHANGED", "MANUAL"})) String reason,
                         @QueryParam("dueBefore") @Parameter(description = "YYYY-MM-DD") String dueBefore,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        ElementType type = element == null || element.isBlank() ? null : ElementType.fromPath(element.trim())
                .orElseThrow(() -> new InvalidRequestException("element", "must be one of " + ElementType.allPaths()));
        return reviews.tasks(org, QueryParams.enumOf("status", status, ReviewTask.Status.class), type, QueryParams.enumOf("reason", reason, ReviewTask.Reason.class),
                QueryParams.date("dueBefore", dueBefore), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.REVIEW_TASK_READ)
    @Operation(summary = "Read a review task")
    @APIResponse(responseCode = "200", description = "The task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    public ReviewTaskView get(@PathParam("org") String org, @PathParam("id") String id) {
        return reviews.task(org, id(id));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REVIEW_TASK_CLOSE)
    @Operation(summary = "Complete a review", description = "CONFIRMED (no change needed, with a note) or REVISED (naming the version adopted since). 409 unless OPEN.")
    @APIResponse(responseCode = "200", description = "The completed task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    public ReviewTaskView complete(@PathParam("org") String org, @PathParam("id") String id,
                                   @Valid @NotNull(message = "a JSON object is required") CompleteReviewTaskRequest request) {
        return reviews.complete(org, id(id), request);
    }

    @POST
    @Path("/{id}/cancel")
    @Requires(Permission.REVIEW_TASK_CLOSE)
    @Operation(summary = "Cancel a review", description = "The body is optional: `{\"note\": \"…\"}`. 409 unless OPEN.")
    @APIResponse(responseCode = "200", description = "The cancelled task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    public ReviewTaskView cancel(@PathParam("org") String org, @PathParam("id") String id, @Valid CancelRequest request) {
        return reviews.cancel(org, id(id), request == null ? null : request.note());
    }

    @Schema(name = "CancelReviewTask")
    public record CancelRequest(@Size(max = 2000) @Schema(examples = "Merged into the yearly review") String note) {
    }

    @Schema(name = "ReviewTaskPage")
    record TaskPage(List<ReviewTaskView> items, int page, int size, long total) {
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no review task '" + value + "'");
        }
    }
}
