package org.waarom.api.consultation.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.consultation.Consultation;
import org.waarom.api.consultation.Invitation;
import org.waarom.api.consultation.rest.CreateInvitationRequest;
import org.waarom.api.consultation.rest.InvitationView;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.IssuedToken;
import org.waarom.api.security.SecretTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Invitations to a consultation round for people without an account: made and kept as API keys and
 * calendar feeds are ({@link SecretTokens}: 256 random bits behind {@value #PREFIX}, shown once, stored as
 * a SHA-256), but granting nothing except giving and changing one's own feedback in that one round,
 * while it is open. Revoking one, or the round closing, ends it.
 */
@ApplicationScoped
public class InvitationService {

    public static final String PREFIX = "winv_";
    /** The credential of a participant who came with an invitation: {@code invitation:<id>}. */
    public static final String CREDENTIAL_PREFIX = "invitation:";

    private final OrganizationService organizations;
    private final CurrentActor actor;
    private final Clock clock;

    InvitationService(OrganizationService organizations, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.actor = actor;
        this.clock = clock;
    }

    /** A new invitation to an open round, for one of its audiences; the answer holds the token, this once. */
    @Transactional
    public InvitationView create(String org, long consultationId, CreateInvitationRequest request) {
        // Locked: a round that closes meanwhile must not hand out a token after all.
        Consultation consultation = consultation(org, consultationId, true);
        Instant now = Instant.now(clock);
        if (!consultation.takesFeedbackAt(now)) {
            throw new ConflictException("Consultation round " + consultationId + " is closed; invitations are only made while a round is open");
        }
        if (!consultation.audiences().contains(request.audience())) {
            throw new InvalidRequestException("audience", "must be one of the round's audiences " + consultation.audiences());
        }
        String token = SecretTokens.generate(PREFIX);
        Invitation invitation = new Invitation();
        invitation.consultation = consultation;
        invitation.audience = request.audience();
        invitation.label = request.label().strip();
        invitation.tokenHash = SecretTokens.hash(token);
        invitation.createdBy = actor.name();
        invitation.createdAt = now;
        invitation.persist();
        return view(invitation, token);
    }

    /** The round's invitations that are not revoked, never with a token. */
    @Transactional
    public Page<InvitationView> list(String org, long consultationId, PageRequest page) {
        Consultation consultation = consultation(org, consultationId, false);
        var found = Invitation.<Invitation>find("consultation = ?1 and revokedAt is null", Sort.by("id"), consultation);
        List<InvitationView> items = found.page(page.page(), page.size()).list().stream().map(invitation -> view(invitation, null)).toList();
        return Page.of(items, page, found.count());
    }

    /** Revokes an invitation: its token answers 401 from now on; the feedback given through it stays. */
    @Transactional
    public void revoke(String org, long consultationId, long invitationId) {
        Consultation consultation = consultation(org, consultationId, false);
        Invitation invitation = Invitation.<Invitation>findByIdOptional(invitationId)
                .filter(found -> found.consultation.id.equals(consultation.id))
                .filter(found -> found.revokedAt == null)
                .orElseThrow(() -> new NotFoundException("Consultation round " + consultationId + " has no invitation " + invitationId));
        invitation.revoke(actor.name(), Instant.now(clock));
    }

    /**
     * The participant an invitation token stands for on round {@code consultationId} of {@code org}: present only
     * for a token we issued, not revoked, of that very round, while it takes feedback. Records the use (to the minute).
     */
    @Transactional
    public Optional<Caller> authenticate(String presented, String org, String consultationId) {
        return admit(presented, org, consultationId, true);
    }

    /**
     * As {@link #authenticate}, for the round's page: the invitation also admits its holder after the round closed, to read
     * the text and their own feedback; giving or changing feedback is then refused by the round itself (409).
     */
    @Transactional
    public Optional<Caller> admitToPage(String presented, String org, String consultationId) {
        return admit(presented, org, consultationId, false);
    }

    private Optional<Caller> admit(String presented, String org, String consultationId, boolean onlyWhileOpen) {
        if (!IssuedToken.plausible(presented, PREFIX) || org == null || consultationId == null) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(presented);
        Instant now = Instant.now(clock);
        Optional<Invitation> found = Invitation.<Invitation>find("tokenHash", hash).firstResultOptional()
                .filter(invitation -> invitation.admits(hash))
                .filter(invitation -> invitation.consultation.id.toString().equals(consultationId))
                .filter(invitation -> invitation.consultation.organization.slug.equals(org))
                .filter(invitation -> !onlyWhileOpen || invitation.consultation.takesFeedbackAt(now));
        found.ifPresent(invitation -> invitation.recordUse(now));
        // No roles: AccessFilter lets it through on the invitation alone, and it holds no permission anywhere else.
        return found.map(invitation -> new Caller(invitation.label, CREDENTIAL_PREFIX + invitation.id, Set.of(), Map.of()));
    }

    /** The invitation a participant came with, when it came with one. */
    static Optional<Invitation> of(Caller participant) {
        if (!participant.credential().startsWith(CREDENTIAL_PREFIX)) {
            return Optional.empty();
        }
        return Invitation.findByIdOptional(Long.parseLong(participant.credential().substring(CREDENTIAL_PREFIX.length())));
    }

    /** Round {@code id} of the organisation, or 404; {@code lock} takes its row for the rest of the transaction. */
    private Consultation consultation(String org, long id, boolean lock) {
        Organization organization = organizations.require(org);
        Optional<Consultation> found = lock ? Consultation.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE) : Consultation.findByIdOptional(id);
        return found.filter(consultation -> consultation.organization.id.equals(organization.id))
                .orElseThrow(() -> ConsultationService.notFound(id));
    }

    private static InvitationView view(Invitation invitation, String token) {
        return new InvitationView(invitation.id, invitation.consultation.id, invitation.audience, invitation.label, token, null,
                invitation.createdBy, invitation.createdAt, invitation.lastUsedAt);
    }
}
