package org.waarom.api.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/** The pages {@link AccessFilter} answers a {@link TokenPage} request with when it refuses it. */
public interface TokenPageRefusals {

    /** Why a page request is refused. */
    enum Reason {
        /** No token, or one that is unknown, revoked, for something else, or no longer valid (401). */
        LINK_NOT_VALID,
        /** Too many failed attempts from the address (429). */
        TOO_MANY_ATTEMPTS
    }

    Response refuse(ContainerRequestContext request, Reason reason, long retryAfterSeconds);
}
