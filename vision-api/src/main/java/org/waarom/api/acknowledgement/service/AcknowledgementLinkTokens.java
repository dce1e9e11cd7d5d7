package org.waarom.api.acknowledgement.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CapabilityTokens;

import java.util.Map;
import java.util.Optional;

/** Acknowledgement link tokens, valid on their own organisation's acknowledgement page only ({@link AcknowledgementLinkService#admitToPage}). */
@ApplicationScoped
class AcknowledgementLinkTokens implements CapabilityTokens {

    private final AcknowledgementLinkService links;

    AcknowledgementLinkTokens(AcknowledgementLinkService links) {
        this.links = links;
    }

    @Override
    public AcceptsToken.Kind kind() {
        return AcceptsToken.Kind.ACKNOWLEDGEMENT_LINK;
    }

    @Override
    public Optional<Caller> resolve(Map<String, String> path, String token) {
        return links.admitToPage(token, path.get("org"));
    }
}
