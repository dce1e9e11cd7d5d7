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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.review.service.ReviewPolicyService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.util.List;

/** Every organisation's policies at once: what the review-scheduler reconciles its triggers from. */
@Path("/api/v1/review-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews") // described once, on ReviewTaskResource
public class AllReviewPoliciesResource {

    private final ReviewPolicyService policies;

    AllReviewPoliciesResource(ReviewPolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Requires(Permission.ALL_REVIEW_POLICIES_READ)
    @Operation(operationId = "listAllReviewPolicies", summary = "All review policies",
            description = "Four per organisation, paginated by organisation (`size` organisations per page, so up to 4 × size items). "
                    + "For the review-scheduler (`service`) and the operator.")
    @APIResponse(responseCode = "200", description = "A page of policies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllPoliciesPage.class)))
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uriInfo) {
        return policies.allPolicies(PageRequest.parse(page, size)).toResponse(uriInfo);
    }

    @Schema(name = "ReviewPolicyPage")
    record AllPoliciesPage(List<ReviewPolicyView> items, int page, int size, long total) {
    }
}
