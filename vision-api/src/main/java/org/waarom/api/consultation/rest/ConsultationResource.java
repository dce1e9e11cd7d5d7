package org.waarom.api.consultation.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.http.QueryParams;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.consultation.service.ConsultationService;
import org.waarom.api.consultation.service.FeedbackService;
import org.waarom.api.consultation.service.InvitationService;
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * Consultation rounds of an organisation: their summaries, closing them, the feedback of participants
 * and the invitations of participants without an account, who send their invitation token as
 * {@code ?token=…} on the feedback endpoints and the participation read (and nowhere else).
 */
@Path("/api/v1/organizations/{org}/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultations",
        description = "Consultation rounds that ask an audience for feedback on a draft before it is adopted. Editors open and close rounds and invite "
                + "people without an account; the drafting roles and invited participants (with their invitation token) give feedback.")
@SecurityScheme(securitySchemeName = ConsultationResource.INVITATION_SCHEME, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.QUERY, apiKeyName = AcceptsToken.QUERY_PARAMETER,
        description = "A consultation invitation token (`winv_…`, created at …/consultations/{id}/invitations) in the URL. It reads the round "
                + "as its participant sees it and gives and changes that participant's own feedback, in its own round while that is open; "
                + "nothing else (401).")
public class ConsultationResource {

    static final String INVITATION_SCHEME = "consultationInvitation";
    private static final String TOKEN_EXAMPLE = "winv_Jx3lq0Vd8m2KcR7tY1uP5wZ9aB4eH6nS0fG3iL8oQ2v";
    private static final String TOKEN_DESCRIPTION = "An invitation token of this round, for participants without an account "
            + "(instead of an Authorization header). Valid on this round's participation read and feedback endpoints only, until the round "
            + "closes or the invitation is revoked.";
    private static final String CLOSED_EXAMPLE = """
            {"type": "https://waarom.org/problems/conflict", "title": "Conflict", "status": 409,
             "detail": "Consultation round 12 closed at 2026-06-30T22:00:00Z; feedback can no longer be given or changed"}""";

    private final ConsultationService consultations;
    private final FeedbackService feedback;
    private final InvitationService invitations;

    ConsultationResource(ConsultationService consultations, FeedbackService feedback, InvitationService invitations) {
        this.consultations = consultations;
        this.feedback = feedback;
        this.invitations = invitations;
    }

