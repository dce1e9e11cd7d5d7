package org.waarom.api.element;

/**
 * Where a translation is: a {@code DRAFT} is work in progress and never served; an {@code APPROVED}
 * one is served to readers who ask for its language. A language without a translation is
 * {@code MISSING}, which is not stored but named in listings and events.
 */
public enum TranslationStatus {
    DRAFT, APPROVED
}
