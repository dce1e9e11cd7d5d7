package org.waarom.scheduler.api;

/**
 * The vision-api could not be used for now: no connection, a reset, a timeout, a 5xx or 429
 * answer, or the circuit breaker is open after too many of those. Retried with back-off inside
 * {@link VisionApi}; when it reaches a caller, the work is to be tried again later.
 */
public class VisionApiUnavailableException extends VisionApiException {

    public VisionApiUnavailableException(int status, String message, Throwable cause) {
        super(status, message, cause);
    }
}
