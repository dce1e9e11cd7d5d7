package org.waarom.api.review.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.review.ReviewPolicy;
import org.waarom.api.review.rest.ReviewPolicyRequest;
import org.waarom.api.review.rest.ReviewPolicyView;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Review policies (docs/api-guide.md#reviews-policies-and-tasks): each element's policy as stored or, until one is put, the
 * element type's defaults, anchored by default on the element's first adoption. What a policy may say is {@link PolicyRules}.
 */
@ApplicationScoped
public class ReviewPolicyService {

    private final OrganizationService organizations;
    private final EventService events;
    private final CurrentActor actor;
    private final Clock clock;

    ReviewPolicyService(OrganizationService organizations, EventService events, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    @Transactional
    public List<ReviewPolicyView> policies(String org) {
        return policiesOf(List.of(organizations.require(org)));
    }

    /** Every organisation's four policies, for the review-scheduler; paginated by organisation. */
    @Transactional
    public Page<ReviewPolicyView> allPolicies(PageRequest page) {
        List<Organization> found = Organization.<Organization>findAll(Sort.by("id")).page(page.page(), page.size()).list();
        return new Page<>(policiesOf(found), page.page(), page.size(), Organization.count() * ElementType.values().length);
    }

    /**
     * The four policies of each organisation, stored or default, with three queries whatever the
     * number of organisations (the scheduler reads tens of thousands of them at a time).
     */
    private List<ReviewPolicyView> policiesOf(List<Organization> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, ReviewPolicy> stored = new HashMap<>();
        ReviewPolicy.<ReviewPolicy>list("organization in ?1", found)
                .forEach(policy -> stored.put(policy.organization.id + "/" + policy.element, policy));
        Map<String, LocalDate> firstAdoptions = new HashMap<>();
        ElementVersion.firstEffectiveFrom(found).forEach((organizationId, types) -> types.forEach((type, first) ->
                firstAdoptions.put(organizationId + "/" + type, first.atZone(ZoneOffset.UTC).toLocalDate())));
        List<ReviewPolicyView> views = new ArrayList<>();
        for (Organization organization : found) {
            for (ElementType type : ElementType.values()) {
                String key = organization.id + "/" + type;
                views.add(view(organization, type, Optional.ofNullable(stored.get(key)), firstAdoptions.get(key)));
            }
        }
        return views;
    }

    @Transactional
    public ReviewPolicyView putPolicy(String org, ElementType type, ReviewPolicyRequest request) {
        Organization organization = organizations.require(org);
        // A full replacement all the same: a field left out takes the default, not the value it had.
        List<FieldError> errors = PolicyRules.errors(request);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The review policy is not valid", errors);
        }
        ReviewPolicy policy = ReviewPolicy.<ReviewPolicy>find("organization = ?1 and element = ?2", organization, type).firstResultOptional()
                .orElseGet(() -> {
                    ReviewPolicy created = new ReviewPolicy();
                    created.organization = organization;
                    created.element = type;
                    return created;
                });
        policy.enabled = request.enabled();
        policy.cycle = request.cycle().trim();
        policy.anchorDate = request.anchorDate();
        policy.onGoalReached = request.onGoalReached();
        policy.remindBefore = PolicyRules.remindBefore(request);
        policy.escalateAfter = PolicyRules.escalateAfter(request);
        policy.assignees = request.assignees();
        policy.escalateTo = PolicyRules.escalateTo(request);
        policy.updatedBy = actor.name();
        policy.updatedAt = Instant.now(clock);
        policy.persist();
        ReviewPolicy.flush();
        ReviewPolicyView view = policy(organization, type);
        events.record(organization, EventType.REVIEW_POLICY_CHANGED, view);
        return view;
    }

    private ReviewPolicyView policy(Organization organization, ElementType type) {
        Optional<ReviewPolicy> stored = ReviewPolicy.find("organization = ?1 and element = ?2", organization, type).firstResultOptional();
        return view(organization, type, stored, firstAdoption(organization, type));
    }

    /** A stored policy as it reads, or the element type's defaults; the anchor defaults to {@code firstAdoption}. */
    private ReviewPolicyView view(Organization organization, ElementType type, Optional<ReviewPolicy> stored, LocalDate firstAdoption) {
        if (stored.isPresent()) {
            ReviewPolicy policy = stored.get();
            LocalDate anchor = policy.anchorDate != null ? policy.anchorDate : firstAdoption;
            return new ReviewPolicyView(organization.slug, type.path(), policy.enabled, policy.cycle, anchor, policy.onGoalReached,
                    policy.remindBefore, policy.escalateAfter, policy.assignees, policy.escalateTo, true,
                    policy.updatedBy, policy.updatedAt);
        }
        return new ReviewPolicyView(organization.slug, type.path(), true, type.defaultCycle().toString(), firstAdoption,
                type.reviewOnGoalReached(), PolicyRules.DEFAULT_REMIND_BEFORE.toString(), PolicyRules.DEFAULT_ESCALATE_AFTER.toString(),
                List.of(), List.of(), false, null, null);
    }

    /** The default anchor: the day the element's first adopted version took effect (UTC). */
    private LocalDate firstAdoption(Organization organization, ElementType type) {
        Instant first = ElementVersion.firstEffectiveFrom(organization, type);
        return first == null ? null : first.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
