package org.waarom.api.page.rest;

import java.util.List;

/**
 * What the acknowledgement page shows: the person's greeting, the text in effect part by part, and either the button or
 * what was recorded; or, once a significant new version replaced the text, only that.
 *
 * @param contentLanguage the text's language where it differs from the page's (for {@code lang}), else null
 * @param replaced        set when the link no longer works because a new version replaced the text: what to say
 * @param acknowledged    set when the person's acknowledgement is recorded: when
 * @param action          where the button posts
 */
public record AcknowledgementPageModel(PageFrame frame, String intro, String heading, String contentLanguage, String statement, List<Item> items,
                                       String notice, String replaced, String acknowledged, String action) {

    /** One item of the text. */
    public record Item(String id, String title, String description, List<String> behaviours) {
    }
}
