package org.waarom.api.common.problem;

/** A changing request came without If-Match (428). */
public class PreconditionRequiredException extends ApiException {

    public PreconditionRequiredException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.PRECONDITION_REQUIRED;
    }
}
