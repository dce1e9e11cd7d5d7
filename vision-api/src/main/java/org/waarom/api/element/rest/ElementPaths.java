package org.waarom.api.element.rest;

import org.waarom.api.common.InstantRange;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.TextVariant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parsing of the element feature's path and query parameters into 404s and 400s a client understands. */
public final class ElementPaths {

    private ElementPaths() {
    }

    public static ElementType type(String path) {
        return ElementType.fromPath(path).orElseThrow(() -> new NotFoundException(
                "There is no element type '" + path + "'; the types are " + ElementType.allPaths()));
    }

    public static int number(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // a version that cannot exist
        }
        throw new NotFoundException("There is no version '" + value + "'; versions are numbered 1, 2, 3, …");
    }

    /** What a read cache keeps a read of {@code what} under: the standard text as it always was, another variant beside it. */
    public static String cached(String what, TextVariant variant) {
        return variant == TextVariant.STANDARD ? what : what + "~" + variant.value();
    }

    static Integer optionalNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidRequestException(field, "must be a version number (1, 2, 3, …)");
    }

    /** {@code asOf}: a date (the start of that day, UTC) or an ISO-8601 instant. */
    static Instant asOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        Instant instant;
        try {
            if (text.length() == 10) {
                instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = java.time.OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("asOf", "must be a date (2024-05-01) or an ISO-8601 instant (2024-05-01T12:00:00Z)");
        }
        return InstantRange.require("asOf", instant);
    }
}
