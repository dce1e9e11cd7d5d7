package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A person a reminder goes to, as review policies and reminder records name them
 * (docs/api-guide.md#reviews-policies-and-tasks).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recipient(String name, String email) {

    /** Whether there is an address to write to. */
    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
