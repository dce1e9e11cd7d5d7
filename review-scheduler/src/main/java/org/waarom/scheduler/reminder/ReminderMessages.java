package org.waarom.scheduler.reminder;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a reminder, in English here and in Dutch and French in
 * {@code messages/reminders_nl.properties} and {@code messages/reminders_fr.properties} (same
 * keys). Checked at build time: a translation that names a parameter the method lacks fails the
 * build. The texts are plain; HTML escaping is the template's job ({@link ReminderMailer}).
 * <p>
 * The element appears in two forms, because languages put articles differently: a name for
 * the "Element" line ({@link #vision()}) and "review of the …" phrases ({@link #reviewOfVision()}).
 */
@MessageBundle(value = "reminders", locale = "en")
public interface ReminderMessages {

    // --- the elements

    @Message("Mission")
    String mission();

    @Message("Vision")
    String vision();

    @Message("Values")
    String values();

    @Message("Strategy")
    String strategy();

    @Message("review of the mission")
    String reviewOfMission();

    @Message("review of the vision")
    String reviewOfVision();

    @Message("review of the values")
    String reviewOfValues();

    @Message("review of the strategy")
    String reviewOfStrategy();

    /** An element type this scheduler does not know by name. */
    @Message("review of {element}")
    String reviewOfElement(String element);

    // --- subjects, one per kind

    @Message("Reminder: {review} is due on {dueDate} ({organization})")
    String subjectUpcoming(String review, String dueDate, String organization);

    @Message("Due today: {review} ({organization}, {dueDate})")
    String subjectDue(String review, String dueDate, String organization);

    @Message("Overdue: {review} was due on {dueDate} ({organization})")
    String subjectOverdue(String review, String dueDate, String organization);

    @Message("Escalation: {review} overdue since {dueDate} ({organization})")
    String subjectEscalation(String review, String dueDate, String organization);

    // --- the body

    @Message("Hello {names},")
    String greeting(String names);

    @Message("The {review} for {organization} is due on {dueDate}.")
    String leadUpcoming(String review, String dueDate, String organization);

    @Message("The {review} for {organization} is due today, {dueDate}.")
    String leadDue(String review, String dueDate, String organization);

    @Message("The {review} for {organization} was due on {dueDate} and has not been completed yet.")
    String leadOverdue(String review, String dueDate, String organization);

    @Message("The {review} for {organization} was due on {dueDate} and is still open {days} days later. "
            + "You receive this message as the escalation contact; the quality managers responsible are in copy.")
    String leadEscalation(String review, String dueDate, String organization, long days);

    @Message("It is time for the periodic review, following the cycle of the review policy.")
    String reasonCycle();

    @Message("The goal \"{goalTitle}\" that it serves was reached.")
    String reasonGoalReached(String goalTitle);

    @Message("A goal that it serves was reached.")
    String reasonGoalReachedUntitled();

    @Message("Version {version} of the vision was adopted, and the strategy follows the vision.")
    String reasonVisionChanged(int version);

    @Message("A new version of the vision was adopted, and the strategy follows the vision.")
    String reasonVisionChangedUnnumbered();

    @Message("Someone asked for this review.")
    String reasonManual();

    @Message("Read the current text again with the people involved. If it still holds, complete the review task "
            + "as CONFIRMED. If it must change, draft a new version and adopt it: adopting completes the task as REVISED.")
    String action();

    @Message("Organisation")
    String labelOrganization();

    @Message("Element")
    String labelElement();

    @Message("Why")
    String labelReason();

    @Message("Due date")
    String labelDueDate();

    @Message("What to do")
    String labelAction();

    @Message("Sent by Waarom, where {organization} keeps its mission, vision, values and strategy. Review task {taskId}.")
    String footer(String organization, long taskId);

    /** The last line of a webhook message: whom it concerns. */
    @Message("For: {names}")
    String webhookFor(String names);

    /** A recipient's link to the review page, where they decide. */
    @Message("{name}: open the review and decide")
    String openReview(String name);

    /** A recipient's link to the overview of the organisation's open reviews. */
    @Message("all open reviews")
    String overview();
}
