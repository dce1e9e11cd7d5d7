package org.waarom.api.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.http.QueryParams;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.common.problem.Problem;
import org.waarom.api.element.ElementType;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.service.ReviewLinkService;
import org.waarom.api.review.service.ReviewReminderService;
import org.waarom.api.review.service.ReviewTaskService;
import org.waarom.api.review.service.ReviewTaskViews;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.util.List;

/**
 * Review tasks: asked for by the review-scheduler (cycles, goals, a new vision) or by hand; completed by quality managers.
 * Their reminders are recorded here by the review-scheduler, which sends them.
 */
@Path("/api/v1/organizations/{org}/review-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews",
        description = "Periodic reviews of the elements: each element's review policy and the review tasks and reminders it leads to. Quality managers "
                + "set the policies and complete the tasks; the review-scheduler (`service`) asks for tasks, reads them across all organisations and "
                + "records the reminders it sends.")
public class ReviewTaskResource {

    private final ReviewTaskService reviews;
    private final ReviewTaskViews tasks;
    private final ReviewReminderService reminders;
    private final ReviewLinkService links;

    ReviewTaskResource(ReviewTaskService reviews, ReviewTaskViews tasks, ReviewReminderService reminders, ReviewLinkService links) {
        this.reviews = reviews;
        this.tasks = tasks;
        this.reminders = reminders;
        this.links = links;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REVIEW_TASK_CREATE)
    @Operation(operationId = "createReviewTask", summary = "Ask for a review",
            description = "201 with the new task, or 200 with the existing task when one has this `sourceKey`: delivery may repeat, tasks never do. "
                    + "An element has one open review per kind of cause (a cycle, a new vision, a reached goal; each manual review is its own cause): "
                    + "a new task cancels the open task of an older cause of its kind, with a note naming the new task. "
                    + "409 for a cause that is superseded already: a `VISION_CHANGED` task for a vision version that a later adopted version "
                    + "replaced (only the vision that is, or will be, in effect asks for a strategy review), or a cause older than that of "
                    + "an open task of its kind.")
    @APIResponse(responseCode = "201", description = "The new task",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    @APIResponse(responseCode = "200", description = "The task that already had this sourceKey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    @APIResponse(responseCode = "409", description = "The cause is superseded already: a later vision was adopted, or an open task of its kind has a newer cause",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), example = """
                    {"type": "https://waarom.org/problems/conflict", "title": "The request conflicts with the current state", "status": 409,
                     "detail": "Version 1 of the vision was superseded by version 3: only the adoption of the vision that is (or will be) in effect asks for a review"}"""))
    public Response create(@PathParam("org") String org, @Valid @NotNull(message = "a JSON object is required") CreateReviewTaskRequest request,
                           @Context UriInfo uriInfo) {
        ReviewTaskService.CreatedTask result = reviews.createTask(org, request);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/organizations/{org}/review-tasks/{id}").build(org, result.task().id());
        return (result.created() ? Response.created(location) : Response.ok().location(location)).entity(result.task()).build();
    }

    @GET
    @Requires(Permission.REVIEW_TASK_READ)
    @Operation(operationId = "listReviewTasks", summary = "List review tasks",
            description = "By due date; filter by status, element, reason and dueBefore (exclusive).")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskPage.class)))
    public Response list(@PathParam("org") String org,
                         @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"OPEN", "DONE", "CANCELLED"})) String status,
                         @QueryParam("element") @Parameter(schema = @Schema(enumeration = {"mission", "vision", "values", "strategy"})) String element,
                         @QueryParam("reason") @Parameter(schema = @Schema(enumeration = {"CYCLE", "GOAL_REACHED", "VISION_CHANGED", "MANUAL"})) String reason,
                         @QueryParam("dueBefore") @Parameter(description = "YYYY-MM-DD") String dueBefore,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return tasks.tasks(org, filter(status, element, reason, dueBefore), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.REVIEW_TASK_READ)
    @Operation(operationId = "getReviewTask", summary = "Read a review task",
            description = "With its reminders, the goal or version that caused it, and, while it is open, how many references cited the element since its last adoption.")
    @APIResponse(responseCode = "200", description = "The task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    public ReviewTaskView get(@PathParam("org") String org, @PathParam("id") String id) {
        return tasks.task(org, id(id));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REVIEW_TASK_CLOSE)
    @Operation(operationId = "completeReviewTask", summary = "Complete a review",
            description = "CONFIRMED (no change needed, with a note) or REVISED (naming the version adopted since). 409 unless OPEN.")
    @APIResponse(responseCode = "200", description = "The completed task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    public ReviewTaskView complete(@PathParam("org") String org, @PathParam("id") String id,
                                   @Valid @NotNull(message = "a JSON object is required") CompleteReviewTaskRequest request) {
        return reviews.complete(org, id(id), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/cancel")
    @Requires(Permission.REVIEW_TASK_CLOSE)
    @Operation(operationId = "cancelReviewTask", summary = "Cancel a review", description = "The body is optional: `{\"note\": \"…\"}`. 409 unless OPEN.")
    @APIResponse(responseCode = "200", description = "The cancelled task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewTaskView.class)))
    public ReviewTaskView cancel(@PathParam("org") String org, @PathParam("id") String id, @Valid CancelRequest request) {
        return reviews.cancel(org, id(id), request == null ? null : request.note());
    }

    @POST
    @Path("/{id}/reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REVIEW_REMINDER_RECORD)
    @Operation(operationId = "recordReminder", summary = "Record a reminder",
            description = "The review-scheduler records each reminder (PENDING) before it sends it. "
                    + "A task has at most one reminder of each kind by each channel: a second answers 409 with the existing record in `reminder`, "
                    + "so two replicas never both send it. Only for OPEN tasks (409 otherwise). "
                    + "The answer carries in `links` one review link per recipient (by e-mail), each with its token and the review page it "
                    + "opens, for the message to carry: shown this once (only hashes are kept); a 409 makes none. To send a recorded but "
                    + "unsent reminder again, get new links with `POST …/reminders/{reminderId}/links`.")
    @APIResponse(responseCode = "201", description = "The recorded reminder, PENDING, with its links (shown once)",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewReminderView.class)))
    @APIResponse(responseCode = "409", description = "The task has a reminder of this kind by this channel (it is in `reminder`), or the task is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), example = """
                    {"type": "https://waarom.org/problems/conflict", "title": "The request conflicts with the current state", "status": 409,
                     "detail": "Review task 31 already has a UPCOMING reminder by EMAIL (reminder 5, SENT)",
                     "instance": "/api/v1/organizations/zorg-a/review-tasks/31/reminders",
                     "reminder": {"id": 5, "kind": "UPCOMING", "channel": "EMAIL", "recipients": [{"name": "An Peeters", "email": "an@zorg-a.be"}],
                                  "status": "SENT", "attempts": 0, "lastError": null, "recordedBy": "review-scheduler",
                                  "recordedAt": "2026-08-02T06:00:00Z", "sentAt": "2026-08-02T06:00:04Z"}}"""))
    public Response recordReminder(@PathParam("org") String org, @PathParam("id") String id,
                                   @Valid @NotNull(message = "a JSON object is required") RecordReminderRequest request, @Context UriInfo uriInfo) {
        long taskId = id(id);
        ReviewReminderView reminder = reminders.record(org, taskId, request);
        URI location = uriInfo.getBaseUriBuilder().path("api/v1/organizations/{org}/review-tasks/{id}/reminders/{reminderId}")
                .build(org, taskId, reminder.id());
        return Response.created(location).entity(withPages(reminder, org, taskId, uriInfo)).build();
    }

    @POST
    @Path("/{id}/reminders/{reminderId}/links")
    @Requires(Permission.REVIEW_REMINDER_RECORD)
    @Operation(operationId = "replaceReminderLinks", summary = "Make a reminder's links again",
            description = "For sending a recorded reminder that was not sent (PENDING or FAILED) again: new review links, one per recipient, "
                    + "shown this once; the reminder's earlier links are revoked, so it has one valid link per recipient. "
                    + "409 once the reminder was sent, or when the task is not open.")
    @APIResponse(responseCode = "200", description = "The reminder with its new links (shown once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewReminderView.class)))
    @APIResponse(responseCode = "409", description = "The reminder was sent already, or the task is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), example = """
                    {"type": "https://waarom.org/problems/conflict", "title": "The request conflicts with the current state", "status": 409,
                     "detail": "Reminder 5 of review task 31 was sent at 2026-08-02T06:00:04Z; its links went out with it and are not made again",
                     "instance": "/api/v1/organizations/zorg-a/review-tasks/31/reminders/5/links"}"""))
    public ReviewReminderView replaceLinks(@PathParam("org") String org, @PathParam("id") String id, @PathParam("reminderId") String reminderId,
                                           @Context UriInfo uriInfo) {
        long taskId = id(id);
        return withPages(reminders.replaceLinks(org, taskId, reminderId(taskId, reminderId)), org, taskId, uriInfo);
    }

    @POST
    @Path("/{id}/reminders/{reminderId}/links/{linkId}/delivery")
    @Requires(Permission.REVIEW_REMINDER_RECORD)
    @Operation(operationId = "recordReviewLinkDelivery", summary = "Record that a link's message went out",
            description = "The review-scheduler sends an e-mail reminder as one message per recipient, each with only that recipient's "
                    + "link, and records each message that went out here. Making the reminder's links again (to send it again) then "
                    + "skips the recipients who have theirs, so each recipient gets the reminder once. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "The link, with when its message went out (never with its token)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewLinkView.class)))
    public ReviewLinkView recordDelivery(@PathParam("org") String org, @PathParam("id") String id, @PathParam("reminderId") String reminderId,
                                   @PathParam("linkId") String linkId) {
        long taskId = id(id);
        long reminder = reminderId(taskId, reminderId);
        long link;
        try {
            link = Long.parseLong(linkId);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Reminder " + reminder + " of review task " + taskId + " has no link '" + linkId + "'");
        }
        return links.delivered(org, taskId, reminder, link);
    }

    @GET
    @Path("/{id}/links")
    @Requires(Permission.REVIEW_TASK_CLOSE)
    @Operation(operationId = "listReviewLinks", summary = "List a task's review links",
            description = "The links that are not revoked, oldest first, each with its recipient and reminder, never with its token. "
                    + "They open the task's review page while the task is open.")
    @APIResponse(responseCode = "200", description = "A page of links",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkPage.class)))
    public Response links(@PathParam("org") String org, @PathParam("id") String id,
                          @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return links.links(org, id(id), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @DELETE
    @Path("/{id}/links/{linkId}")
    @Requires(Permission.REVIEW_TASK_CLOSE)
    @Operation(operationId = "revokeReviewLink", summary = "Revoke a review link",
            description = "From now on the link opens nothing; its page says that the link does not work, and nothing more.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeLink(@PathParam("org") String org, @PathParam("id") String id, @PathParam("linkId") String linkId) {
        long taskId = id(id);
        long link;
        try {
            link = Long.parseLong(linkId);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Review task " + taskId + " has no link '" + linkId + "'");
        }
        links.revoke(org, taskId, link);
        return Response.noContent().build();
    }

    /** The reminder with the addresses of its links' pages, on this service. */
    private static ReviewReminderView withPages(ReviewReminderView reminder, String org, long taskId, UriInfo uriInfo) {
        if (reminder.links() == null) {
            return reminder;
        }
        String base = uriInfo.getBaseUri().toString();
        String root = base.endsWith("/") ? base : base + "/";
        return reminder.withLinks(reminder.links().stream().map(link -> link.withPage(root, org, taskId)).toList());
    }

    @GET
    @Path("/{id}/reminders")
    @Requires(Permission.REVIEW_TASK_READ)
    @Operation(operationId = "listReminders", summary = "List a task's reminders", description = "In the order they were recorded.")
    @APIResponse(responseCode = "200", description = "A page of reminders",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReminderPage.class)))
    public Response reminders(@PathParam("org") String org, @PathParam("id") String id,
                              @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return reminders.reminders(org, id(id), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}/reminders/{reminderId}")
    @Requires(Permission.REVIEW_TASK_READ)
    @Operation(operationId = "getReminder", summary = "Read a reminder",
            description = "One reminder of a review task: its kind, channel, recipients and whether it was sent.")
    @APIResponse(responseCode = "200", description = "The reminder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewReminderView.class)))
    public ReviewReminderView reminder(@PathParam("org") String org, @PathParam("id") String id, @PathParam("reminderId") String reminderId) {
        long taskId = id(id);
        return reminders.reminder(org, taskId, reminderId(taskId, reminderId));
    }

    @PATCH
    @Path("/{id}/reminders/{reminderId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REVIEW_REMINDER_RECORD)
    @Operation(operationId = "recordReminderOutcome", summary = "Record a reminder's outcome",
            description = "`{\"status\": \"SENT\"}` (sets sentAt; writes the event "
                    + "`review-task.reminded`) or `{\"status\": \"FAILED\", \"error\": \"…\"}` (counts the attempt, keeps the error). "
                    + "A PENDING or FAILED reminder can become either; a SENT one does not change (409).")
    @APIResponse(responseCode = "200", description = "The reminder",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewReminderView.class)))
    @APIResponse(responseCode = "409", description = "The reminder was already sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), example = """
                    {"type": "https://waarom.org/problems/conflict", "title": "The request conflicts with the current state", "status": 409,
                     "detail": "Reminder 5 of review task 31 was sent at 2026-08-02T06:00:04Z; a sent reminder does not change",
                     "instance": "/api/v1/organizations/zorg-a/review-tasks/31/reminders/5"}"""))
    public ReviewReminderView updateReminder(@PathParam("org") String org, @PathParam("id") String id, @PathParam("reminderId") String reminderId,
                                             @Valid @NotNull(message = "a JSON object is required") UpdateReminderRequest request) {
        long taskId = id(id);
        return reminders.update(org, taskId, reminderId(taskId, reminderId), request);
    }

    /** Parses the task list's filters; shared with the list of every organisation's tasks. */
    static ReviewTaskViews.TaskFilter filter(String status, String element, String reason, String dueBefore) {
        ElementType type = element == null || element.isBlank() ? null : ElementType.fromPath(element.trim())
                .orElseThrow(() -> new InvalidRequestException("element", "must be one of " + ElementType.allPaths()));
        return new ReviewTaskViews.TaskFilter(QueryParams.enumOf("status", status, ReviewTask.Status.class), type,
                QueryParams.enumOf("reason", reason, ReviewTask.Reason.class), QueryParams.date("dueBefore", dueBefore));
    }

    @Schema(name = "CancelReviewTask")
    public record CancelRequest(@Size(max = 2000) @Schema(examples = "Merged into the yearly review") String note) {
    }

    @Schema(name = "ReviewTaskPage")
    record TaskPage(List<ReviewTaskView> items, int page, int size, long total) {
    }

    @Schema(name = "ReviewLinkPage")
    record LinkPage(List<ReviewLinkView> items, int page, int size, long total) {
    }

    @Schema(name = "ReviewReminderPage")
    record ReminderPage(List<ReviewReminderView> items, int page, int size, long total) {
    }

    private static long reminderId(long taskId, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Review task " + taskId + " has no reminder '" + value + "'");
        }
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is no review task '" + value + "'");
        }
    }
}
