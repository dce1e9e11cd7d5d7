package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The few fields of {@code GET /api/v1/organizations/{org}} that reminders need: the name shown
 * in them and the language they are written in.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(String slug, String name, String defaultLanguage) {
}
