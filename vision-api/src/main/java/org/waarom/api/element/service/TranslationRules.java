package org.waarom.api.element.service;

import org.waarom.api.common.problem.FieldError;
import org.waarom.api.element.Content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What makes a translation fit its version: a statement exactly when the version has one, and
 * exactly the version's item keys. Checked when a translation is written (400) and again on every
 * read, because a draft's items can change after its translation was written (then the translation
 * is incomplete: listed so, and not served). Pure.
 */
public final class TranslationRules {

    private TranslationRules() {
    }

    /** How {@code translation} does not fit {@code source}, as field errors under {@code content}; empty when it fits. */
    public static List<FieldError> mismatches(Content source, Content translation) {
        List<FieldError> errors = new ArrayList<>();
        boolean sourceHasStatement = hasText(source.statement());
        boolean translationHasStatement = hasText(translation.statement());
        if (sourceHasStatement && !translationHasStatement) {
            errors.add(new FieldError("content.statement", "is required: the version has a statement"));
        } else if (!sourceHasStatement && translationHasStatement) {
            errors.add(new FieldError("content.statement", "must be left out: the version has no statement to translate"));
        }
        Set<String> sourceKeys = keys(source);
        Set<String> translationKeys = keys(translation);
        List<String> missing = sourceKeys.stream().filter(key -> !translationKeys.contains(key)).toList();
        List<String> unknown = translationKeys.stream().filter(key -> !sourceKeys.contains(key)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("content.items", "misses the version's item keys: " + String.join(", ", missing)));
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("content.items", "has item keys the version does not have: " + String.join(", ", unknown)
                    + (sourceKeys.isEmpty() ? " (the version has no items)" : " (the version's keys are " + String.join(", ", sourceKeys) + ")")));
        }
        return errors;
    }

    /** The translated content as served: the translation's texts, its items in the version's order. */
    public static Content served(Content source, Content translation) {
        Map<String, Content.Item> byKey = new LinkedHashMap<>();
        translation.items().stream().filter(Objects::nonNull).forEach(item -> byKey.put(item.key(), item));
        List<Content.Item> items = source.items().stream().map(item -> byKey.get(item.key())).filter(Objects::nonNull).toList();
        return new Content(translation.statement(), items);
    }

    private static Set<String> keys(Content content) {
        Set<String> keys = new LinkedHashSet<>();
        content.items().stream().filter(Objects::nonNull).map(Content.Item::key).filter(Objects::nonNull).forEach(keys::add);
        return keys;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
