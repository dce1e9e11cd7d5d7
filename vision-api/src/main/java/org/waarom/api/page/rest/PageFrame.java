package org.waarom.api.page.rest;

import java.util.List;

/**
 * What every page has around its content: its language, the organisation's name (on every page), the words, and the
 * links to the other languages the page can be read in.
 *
 * @param language     the page's language (its words), for {@code <html lang>}
 * @param organization the organisation's name as it stores it; null on a refusal, which names no organisation
 * @param title        the page's title ({@code <title>} and {@code <h1>})
 * @param languages    the page in other languages; empty when there is no choice
 * @param footer       the line at the bottom of the page; null on a refusal
 */
public record PageFrame(String language, String organization, String title, PageMessages words, List<LanguageLink> languages, String footer) {

    /** A link to the same page in another language, named in that language ("Nederlands"). */
    public record LanguageLink(String language, String name, String href, boolean current) {
    }
}
