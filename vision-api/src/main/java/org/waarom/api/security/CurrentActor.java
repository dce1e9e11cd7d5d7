package org.waarom.api.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is making the current request, as recorded in {@code createdBy}, {@code adoptedBy} and the
 * like. Until credentials are required (API keys and OIDC tokens) every caller is "anonymous".
 */
@RequestScoped
public class CurrentActor {

    public static final String ANONYMOUS = "anonymous";

    public String name() {
        return ANONYMOUS;
    }
}