    @GET
    @Requires(Permission.CONSULTATION_READ)
    @Operation(operationId = "listConsultations", summary = "List consultation rounds",
            description = "Newest first, each with its summary (without the feedback texts); "
                    + "optionally only OPEN or CLOSED ones. A round is CLOSED from its deadline on.")
    @APIResponse(responseCode = "200", description = "A page of rounds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationPage.class)))
    public Response list(@PathParam("org") String org,
                         @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"OPEN", "CLOSED"})) String status,
                         @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return consultations.list(org, QueryParams.enumOf("status", status, ConsultationStatus.class), null, null, PageRequest.parse(page, size))
                .toResponse(uriInfo);
    }

    @GET
    @Path("/{id}")
    @Requires(Permission.CONSULTATION_READ)
    @Operation(operationId = "getConsultation", summary = "Read a consultation round",
            description = "The round with its summary (counts per stance, per anchor — the statement "
                    + "and every item — and per audience) and every feedback text. It stays readable after the version is adopted; the version links to it.")
    @APIResponse(responseCode = "200", description = "The round",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    public ConsultationView get(@PathParam("org") String org, @PathParam("id") String id) {
        return consultations.get(org, id(id));
    }

    @POST
    @Path("/{id}/close")
    @Requires(Permission.CONSULTATION_MANAGE)
    @Operation(operationId = "closeConsultation", summary = "Close a consultation round",
            description = "Before its deadline. The version becomes a DRAFT again, to work the feedback in, and can then be edited and adopted; "
                    + "the round stays attached to it. No If-Match: closing changes no text, and a second close is 409.")
    @APIResponse(responseCode = "200", description = "The closed round, with its summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    public ConsultationView close(@PathParam("org") String org, @PathParam("id") String id) {
        return consultations.close(org, id(id));
    }

    @GET
    @Path("/{id}/participation")
    @Requires(Permission.CONSULTATION_FEEDBACK)
    @AcceptsToken(AcceptsToken.Kind.CONSULTATION_INVITATION)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = INVITATION_SCHEME)
    @Operation(operationId = "getParticipation", summary = "The round as a participant sees it",
            description = "The question, the deadline, the text under consultation (anchor "
                    + "feedback to its statement or its item keys) and the caller's own feedback: what an invitation's `link` shows a person as a page, "
                    + "for programs.")
    @Parameter(name = AcceptsToken.QUERY_PARAMETER, in = ParameterIn.QUERY, description = TOKEN_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING), example = TOKEN_EXAMPLE)
    @APIResponse(responseCode = "200", description = "The round, for this participant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParticipationView.class)))
    public ParticipationView participation(@PathParam("org") String org, @PathParam("id") String id) {
        return feedback.participation(org, id(id));
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CONSULTATION_FEEDBACK)
    @AcceptsToken(AcceptsToken.Kind.CONSULTATION_INVITATION)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = INVITATION_SCHEME)
    @Operation(operationId = "giveFeedback", summary = "Give feedback",
            description = "Anchored to the statement (`{\"statement\": true}`, only when the version has one) or to "
                    + "an item key of the consulted version (else 400 naming `anchor.item`), with a stance and a text. With an account (contributors and "
                    + "the other drafting roles) as oneself; without one through an invitation (`?token=`), whose audience the feedback gets. "
                    + "409 once the round is closed.")
    @Parameter(name = AcceptsToken.QUERY_PARAMETER, in = ParameterIn.QUERY, description = TOKEN_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING), example = TOKEN_EXAMPLE)
    @APIResponse(responseCode = "201", description = "The feedback",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackView.class)))
    public Response giveFeedback(@PathParam("org") String org, @PathParam("id") String id,
                                 @Valid @NotNull(message = "a JSON object is required") FeedbackRequest request, @Context UriInfo uriInfo) {
        FeedbackView given = feedback.giveFeedback(org, id(id), request);
        // The Location never carries the token: it is a secret, and the client has it already.
        URI location = uriInfo.getBaseUriBuilder().path(ConsultationResource.class).path("{id}/feedback/{feedbackId}")
                .build(org, given.consultation(), given.id());
        return Response.created(location).entity(given).build();
    }

    @PUT
    @Path("/{id}/feedback/{feedbackId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CONSULTATION_FEEDBACK)
    @AcceptsToken(AcceptsToken.Kind.CONSULTATION_INVITATION)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = INVITATION_SCHEME)
    @Operation(operationId = "updateFeedback", summary = "Change one's own feedback",
            description = "Replaces anchor, stance and text while the round is open (409 after). "
                    + "Only its author (the same key, token or invitation); someone else's feedback is 404.")
    @Parameter(name = AcceptsToken.QUERY_PARAMETER, in = ParameterIn.QUERY, description = TOKEN_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING), example = TOKEN_EXAMPLE)
    @APIResponse(responseCode = "200", description = "The changed feedback",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "409", description = "The round is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"),
                    example = CLOSED_EXAMPLE))
    public FeedbackView changeFeedback(@PathParam("org") String org, @PathParam("id") String id, @PathParam("feedbackId") String feedbackId,
                                       @Valid @NotNull(message = "a JSON object is required") FeedbackRequest request) {
        return feedback.changeFeedback(org, id(id), feedbackId(feedbackId), request);
    }

    @DELETE
    @Path("/{id}/feedback/{feedbackId}")
    @Requires(Permission.CONSULTATION_FEEDBACK)
    @AcceptsToken(AcceptsToken.Kind.CONSULTATION_INVITATION)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = INVITATION_SCHEME)
    @Operation(operationId = "withdrawFeedback", summary = "Withdraw one's own feedback",
            description = "While the round is open (409 after). Only its author; someone else's is 404.")
    @Parameter(name = AcceptsToken.QUERY_PARAMETER, in = ParameterIn.QUERY, description = TOKEN_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING), example = TOKEN_EXAMPLE)
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "409", description = "The round is closed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem"),
                    example = CLOSED_EXAMPLE))
    public void withdrawFeedback(@PathParam("org") String org, @PathParam("id") String id, @PathParam("feedbackId") String feedbackId) {
        feedback.withdrawFeedback(org, id(id), feedbackId(feedbackId));
    }

    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.CONSULTATION_MANAGE)
    @Operation(operationId = "createInvitation", summary = "Invite a participant without an account",
            description = "For one of the round's audiences (clients, families, partner organisations, …). The answer holds the token and a "
                    + "ready `link` to the consultation page for people (/pages/{org}/consultations/{id}?token=…), this once only. The token gives and changes its own feedback in "
                    + "this round until the round closes or the invitation is revoked, and nothing else. 409 once the round is closed.")
    @APIResponse(responseCode = "201", description = "The invitation, with its token and link shown once",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    public Response invite(@PathParam("org") String org, @PathParam("id") String id,
                           @Valid @NotNull(message = "a JSON object is required") CreateInvitationRequest request, @Context UriInfo uriInfo) {
        InvitationView created = invitations.create(org, id(id), request);
        // The link a person opens: the consultation page (outside /api/); programs use …/participation with the same token.
        String link = uriInfo.getBaseUriBuilder().path("/pages/{org}/consultations/{id}")
                .queryParam(AcceptsToken.QUERY_PARAMETER, created.token()).build(org, created.consultation()).toString();
        URI location = uriInfo.getBaseUriBuilder().path(ConsultationResource.class).path("{id}/invitations/{invitationId}")
                .build(org, created.consultation(), created.id());
        return Response.created(location).entity(created.withLink(link)).build();
    }

    @GET
    @Path("/{id}/invitations")
    @Requires(Permission.CONSULTATION_MANAGE)
    @Operation(operationId = "listInvitations", summary = "List a round's invitations", description = "Those not revoked, never with their tokens.")
    @APIResponse(responseCode = "200", description = "A page of invitations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationPage.class)))
    public Response invitations(@PathParam("org") String org, @PathParam("id") String id,
                                @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return invitations.list(org, id(id), PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @DELETE
    @Path("/{id}/invitations/{invitationId}")
    @Requires(Permission.CONSULTATION_MANAGE)
    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation",
            description = "Its token answers 401 from now on; the feedback given through it stays.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(@PathParam("org") String org, @PathParam("id") String id, @PathParam("invitationId") String invitationId) {
        long invitation = number(invitationId, () -> new NotFoundException("There is no invitation '" + invitationId + "'"));
        invitations.revoke(org, id(id), invitation);
    }

    private static long id(String id) {
        return number(id, () -> ConsultationService.notFound("'" + id + "'"));
    }

    private static long feedbackId(String id) {
        return number(id, () -> new NotFoundException("There is no feedback '" + id + "'"));
    }

    private static long number(String value, Supplier<NotFoundException> notFound) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw notFound.get();
        }
    }

    /** The list's schema for the OpenAPI document. */
    @Schema(name = "ConsultationPage")
    record ConsultationPage(List<ConsultationView> items, int page, int size, long total) {
    }

    /** The list's schema for the OpenAPI document. */
    @Schema(name = "InvitationPage")
    record InvitationPage(List<InvitationView> items, int page, int size, long total) {
    }
}
