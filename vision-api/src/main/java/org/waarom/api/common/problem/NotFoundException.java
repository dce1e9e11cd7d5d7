package org.waarom.api.common.problem;

/** The named resource does not exist (or belongs to another organisation). */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.NOT_FOUND;
    }
}
