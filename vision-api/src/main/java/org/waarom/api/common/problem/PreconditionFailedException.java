package org.waarom.api.common.problem;

/** The If-Match header names a representation that is no longer current (412). */
public class PreconditionFailedException extends ApiException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.PRECONDITION_FAILED;
    }
}
