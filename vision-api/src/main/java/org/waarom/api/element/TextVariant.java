package org.waarom.api.element;

import org.waarom.api.common.problem.InvalidRequestException;

import java.util.Locale;

/**
 * Which text of a version a read serves or a text attaches to (docs/api-guide.md#easy-read-texts): the {@code standard}
 * text (the version's own content, or its translation) or the {@code easy-read} text, written at language level B1
 * ("makkelijk lezen") for clients, families and anyone who reads better in plain words. Both are kept as
 * {@link ElementTranslation}s of their version, with the same item keys and the same DRAFT/APPROVED status.
 */
public enum TextVariant {
    STANDARD("standard"), EASY_READ("easy-read");

    private final String value;

    TextVariant(String value) {
        this.value = value;
    }

    /** As the API writes it: in {@code ?variant=}, the {@code variant} fields and the {@code Waarom-Variant} header. */
    public String value() {
        return value;
    }

    /** {@code ?variant=}: absent or blank is the standard text; anything but the two names is 400. */
    public static TextVariant of(String value) {
        if (value == null || value.isBlank()) {
            return STANDARD;
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        for (TextVariant variant : values()) {
            if (variant.value.equals(name)) {
                return variant;
            }
        }
        throw new InvalidRequestException("variant", "must be standard or easy-read");
    }
}
