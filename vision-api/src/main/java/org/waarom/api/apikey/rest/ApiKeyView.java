package org.waarom.api.apikey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An API key as listed; {@code key} is present only in the answer to its creation, never again. */
@Schema(name = "ApiKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        @Schema(examples = "12") long id,
        @Schema(examples = "hr-system") String name,
        @Schema(description = "The organisation's slug; absent for platform keys", examples = "zorg-a") String organization,
        @Schema(examples = "[\"reader\"]") List<String> roles,
        @Schema(description = "The first characters of the key, to recognise it", examples = "wrm_Q3vX9a") String prefix,
        @Schema(description = "The key itself: shown once, at creation. Send it as `Authorization: Bearer <key>`.",
                examples = "wrm_Q3vX9aL0b8yJ2kM1nP4rS7tU0wX3zA6cD9fG2hJ5kL8") String key,
        String createdBy,
        Instant createdAt,
        @Schema(description = "Last time the key authenticated a request (to the minute)") Instant lastUsedAt,
        Instant revokedAt) {
}
