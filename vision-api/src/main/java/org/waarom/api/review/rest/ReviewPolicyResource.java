package org.waarom.api.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.review.service.ReviewPolicyService;
import org.waarom.api.security.Permission;
import org.waarom.api.security.Requires;

import java.util.List;

/** An organisation's review policies, one per element (docs/api-guide.md#reviews-policies-and-tasks). */
@Path("/api/v1/organizations/{org}/review-policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews") // described once, on ReviewTaskResource
public class ReviewPolicyResource {

    private final ReviewPolicyService policies;

    ReviewPolicyResource(ReviewPolicyService policies) {
        this.policies = policies;
    }

    @GET
    @Requires(Permission.REVIEW_POLICY_READ)
    @Operation(operationId = "listReviewPolicies", summary = "The four review policies",
            description = "The element type's defaults until an organisation changes them (`custom`). The default anchor is the element's first adoption.")
    @APIResponse(responseCode = "200", description = "The policies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PolicyList.class)))
    public PolicyList list(@PathParam("org") String org) {
        return new PolicyList(policies.policies(org));
    }

    @PUT
    @Path("/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.REVIEW_POLICY_WRITE)
    @Operation(operationId = "putReviewPolicy", summary = "Set an element's review policy",
            description = "The whole policy: a full replacement. `enabled`, `cycle`, `onGoalReached` and `assignees` are required; "
                    + "`remindBefore`, `escalateAfter`, `escalateTo` and `anchorDate` may be left out, and then take the element type's default "
                    + "(`P30D`, `P14D`, nobody, the element's first adoption), not the value the policy had before. The answer shows every field "
                    + "as it now is. Writes review-policy.changed, which the review-scheduler follows. Quality managers and admins.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewPolicyView.class)))
    public ReviewPolicyView put(@PathParam("org") String org, @PathParam("type") String type,
                                @Valid @NotNull(message = "a JSON object is required") ReviewPolicyRequest request) {
        ElementType element = ElementType.fromPath(type).orElseThrow(() -> new NotFoundException(
                "There is no element type '" + type + "'; the types are " + ElementType.allPaths()));
        return policies.putPolicy(org, element, request);
    }

    @Schema(name = "ReviewPolicyList")
    public record PolicyList(List<ReviewPolicyView> items) {
    }
}
