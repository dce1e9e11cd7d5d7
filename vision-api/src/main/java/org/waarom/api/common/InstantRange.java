package org.waarom.api.common;

import org.waarom.api.common.problem.InvalidRequestException;

import java.time.Instant;

/**
 * The instants a request may carry: years 1 to 9999. Java reads far larger ones, PostgreSQL stores
 * none beyond 294276 AD, and a client's typo must be a 400 naming the field, never a 500.
 */
public final class InstantRange {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private InstantRange() {
    }

    /** {@code value} itself (null stays null); 400 naming {@code field} when it lies outside years 1 to 9999. */
    public static Instant require(String field, Instant value) {
        if (value != null && (value.isBefore(MIN) || value.isAfter(MAX))) {
            throw new InvalidRequestException(field, "must lie between " + MIN + " and " + MAX);
        }
        return value;
    }
}
