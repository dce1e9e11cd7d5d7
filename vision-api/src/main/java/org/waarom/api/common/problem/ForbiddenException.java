package org.waarom.api.common.problem;

/**
 * The caller holds the endpoint's permission, but not for this particular thing: someone else's
 * reference, or an acknowledgement on someone else's behalf (403). Who may use an endpoint at all is
 * decided before, by {@link org.waarom.api.security.Permission}.
 */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.FORBIDDEN;
    }
}
