package org.waarom.api.page.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.acknowledgement.rest.AcknowledgementSummary;
import org.waarom.api.acknowledgement.service.AcknowledgementService;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.consultation.rest.ConsultationView;
import org.waarom.api.consultation.service.ConsultationService;
import org.waarom.api.element.Element;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.rest.RestoreRequest;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.TranslationService;
import org.waarom.api.element.service.VersionDiff;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.goal.rest.GoalView;
import org.waarom.api.goal.service.GoalService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.reference.rest.ReferenceView;
import org.waarom.api.reference.service.ReferenceService;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.rest.CompleteReviewTaskRequest;
import org.waarom.api.review.rest.ReviewPolicyView;
import org.waarom.api.review.rest.ReviewTaskView;
import org.waarom.api.review.service.ReviewPolicyService;
import org.waarom.api.review.service.ReviewTaskService;
import org.waarom.api.review.service.ReviewTaskViews;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the review page (docs/review-page.md) shows about one review task, read in one transaction through the same
 * services the API's reads use, and the two decisions it offers, taken through the same services as the API's
 * {@code complete} and {@code restore}: same rules, same events; the audit log names the link's recipient.
 */
@ApplicationScoped
public class ReviewPageService {

    /** References per page of the review page. */
    public static final int REFERENCES_PER_PAGE = 10;

    private final OrganizationService organizations;
    private final ReviewPolicyService policies;
    private final ReviewTaskService reviews;
    private final ReviewTaskViews tasks;
    private final VersionService versions;
    private final TranslationService translations;
    private final GoalService goals;
    private final ReferenceService references;
    private final AcknowledgementService acknowledgements;
    private final ConsultationService consultations;
    private final Clock clock;

    ReviewPageService(OrganizationService organizations, ReviewPolicyService policies, ReviewTaskService reviews, ReviewTaskViews tasks,
                      VersionService versions, TranslationService translations, GoalService goals, ReferenceService references,
                      AcknowledgementService acknowledgements, ConsultationService consultations, Clock clock) {
        this.organizations = organizations;
        this.policies = policies;
        this.reviews = reviews;
        this.tasks = tasks;
        this.versions = versions;
        this.translations = translations;
        this.goals = goals;
        this.references = references;
        this.acknowledgements = acknowledgements;
        this.consultations = consultations;
        this.clock = clock;
    }

    /**
     * The page's data.
     *
     * @param cycle           the element's review cycle (ISO-8601 period), for a CYCLE task
     * @param goal            the goal whose reaching caused the task; null for other reasons
     * @param operationalGoals a reached strategic goal's operational goals, whose indicators reached it
     * @param vision          the new vision a VISION_CHANGED task follows, localized; null otherwise
     * @param visionDiff      that vision against the one before; null when there is none
     * @param inEffect        the element's version in effect, localized; null before the first adoption
     * @param references      the references that cite the element since that version took effect, newest first
     * @param coverage        the acknowledgements of the version in effect (its basis); null when none is in effect
     * @param consultation    the element's last consultation round; null when there was none
     * @param draft           the element's open draft (a revision under way); null when there is none
     * @param otherOpen       the organisation's other open review tasks, by due date
     */
    public record ReviewPageData(ReviewTaskView task, String organizationName, String cycle, GoalView goal, List<GoalView> operationalGoals,
                                 VersionView vision, VersionDiff visionDiff, VersionView inEffect, Page<ReferenceView> references,
                                 AcknowledgementSummary coverage, ConsultationView consultation, VersionView draft,
                                 List<ReviewTaskView> otherOpen) {
    }

