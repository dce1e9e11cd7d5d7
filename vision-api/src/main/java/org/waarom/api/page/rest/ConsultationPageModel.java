package org.waarom.api.page.rest;

import java.util.List;

/**
 * What the consultation page lays out, every text plain (the template escapes it) and every date already written in
 * the page's language. Built by {@link PageRenderer}.
 *
 * @param question  the round's question
 * @param timing    "You can respond until …" or, once closed, that it closed and the page is read-only
 * @param open      whether feedback can still be given and changed
 * @param notice    a status message after a change ("saved", "withdrawn"), or null
 * @param problem   the summary of what went wrong with the last form, or null
 * @param heading   the consulted element and version ("Vision — draft version 4")
 * @param contentLanguage the language of the organisation's text when it differs from the page's, else null
 * @param changes   the note that explains the marks of the diff, or null when there is nothing to compare with
 * @param parts     the statement (when there is one) and the items, in order
 * @param removed   titles of items the draft no longer has
 */
public record ConsultationPageModel(PageFrame frame, String question, String timing, boolean open, String notice, String problem,
                                    String heading, String contentLanguage, String changes, List<Part> parts, List<String> removed) {

    /**
     * The statement or one item, with what changed, and the person's feedback on it.
     *
     * @param id        its element id on the page ({@code part-statement}, {@code part-respect})
     * @param isNew     an item the version in effect does not have
     * @param changed   changed against the version in effect
     * @param title     the item's title as diff operations (one equal operation when unchanged); empty for the statement
     * @param text      the statement or description as diff operations
     * @param own       the person's feedback on it
     * @param form      the form for new feedback: when the round is open and there is no feedback yet (or it was just refused)
     */
    public record Part(String id, String label, boolean isNew, boolean changed, List<Diffed> title, List<Diffed> text, List<String> behaviours,
                       List<Own> own, FeedbackForm form) {
    }

    /** A piece of text: {@code equal}, {@code insert} or {@code delete}. */
    public record Diffed(String op, String text) {

        public boolean inserted() {
            return "insert".equals(op);
        }

        public boolean deleted() {
            return "delete".equals(op);
        }
    }

    /** One of the person's feedback: as given, and the forms to change and withdraw it while the round is open. */
    public record Own(long id, String stance, String text, String lastChanged, FeedbackForm form, String withdrawAction) {
    }

    /**
     * A feedback form, with what was typed and the errors next to their fields.
     *
     * @param id      prefix of its field ids, unique on the page
     * @param action  where it posts (the page's own path, with the token in the query)
     * @param anchor  {@code statement} or {@code item:<key>}
     * @param stance  the stance chosen, or null
     */
    public record FeedbackForm(String id, String legend, String action, String anchor, String stance, String text, String stanceError,
                               String textError, String submit, String hint) {

        public boolean supports() {
            return "SUPPORT".equals(stance);
        }

        public boolean concerns() {
            return "CONCERN".equals(stance);
        }

        public boolean suggests() {
            return "SUGGESTION".equals(stance);
        }

        public boolean hasErrors() {
            return stanceError != null || textError != null;
        }
    }
}
