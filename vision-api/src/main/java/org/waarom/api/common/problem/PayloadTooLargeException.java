package org.waarom.api.common.problem;

/** The request body is larger than the configured limit (413). */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.PAYLOAD_TOO_LARGE;
    }
}
