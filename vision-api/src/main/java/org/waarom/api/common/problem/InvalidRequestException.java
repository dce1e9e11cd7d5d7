package org.waarom.api.common.problem;

import java.util.List;

/** The request is well-formed but its values break a rule (400, with the fields in {@code errors}). */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    public InvalidRequestException(String field, String message) {
        super(field + " " + message, List.of(new FieldError(field, message)));
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.INVALID_REQUEST;
    }
}