    @Transactional
    public ReviewPageData read(String org, long id, LanguageNegotiation negotiation, int referencePage) {
        Organization organization = organizations.require(org);
        ReviewTaskView task = tasks.task(org, id);
        ElementType type = ElementType.fromPath(task.element()).orElseThrow();
        Instant now = Instant.now(clock);
        String cycle = task.reason() == ReviewTask.Reason.CYCLE ? policies.policies(org).stream()
                .filter(policy -> policy.element().equals(task.element())).map(ReviewPolicyView::cycle).findFirst().orElse(null) : null;

        GoalView goal = null;
        List<GoalView> operational = new ArrayList<>();
        if (task.goalId() != null && task.goalTitle() != null) {
            goal = goals.get(org, task.goalId()).value();
            for (Long child : goal.operationalGoals()) {
                operational.add(goals.get(org, child).value());
            }
        }
        VersionView vision = null;
        VersionDiff visionDiff = null;
        if (task.reason() == ReviewTask.Reason.VISION_CHANGED && task.version() != null) {
            vision = versions.get(org, ElementType.VISION, task.version(), negotiation, TextVariant.STANDARD).value();
            if (task.version() > 1 || vision.basedOn() != null) {
                try {
                    visionDiff = versions.diff(org, ElementType.VISION, task.version(), null);
                } catch (InvalidRequestException noEarlier) {
                    visionDiff = null;
                }
            }
        }

        var element = Element.of(organization, type);
        Optional<ElementVersion> current = ElementVersion.inEffect(element, now);
        VersionView inEffect = current.map(version -> translations.localize(version, negotiation, now).value()).orElse(null);
        Page<ReferenceView> cited = references.list(org, new ReferenceService.Filter(type, null, null,
                        current.map(version -> version.effectiveFrom.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null), null),
                new PageRequest(Math.max(0, referencePage), REFERENCES_PER_PAGE));
        AcknowledgementSummary coverage = current.map(version -> acknowledgements.summary(org, type, version.number)).orElse(null);
        // The last round of any version of the element: its summary stays with the version it consulted on.
        ConsultationView consultation = ElementVersion.newestFirst(element).list().stream()
                .flatMap(version -> consultations.list(org, null, type, version.number, new PageRequest(0, 1)).items().stream())
                .findFirst().orElse(null);
        VersionView draft = ElementVersion.open(element)
                .map(version -> translations.localize(version, negotiation, now).value()).orElse(null);
        List<ReviewTaskView> others = tasks.openTasks(org).stream().filter(other -> other.id() != id).toList();
        return new ReviewPageData(task, organization.name, cycle, goal, operational, vision, visionDiff, inEffect, cited, coverage,
                consultation, draft, others);
    }

    /** The organisation's name as it stores it, for the overview's frame. */
    @Transactional
    public String organizationName(String org) {
        return organizations.require(org).name;
    }

    /** The text still fits: the task completes as CONFIRMED, as {@code POST …/review-tasks/{id}/complete} does. */
    @Transactional
    public void confirm(String org, long id, String note) {
        reviews.complete(org, id, new CompleteReviewTaskRequest(ReviewTask.Outcome.CONFIRMED, null, note));
    }

    /**
     * A revision: a new draft from the version in effect, as {@code POST …/versions/{n}/restore} makes it. The task stays
     * open; adopting the draft completes it as REVISED. 409 when the task is closed, nothing is in effect, or the element
     * has an open draft already (at most one per element).
     */
    @Transactional
    public VersionView startRevision(String org, long id, String note) {
        Organization organization = organizations.require(org);
        ReviewTaskView task = tasks.task(org, id);
        if (task.status() != ReviewTask.Status.OPEN) {
            throw new ConflictException("Review task " + id + " is " + task.status());
        }
        ElementType type = ElementType.fromPath(task.element()).orElseThrow();
        ElementVersion current = ElementVersion.inEffect(Element.of(organization, type), Instant.now(clock))
                .orElseThrow(() -> new ConflictException("The " + type.path() + " has no version in effect to revise"));
        String reason = "Review task " + id + (note == null || note.isBlank() ? "" : ": " + note.strip());
        return versions.restore(org, type, current.number, new RestoreRequest(reason.length() > 1000 ? reason.substring(0, 1000) : reason)).value();
    }
}
