package org.waarom.api.common.problem;

import java.net.URI;

/**
 * Every kind of problem the API answers with. The {@code type} URI is stable and documented, so
 * clients can branch on it rather than on the human-readable title.
 */
public enum ProblemKind {
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    MALFORMED_BODY(400, "malformed-body", "The request body could not be read"),
    UNAUTHORIZED(401, "unauthorized", "Credentials are missing or not valid"),
    FORBIDDEN(403, "forbidden", "Your role does not allow this"),
    NOT_FOUND(404, "not-found", "The resource does not exist"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "The method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    GONE(410, "gone", "No longer available"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since you read it"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body has a media type this endpoint does not accept"),
    PRECONDITION_REQUIRED(428, "precondition-required", "An If-Match header is required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL_ERROR(500, "internal-error", "An unexpected error occurred"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is temporarily unavailable");

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://waarom.org/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    public String title() {
        return title;
    }

    /** The kind that stands for a plain HTTP status raised by the framework (unknown path, wrong method, …). */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status && kind != MALFORMED_BODY) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
