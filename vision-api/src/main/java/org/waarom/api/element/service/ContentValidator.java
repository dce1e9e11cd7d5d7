package org.waarom.api.element.service;

import org.waarom.api.common.problem.FieldError;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content rules (docs/api-guide.md#elements-and-versions): item keys are unique slugs, each type has what it needs
 * (a statement for mission and vision, values with behaviours, a statement or items for the
 * strategy), and texts stay within sane limits. Pure: every broken rule comes back as a field error.
 */
public final class ContentValidator {

    public static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    public static final int MAX_STATEMENT = 5_000;
    public static final int MAX_ITEMS = 50;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_BEHAVIOURS = 20;
    public static final int MAX_BEHAVIOUR = 500;

    private ContentValidator() {
    }

    /** The broken rules of {@code content} (under the field {@code prefix}) for an element of {@code type}; empty when valid. */
    public static List<FieldError> validate(ElementType type, Content content, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (content == null) {
            errors.add(new FieldError(prefix, "is required"));
            return errors;
        }
        String statement = content.statement();
        boolean hasStatement = statement != null && !statement.isBlank();
        if (statement != null && statement.length() > MAX_STATEMENT) {
            errors.add(new FieldError(prefix + ".statement", "must be at most " + MAX_STATEMENT + " characters (has " + statement.length() + ")"));
        }
        List<Content.Item> items = content.items();
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError(prefix + ".items", "must have at most " + MAX_ITEMS + " items (has " + items.size() + ")"));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            validateItem(type, items.get(i), prefix + ".items[" + i + "]", keys, errors);
        }
        switch (type.contentRule()) {
            case STATEMENT_REQUIRED -> {
                if (!hasStatement) {
                    errors.add(new FieldError(prefix + ".statement", "is required for the " + type.path()));
                }
            }
            case ITEMS_WITH_BEHAVIOURS_REQUIRED -> {
                if (items.isEmpty()) {
                    errors.add(new FieldError(prefix + ".items", "must name at least one value, each with at least one behaviour"));
                }
            }
            case STATEMENT_OR_ITEMS_REQUIRED -> {
                if (!hasStatement && items.isEmpty()) {
                    errors.add(new FieldError(prefix, "needs a statement or at least one item for the " + type.path()));
                }
            }
        }
        return errors;
    }

    private static void validateItem(ElementType type, Content.Item item, String path, Set<String> keys, List<FieldError> errors) {
        if (item == null) {
            errors.add(new FieldError(path, "must be an object"));
            return;
        }
        if (item.key() == null || item.key().isBlank()) {
            errors.add(new FieldError(path + ".key", "is required"));
        } else if (!KEY.matcher(item.key()).matches()) {
            errors.add(new FieldError(path + ".key", "must be a slug of 1 to 63 characters: lower-case letters, digits and '-', not starting with '-'"));
        } else if (!keys.add(item.key())) {
            errors.add(new FieldError(path + ".key", "'" + item.key() + "' is used by another item of this version"));
        }
        if (item.title() == null || item.title().isBlank()) {
            errors.add(new FieldError(path + ".title", "is required"));
        } else if (item.title().length() > MAX_TITLE) {
            errors.add(new FieldError(path + ".title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (item.description() != null && item.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError(path + ".description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        List<String> behaviours = item.behaviours();
        if (behaviours.size() > MAX_BEHAVIOURS) {
            errors.add(new FieldError(path + ".behaviours", "must have at most " + MAX_BEHAVIOURS + " behaviours"));
        }
        for (int b = 0; b < behaviours.size(); b++) {
            String behaviour = behaviours.get(b);
            if (behaviour == null || behaviour.isBlank()) {
                errors.add(new FieldError(path + ".behaviours[" + b + "]", "must not be empty"));
            } else if (behaviour.length() > MAX_BEHAVIOUR) {
                errors.add(new FieldError(path + ".behaviours[" + b + "]", "must be at most " + MAX_BEHAVIOUR + " characters"));
            }
        }
        if (type.contentRule() == ElementType.ContentRule.ITEMS_WITH_BEHAVIOURS_REQUIRED && behaviours.isEmpty()) {
            errors.add(new FieldError(path + ".behaviours", "must name at least one behaviour for each value"));
        }
    }
}
