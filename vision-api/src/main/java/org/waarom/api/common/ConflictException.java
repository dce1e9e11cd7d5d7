package org.waarom.api.common;

/** The request conflicts with the resource's current state (409). */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.CONFLICT;
    }
}
