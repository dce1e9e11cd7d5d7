package org.waarom.api.review.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.review.service.ReviewTaskViews;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

/** Every organisation's review tasks at once: what the review-scheduler sends reminders from. */
@Path("/api/v1/review-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews") // described once, on ReviewTaskResource
public class AllReviewTasksResource {

    private final ReviewTaskViews tasks;

    AllReviewTasksResource(ReviewTaskViews tasks) {
        this.tasks = tasks;
    }

    @GET
    @Requires(Permission.ALL_REVIEW_TASKS_READ)
    @Operation(operationId = "listAllReviewTasks", summary = "All review tasks",
            description = "The tasks of every organisation, each with its `organization` and `reminders`, "
                    + "by due date; the same filters as an organisation's list (`status=OPEN` for the ones to remind of). "
                    + "For the review-scheduler (`service`) and the operator.")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskResource.TaskPage.class)))
    public Response list(@QueryParam("status") @Parameter(schema = @Schema(enumeration = {"OPEN", "DONE", "CANCELLED"})) String status,
                         @QueryParam("element") @Parameter(schema = @Schema(enumeration = {"mission", "vision", "values", "strategy"})) String element,
                         @QueryParam("reason") @Parameter(schema = @Schema(enumeration = {"CYCLE", "GOAL_REACHED", "VISION_CHANGED", "MANUAL"})) String reason,
                         @QueryParam("dueBefore") @Parameter(description = "YYYY-MM-DD") String dueBefore,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return tasks.allTasks(ReviewTaskResource.filter(status, element, reason, dueBefore), PageRequest.parse(page, size)).toResponse(uriInfo);
    }
}
