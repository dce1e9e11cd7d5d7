package org.waarom.api.common;

import java.util.List;

/**
 * A domain failure with an HTTP meaning. Services throw the small set of subclasses below;
 * {@link ApiExceptionMapper} turns every one into RFC 9457 problem+json.
 */
public abstract class ApiException extends RuntimeException {

    private final transient List<FieldError> errors;

    protected ApiException(String detail) {
        this(detail, List.of());
    }

    protected ApiException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** The problem kind: HTTP status, type slug and title. */
    public abstract ProblemKind kind();

    public List<FieldError> errors() {
        return errors;
    }
}
