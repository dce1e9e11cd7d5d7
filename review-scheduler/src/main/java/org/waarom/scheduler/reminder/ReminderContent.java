package org.waarom.scheduler.reminder;

import java.util.List;

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
 * @param links        the recipient's own review link and overview, in the message to that recipient (see {@link #forRecipient})
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
        Labels labels,
        List<PersonLink> links) {

    public ReminderContent {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /**
     * The recipient's links: the review page of the task (decide there) and the overview of the open reviews.
     *
     * @param label "An Peeters: open the review", in the reminder's language
     */
    public record PersonLink(String label, String review, String overview, String overviewLabel) {
    }

    /** The same reminder as the message to one recipient: their greeting and their own link, which differ per message. */
    public ReminderContent forRecipient(String personalGreeting, List<PersonLink> own) {
        return new ReminderContent(language, subject, personalGreeting, lead, organization, element, dueDate, reason, action, footer,
                addressedTo, labels, own);
    }

    /** The headings of the fact lines, in {@code language}. */
    public record Labels(String organization, String element, String reason, String dueDate, String action) {
    }
}
