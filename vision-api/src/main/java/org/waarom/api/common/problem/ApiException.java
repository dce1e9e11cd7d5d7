package org.waarom.api.common.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain failure with an HTTP meaning. Services throw the small set of subclasses below;
 * {@link ApiExceptionMapper} turns every one into RFC 9457 problem+json.
 */
public abstract class ApiException extends RuntimeException {

    private final transient List<FieldError> errors;
    private final transient Map<String, Object> members;

    protected ApiException(String detail) {
        this(detail, List.of());
    }

    protected ApiException(String detail, List<FieldError> errors) {
        this(detail, errors, Map.of());
    }

    protected ApiException(String detail, List<FieldError> errors, Map<String, Object> members) {
        super(detail);
        this.errors = List.copyOf(errors);
        // Insertion order is kept: the members read in the order the thrower gave them.
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The problem kind: HTTP status, type slug and title. */
    public abstract ProblemKind kind();

    public List<FieldError> errors() {
        return errors;
    }

    /** RFC 9457 extension members the problem carries besides the standard ones (e.g. the existing resource of a conflict). */
    public Map<String, Object> members() {
        return members;
    }
}
