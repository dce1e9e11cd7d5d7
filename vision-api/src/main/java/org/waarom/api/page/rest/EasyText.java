package org.waarom.api.page.rest;

import java.util.List;

/**
 * The easy-read text of one part of a page (the statement, or an item with the same key), shown before the full text.
 *
 * @param title      the item's easy title; null for the statement, which has none
 * @param text       the statement or the item's description in easy words; null when the easy-read text has none
 * @param behaviours the item's behaviours in easy words
 */
public record EasyText(String title, String text, List<String> behaviours) {
}
