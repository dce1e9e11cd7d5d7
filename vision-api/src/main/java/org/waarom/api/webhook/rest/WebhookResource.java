package org.waarom.api.webhook.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;
import org.waarom.api.webhook.service.WebhookService;

import java.net.URI;
import java.util.List;

/** An organisation's webhooks: HTTP endpoints that receive its events, signed, as they happen. */
@Path("/api/v1/organizations/{org}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks",
        description = "HTTP endpoints that receive an organisation's events as they happen, signed with a shared secret. Organisation admins register "
                + "them, follow their delivery log and enable them again after failures.")
public class WebhookResource {

    static final String DELIVERY = "Each event is POSTed as JSON (`id`, `type`, `organization`, `occurredAt`, `data`, as in the event feed) with the "
            + "Standard Webhooks headers `webhook-id` (the event id, the same on every retry), `webhook-timestamp` (unix seconds of the attempt) and "
            + "`webhook-signature: v1,<base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>.<body>\">`, keyed with the base64-decoded part of the "
            + "`whsec_` secret. A 2xx answer counts as delivered; anything else (redirects too) is retried with exponential back-off (by default "
            + "10 s, 20 s, 40 s, … at most an hour apart), in order: later events wait. After a day of failures (by default), or at once on 410 Gone, the webhook is disabled and a `webhook.disabled` "
            + "event is written; `POST …/webhooks/{id}/enable` resumes it where it stopped. At least once: deduplicate on `webhook-id`.";

    /** The answer to enabling a webhook that had been disabled, for the OpenAPI document. */
    static final String ENABLED_EXAMPLE = """
            {"id": 3, "url": "https://hr.zorg-a.be/hooks/waarom", "events": ["element.version.adopted"], "enabled": true,
             "createdBy": "admin@zorg-a.be", "createdAt": "2026-05-04T08:00:00Z", "disabledAt": null, "disabledReason": null,
             "failingSince": null, "attempts": 0, "lastError": null, "nextAttemptAt": null, "resumedFrom": "WHERE_IT_STOPPED"}""";

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.WEBHOOK_MANAGE)
    @Operation(operationId = "createWebhook", summary = "Register a webhook",
            description = "The webhook receives the events of the listed types that happen from now on. The answer holds the signing secret in "
                    + "`secret` (the one given, or a generated one), this once only: store it with the receiver. Loopback, link-local, private and "
                    + "multicast addresses are refused unless the operator allows them. Organisation admins only. " + DELIVERY)
    @APIResponse(responseCode = "201", description = "The webhook, with its secret shown once",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response create(@PathParam("org") String org, @Valid @NotNull(message = "a JSON object is required") CreateWebhookRequest request,
                           @Context UriInfo uriInfo) {
        WebhookView created = webhooks.create(org, request);
        return Response.created(URI.create(uriInfo.getRequestUri().getRawPath() + "/" + created.id())).entity(created).build();
    }

    @GET
    @Requires(Permission.WEBHOOK_MANAGE)
    @Operation(operationId = "listWebhooks", summary = "List an organisation's webhooks",
            description = "With their delivery state (failing since, last error, disabled); never their secrets. Organisation admins only.")
    @APIResponse(responseCode = "200", description = "A page of webhooks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPage.class)))
    public Response list(@PathParam("org") String org, @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return webhooks.list(org, PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.WEBHOOK_MANAGE)
    @Operation(operationId = "getWebhook", summary = "Read a webhook",
            description = "Its subscription and delivery state; never its secret. Organisation admins only.")
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public WebhookView get(@PathParam("org") String org, @PathParam("id") @Parameter(description = "The webhook's id") String id) {
        return webhooks.get(org, webhookId(id));
    }

    @DELETE
    @Path("/{id}")
    @Requires(Permission.WEBHOOK_MANAGE)
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook",
            description = "Nothing more is delivered to it; its delivery log goes with it. Organisation admins only.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("org") String org, @PathParam("id") @Parameter(description = "The webhook's id") String id) {
        webhooks.delete(org, webhookId(id));
    }

    @POST
    @Path("/{id}/enable")
    @Requires(Permission.WEBHOOK_MANAGE)
    @Operation(operationId = "enableWebhook", summary = "Enable a disabled webhook again",
            description = "For a webhook that was disabled (deliveries failed for too long, or its receiver answered 410 Gone), once its "
                    + "receiver is fixed. It keeps its secret and its place in the feed: the next delivery is due at once, with the first "
                    + "event it has not received, and the later ones follow in order, each once. The failure state (attempts, back-off, "
                    + "last error) starts afresh, and a `webhook.enabled` event is written. Events are kept for the event retention "
                    + "(90 days by default): when some that it had not received are gone, it resumes with the oldest event still kept and "
                    + "the answer says so in `resumedFrom: OLDEST_KEPT_EVENT` (so does the event); the receiver then missed events and "
                    + "should resynchronise. Enabling an enabled webhook changes nothing and writes no event (no `resumedFrom` then). "
                    + "No body. Organisation admins only.")
    @APIResponse(responseCode = "200", description = "The webhook, enabled; with `resumedFrom` when this request enabled it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "enabled again", value = ENABLED_EXAMPLE)))
    public WebhookView enable(@PathParam("org") String org, @PathParam("id") @Parameter(description = "The webhook's id") String id) {
        return webhooks.enable(org, webhookId(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Requires(Permission.WEBHOOK_MANAGE)
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's delivery log",
            description = "Every event sent to it, newest first: its status (DELIVERED, RETRYING, ABANDONED), the last HTTP status, the number "
                    + "of attempts, the last error and when. Events of types it did not subscribe to are not listed. An entry is kept for the "
                    + "event retention (90 days by default) after its last attempt, the one still being retried for as long as it is. "
                    + "Organisation admins only.")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookDeliveryPage.class)))
    public Response deliveries(@PathParam("org") String org, @PathParam("id") @Parameter(description = "The webhook's id") String id,
                               @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return webhooks.deliveries(org, webhookId(id), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    private static long webhookId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw WebhookService.notFound(id);
        }
    }

    /** The list's schema for the OpenAPI document. */
    @Schema(name = "WebhookPage")
    record WebhookPage(List<WebhookView> items, int page, int size, long total) {
    }

    /** The delivery log's schema for the OpenAPI document. */
    @Schema(name = "WebhookDeliveryPage")
    record WebhookDeliveryPage(List<WebhookDeliveryView> items, int page, int size, long total) {
    }
}
