package org.waarom.scheduler.reminder;

/**
 * Everything a reminder says, in one language, as plain text: the templates lay it out (and
 * escape it in HTML), the incoming webhook shortens it. Built by {@link ReminderWriter}.
 *
 * @param language     the language tag it is written in ({@code nl}, {@code fr}, {@code en})
 * @param organization the organisation's name as it stores it
 * @param element      the element's name in {@code language}
 * @param dueDate      the due date, written out in {@code language}
 * @param reason       why the review was asked (cycle, which goal, which vision version, by hand)
 * @param addressedTo  whom it is for ("For: An, Bert"), for the webhook; empty when nobody is named
 */
public record ReminderContent(
        String language,
        String subject,
        String greeting,
        String lead,
        String organization,
        String element,
        String dueDate,
        String reason,
        String action,
        String footer,
        String addressedTo,
        Labels labels) {

    /** The headings of the fact lines, in {@code language}. */
    public record Labels(String organization, String element, String reason, String dueDate, String action) {
    }
}
