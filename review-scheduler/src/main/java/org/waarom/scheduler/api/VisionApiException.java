package org.waarom.scheduler.api;

/**
 * The vision-api refused a request: it answered with an error status (RFC 9457 problem details).
 * Not retried, since the same request would get the same answer; {@link #status()} tells the
 * caller what happened (404: the organisation is gone, 410: the feed cursor expired, 401/403: the
 * service key is wrong). {@link VisionApiUnavailableException}, the subclass, covers the API not
 * answering usefully at all.
 */
public class VisionApiException extends RuntimeException {

    /** The status the API answered with; {@code 0} when it did not answer. */
    private final int status;

    public VisionApiException(int status, String message) {
        this(status, message, null);
    }

    protected VisionApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 404: what the request named (usually the organisation) does not exist (any more). */
    public boolean isNotFound() {
        return status == 404;
    }

    /** 410: the feed cursor is older than the API keeps events. */
    public boolean isGone() {
        return status == 410;
    }

    /**
     * Whether asking again later cannot help, so the work may be dropped: a request the API
     * rejects as such (400, 404, 409, 422, …). Not the credentials (401, 403): an operator can fix
     * those, after which the work must still happen.
     */
    public boolean isPermanent() {
        return !(this instanceof VisionApiUnavailableException) && status != 401 && status != 403;
    }
}
