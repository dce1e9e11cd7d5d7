package org.waarom.api.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CapabilityTokens;

import java.util.Map;
import java.util.Optional;

/** Invitation tokens, valid for their own feedback in their own round while it is open ({@link InvitationService#authenticate}). */
@ApplicationScoped
class InvitationTokens implements CapabilityTokens {

    private final InvitationService invitations;

    InvitationTokens(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public AcceptsToken.Kind kind() {
        return AcceptsToken.Kind.CONSULTATION_INVITATION;
    }

    @Override
    public Optional<Caller> resolve(Map<String, String> path, String token) {
        return invitations.authenticate(token, path.get("org"), path.get("id"));
    }

    /** Also after the round closed: the page then shows the text and the person's own feedback, read-only. */
    @Override
    public Optional<Caller> admitToPage(Map<String, String> path, String token) {
        return invitations.admitToPage(token, path.get("org"), path.get("id"));
    }
}
