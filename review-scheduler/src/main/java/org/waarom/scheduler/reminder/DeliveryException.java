package org.waarom.scheduler.reminder;

/**
 * A reminder did not reach its channel: the SMTP server or the incoming webhook did not take it.
 * The message is what the {@code FAILED} reminder record shows, so it names the cause and
 * nothing secret (never the webhook URL, never credentials).
 */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
