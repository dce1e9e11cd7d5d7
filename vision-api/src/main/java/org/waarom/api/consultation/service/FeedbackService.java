package org.waarom.api.consultation.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Consultation;
import org.waarom.api.consultation.Feedback;
import org.waarom.api.consultation.Invitation;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.consultation.rest.FeedbackRequest;
import org.waarom.api.consultation.rest.FeedbackView;
import org.waarom.api.consultation.rest.ParticipationView;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A participant's side of a consultation round: reading it as a participant, and giving, changing and withdrawing their
 * own feedback while it is open (the rounds themselves are {@link ConsultationService}).
 *
 * <p><b>Locks.</b> Giving, changing and withdrawing feedback lock the round's row only, so feedback never lands in a round
 * that a concurrent close has closed.
 */
@ApplicationScoped
public class FeedbackService {

    private final OrganizationService organizations;
    private final EventService events;
    private final CurrentActor actor;
    private final Clock clock;

    FeedbackService(OrganizationService organizations, EventService events, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
    }

    /** The round as the calling participant sees it: the question, the text and their own feedback. */
    @Transactional
    public ParticipationView participation(String org, long id) {
        Caller participant = caller();
        Consultation consultation = ConsultationService.require(organizations.require(org), id);
        Optional<Invitation> invitation = InvitationService.of(participant);
        List<FeedbackView> own = Feedback.<Feedback>list("consultation = ?1 and authorCredential = ?2", Sort.by("id"), consultation,
                participant.credential()).stream().map(ConsultationViews::feedback).toList();
        ElementVersion version = consultation.version;
        return new ParticipationView(consultation.id, consultation.organization.name, version.element.type.path(), version.number,
                consultation.question, consultation.deadline, consultation.statusAt(Instant.now(clock)), version.content,
                invitation.map(found -> found.audience).orElse(null), own);
    }

    /** New feedback of the calling participant (with an account, or through an invitation). */
    @Transactional
    public FeedbackView giveFeedback(String org, long id, FeedbackRequest request) {
        return giveFeedback(org, id, request, caller());
    }

    /** New feedback of {@code participant}; the demo organisation gives some in the name of made-up people. */
    @Transactional
    public FeedbackView giveFeedback(String org, long id, FeedbackRequest request, Caller participant) {
        Consultation consultation = takingFeedback(org, id);
        Optional<Invitation> invitation = InvitationService.of(participant);
        Instant now = Instant.now(clock);
        Feedback feedback = new Feedback();
        feedback.consultation = consultation;
        feedback.invitation = invitation.orElse(null);
        feedback.author = participant.name();
        feedback.authorCredential = participant.credential();
        feedback.audience = audience(consultation, invitation, request.audience());
        feedback.anchorItem = anchorItem(consultation, request.anchor());
        feedback.stance = request.stance();
        feedback.text = request.text().strip();
        feedback.createdAt = now;
        feedback.updatedAt = now;
        feedback.persist();
        Feedback.flush();
        events.record(consultation.organization, EventType.FEEDBACK_RECEIVED, FeedbackChange.of(feedback));
        return ConsultationViews.feedback(feedback);
    }

    /** Replaces the caller's own feedback while the round is open. */
    @Transactional
    public FeedbackView changeFeedback(String org, long id, long feedbackId, FeedbackRequest request) {
        Caller participant = caller();
        Consultation consultation = takingFeedback(org, id);
        Feedback feedback = own(consultation, feedbackId, participant);
        feedback.audience = audience(consultation, InvitationService.of(participant), request.audience());
        feedback.anchorItem = anchorItem(consultation, request.anchor());
        feedback.stance = request.stance();
        feedback.text = request.text().strip();
        feedback.updatedAt = Instant.now(clock);
        Feedback.flush();
        events.record(consultation.organization, EventType.FEEDBACK_CHANGED, FeedbackChange.of(feedback));
        return ConsultationViews.feedback(feedback);
    }

    /** Removes the caller's own feedback while the round is open. */
    @Transactional
    public void withdrawFeedback(String org, long id, long feedbackId) {
        Caller participant = caller();
        Consultation consultation = takingFeedback(org, id);
        Feedback feedback = own(consultation, feedbackId, participant);
        FeedbackChange withdrawn = FeedbackChange.of(feedback);
        feedback.delete();
        events.record(consultation.organization, EventType.FEEDBACK_WITHDRAWN, withdrawn);
    }

    /** Round {@code id}, locked, while it takes feedback; 409 once it is closed (by hand or by its deadline). */
    private Consultation takingFeedback(String org, long id) {
        Organization organization = organizations.require(org);
        Consultation consultation = Consultation.<Consultation>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> found.organization.id.equals(organization.id))
                .orElseThrow(() -> ConsultationService.notFound(id));
        if (!consultation.takesFeedbackAt(Instant.now(clock))) {
            Instant closedAt = consultation.closedAt != null ? consultation.closedAt : consultation.deadline;
            throw new ConflictException("Consultation round " + id + " closed at " + closedAt + "; feedback can no longer be given or changed");
        }
        return consultation;
    }

    /** The participant's own feedback {@code feedbackId} in the round; someone else's is 404, as if it did not exist. */
    private static Feedback own(Consultation consultation, long feedbackId, Caller participant) {
        return Feedback.<Feedback>findByIdOptional(feedbackId)
                .filter(found -> found.consultation.id.equals(consultation.id))
                .filter(found -> found.authorCredential.equals(participant.credential()))
                .orElseThrow(() -> new NotFoundException("Consultation round " + consultation.id + " has no feedback " + feedbackId + " of yours"));
    }

    /** The audience the feedback speaks for ({@link FeedbackRules#audience}). */
    private static Audience audience(Consultation consultation, Optional<Invitation> invitation, Audience requested) {
        return FeedbackRules.audience(consultation.audiences(), invitation.map(found -> found.audience).orElse(null), requested);
    }

    /** The item key the anchor names (null: the statement), which the consulted version must have ({@link FeedbackRules#anchorItem}). */
    private static String anchorItem(Consultation consultation, Anchor anchor) {
        ElementVersion version = consultation.version;
        return FeedbackRules.anchorItem(anchor, version.content, "version " + version.number + " of the " + version.element.type.path());
    }

    private Caller caller() {
        return actor.caller().orElse(CurrentActor.SYSTEM);
    }
}
