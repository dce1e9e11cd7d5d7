package org.waarom.api.common;

/**
 * The {@code data} of an event: a record that the outbox writes as JSON exactly as it is, and that the OpenAPI document
 * gives its own schema (each record says its name with {@code @Schema}). Which event types carry which record is said
 * above the features, in {@code openapi.EventPayloads}, so that {@code event} knows none of them.
 *
 * <p>Here rather than in {@code event} because {@code organization}, which {@code event} builds on, has a payload too
 * ({@code OrganizationView}) and must not know {@code event} (docs/architecture.md#packages).
 */
public interface EventData {
}
