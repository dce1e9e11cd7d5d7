package org.waarom.api.common.problem;

import java.util.List;
import java.util.Map;

/** The request conflicts with the resource's current state (409). */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(detail);
    }

    /** A conflict whose problem also carries {@code members}, such as the resource that is in the way, so the client needs no second call. */
    public ConflictException(String detail, Map<String, Object> members) {
        super(detail, List.of(), members);
    }

    @Override
    public ProblemKind kind() {
        return ProblemKind.CONFLICT;
    }
}
