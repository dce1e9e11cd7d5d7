package org.waarom.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** What someone may do within one organisation. An organisation's admin may do everything in it. */
public enum OrganizationRole {
    ADMIN("admin"),
    EDITOR("editor"),
    APPROVER("approver"),
    QUALITY_MANAGER("quality-manager"),
    CONTRIBUTOR("contributor"),
    READER("reader");

    private final String value;

    OrganizationRole(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<OrganizationRole> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }

    @JsonCreator
    static OrganizationRole fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }
}
