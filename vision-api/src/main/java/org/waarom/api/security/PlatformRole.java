package org.waarom.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * Roles over all organisations: the operator ({@code platform-admin}: everything everywhere) and
 * the review-scheduler ({@code service}: only what {@link Permission} grants it).
 */
public enum PlatformRole {
    PLATFORM_ADMIN("platform-admin"),
    SERVICE("service");

    private final String value;

    PlatformRole(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<PlatformRole> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }

    @JsonCreator
    static PlatformRole fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }
}
