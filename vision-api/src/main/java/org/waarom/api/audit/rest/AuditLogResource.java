package org.waarom.api.audit.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.waarom.api.audit.service.AuditLogService;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.http.QueryParams;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.util.List;

@Path("/api/v1/organizations/{org}/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log",
        description = "Every state-changing request in an organisation: who, with which credential, what, when and how it ended. "
                + "For organisation admins who need to account for changes.")
public class AuditLogResource {

    private final AuditLogService auditLog;

    AuditLogResource(AuditLogService auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    @Requires(Permission.AUDIT_LOG_READ)
    @Operation(operationId = "listAuditEntries", summary = "The organisation's audit log",
            description = "Every state-changing request: who, with which credential, what, when and how it ended. Newest first; organisation admins only.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    public Response list(@PathParam("org") String org,
                         @QueryParam("action") @Parameter(description = "Only this action, e.g. element.adopt") String action,
                         @QueryParam("from") @Parameter(description = "From this instant (inclusive)") String from,
                         @QueryParam("to") @Parameter(description = "Until this instant (exclusive)") String to,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return auditLog.list(org, action == null || action.isBlank() ? null : action, QueryParams.instant("from", from), QueryParams.instant("to", to),
                PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @Schema(name = "AuditPage")
    record AuditPage(List<AuditEntryView> items, int page, int size, long total) {
    }
}
