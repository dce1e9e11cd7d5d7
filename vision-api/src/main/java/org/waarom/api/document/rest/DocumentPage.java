package org.waarom.api.document.rest;

import java.util.List;

/**
 * What the printable (HTML) and Markdown templates lay out: the document's texts, the words around them in
 * the document's language, and numbers and dates already written for that language. Every text is plain;
 * the templates escape it. Built by {@link DocumentRenderer}.
 *
 * @param language     the document's language, for {@code <html lang>}
 * @param organization the organisation's name as it stores it
 * @param parts        mission, vision, values and strategy, in that order
 * @param goals        the active goals in reading order: each strategic goal followed by its operational goals
 */
public record DocumentPage(String language, String organization, DocumentMessages words, List<Part> parts, List<GoalPart> goals) {

    /**
     * The organisation's name inside a CSS string (the printed pages' footer): every character but ASCII letters, digits
     * and spaces as a CSS escape ({@code é} → {@code \e9 }), so that no name can end the string or the style sheet, and
     * the HTML escaping of the template, which a style sheet does not undo, finds nothing to change.
     */
    public String organizationInCss() {
        StringBuilder css = new StringBuilder(organization.length() + 16);
        organization.codePoints().forEach(c -> {
            if (c == ' ' || (c < 128 && Character.isLetterOrDigit(c))) {
                css.appendCodePoint(c);
            } else {
                css.append('\\').append(Integer.toHexString(c)).append(' ');
            }
        });
        return css.toString();
    }

    /**
     * One element.
     *
     * @param id           the element's path ({@code values}), used as the section's anchor
     * @param language     the language of its texts when it differs from the document's (an untranslated element), else null
     * @param since        "Version 3, in effect since 2 March 2026"; null when not adopted
     * @param itemsHeading the heading above the items (mission, vision, strategy); null for the values, which are the items
     * @param itemLevel    the heading level of each item: 3 under the element, 4 under an items heading
     */
    public record Part(String id, String heading, String language, boolean adopted, String since, String statement,
                       String itemsHeading, int itemLevel, List<ItemPart> items) {
    }

    /** An item of an element: a value with its behaviours, an aspiration, a core quality, a service. */
    public record ItemPart(String anchor, String title, String description, List<String> behaviours) {
    }

    /**
     * A goal.
     *
     * @param level         its heading level: 3 for a goal on its own, 4 for an operational goal under its strategic goal
     * @param progressValue 0 to 100 for {@code <progress>} ({@code 75.0})
     * @param progressText  the same for reading ({@code 75 %})
     */
    public record GoalPart(long id, int level, String kind, String title, String description, String serves, String targetDate,
                           String owner, String progressValue, String progressText, List<IndicatorPart> indicators) {
    }

    /** An indicator of a goal, its values with their unit. */
    public record IndicatorPart(String name, String baseline, String target, String latest, String progressValue, String progressText) {
    }
}
