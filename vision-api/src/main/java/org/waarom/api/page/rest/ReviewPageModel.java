package org.waarom.api.page.rest;

import java.util.List;

/**
 * What the review page lays out, in the order it shows it; every text plain (the template escapes it) and every date
 * already written in the page's language. Built by {@link ReviewPageRenderer}.
 */
public record ReviewPageModel(PageFrame frame, ReviewPageMessages words, String notice, String problem,
                              List<String> why, Goal goal, Vision vision, Current current, References references, String coverage,
                              String consultation, String draft, List<Row> others, Decision decision, String overviewHref) {

    /** The goal whose reaching caused the review, with its indicators (and those of its operational goals). */
    public record Goal(String title, List<Indicator> indicators) {
    }

    public record Indicator(String name, String value, String met, boolean isMet) {
    }

    /** The new vision a strategy review follows, with its statement's diff and the items that changed. */
    public record Vision(String heading, String changes, List<ConsultationPageModel.Diffed> statement, List<String> itemChanges,
                         List<Item> items, String contentLanguage) {
    }

    /** The text in effect. */
    public record Current(String since, String statement, List<Item> items, String contentLanguage) {
    }

    public record Item(String title, String description, List<String> behaviours) {
    }

    public record References(String summary, List<Reference> items, String newerHref, String olderHref) {
    }

    public record Reference(String kind, String title, String date, String rationale) {
    }

    /** A review in a list: what, why, when, and its page when the link opens it. */
    public record Row(String element, String reason, String due, String overdue, boolean isOverdue, String href, String hrefLabel) {
    }

    /**
     * The two decisions, when the link may take them: each one form with an optional note.
     *
     * @param note      what was typed, kept when a form was refused
     * @param noteError the note's error, or null
     * @param form      which form was refused ({@code confirm} or {@code revise}), or null
     */
    public record Decision(String confirmAction, String reviseAction, boolean canRevise, String note, String noteError, String form, String hint) {

        public boolean confirmRefused() {
            return "confirm".equals(form);
        }

        public boolean reviseRefused() {
            return "revise".equals(form);
        }
    }
}
