package org.waarom.api.common.http;

import org.waarom.api.common.InstantRange;
import org.waarom.api.common.problem.InvalidRequestException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Query parameters parsed by hand, so that a bad value answers 400 naming the parameter (JAX-RS
 * would answer 404 for a value it cannot convert). Blank means absent.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * A whole number from {@code min} to {@code max} written in ASCII digits only (Java's own parsing also takes a sign
     * and other scripts' digits), {@code fallback} when absent; null when the value is not one.
     */
    public static Integer wholeNumber(String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int number = Integer.parseInt(value);
        return number >= min && number <= max ? number : null;
    }

    /** One of the enum's constant names, exactly. */
    public static <E extends Enum<E>> E enumOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value.trim())).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date (YYYY-MM-DD)");
        }
    }

    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InstantRange.require(field, OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }
}
