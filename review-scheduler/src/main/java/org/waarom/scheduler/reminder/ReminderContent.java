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
 * @param links        each recipient's review link and overview, when the API made them (see {@link #withLinks})
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
     * One recipient's links: the review page of the task (decide there) and the overview of the open reviews.
     *
     * @param label "An Peeters: open the review", in the reminder's language
     */
    public record PersonLink(String label, String review, String overview, String overviewLabel) {
    }

    /** The same reminder with the links of its record: they differ per record, the rest per task. */
    public ReminderContent withLinks(List<PersonLink> issued) {
        return new ReminderContent(language, subject, greeting, lead, organization, element, dueDate, reason, action, footer, addressedTo,
                labels, issued);
    }

    /** The headings of the fact lines, in {@code language}. */
    public record Labels(String organization, String element, String reason, String dueDate, String action) {
    }
}
