package org.waarom.scheduler.reminder;

import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.waarom.scheduler.api.Organization;
import org.waarom.scheduler.api.Recipient;
import org.waarom.scheduler.api.Reminder;
import org.waarom.scheduler.api.ReviewLink;
import org.waarom.scheduler.api.ReviewTask;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a reminder in the organisation's default language: Dutch, French or English (any other
 * language, or none, gets English). Picks the words of {@link ReminderMessages} for the kind,
 * the element and the reason, and writes the due date the way that language does
 * ("1 januari 2027", "1 janvier 2027", "1 January 2027").
 */
@ApplicationScoped
public class ReminderWriter {

    static final String DUTCH = "nl";
    static final String FRENCH = "fr";
    static final String ENGLISH = "en";

    @Inject
    ReminderMessages english;

    @Inject
    @Localized(DUTCH)
    ReminderMessages dutch;

    @Inject
    @Localized(FRENCH)
    ReminderMessages french;

    /**
     * The reminder of {@code kind} for {@code task}, addressed to {@code to}, as of {@code today}
     * (which the escalation uses to say how long the task is overdue).
     */
    public ReminderContent write(ReviewTask task, Organization organization, Reminder.Kind kind, List<Recipient> to, LocalDate today) {
        String language = languageOf(organization);
        ReminderMessages words = switch (language) {
            case DUTCH -> dutch;
            case FRENCH -> french;
            default -> english;
        };
        String organizationName = organization.name() == null || organization.name().isBlank()
                ? organization.slug() : organization.name();
        String review = reviewOf(words, task.element());
        String dueDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dateLocale(language)).format(task.dueDate());
        String subject = switch (kind) {
            case UPCOMING -> words.subjectUpcoming(review, dueDate, organizationName);
            case DUE -> words.subjectDue(review, dueDate, organizationName);
            case OVERDUE -> words.subjectOverdue(review, dueDate, organizationName);
            case ESCALATION -> words.subjectEscalation(review, dueDate, organizationName);
        };
        String lead = switch (kind) {
            case UPCOMING -> words.leadUpcoming(review, dueDate, organizationName);
            case DUE -> words.leadDue(review, dueDate, organizationName);
            case OVERDUE -> words.leadOverdue(review, dueDate, organizationName);
            case ESCALATION -> words.leadEscalation(review, dueDate, organizationName,
                    ChronoUnit.DAYS.between(task.dueDate(), today));
        };
        String names = to.stream()
                .map(person -> person.name() == null || person.name().isBlank() ? person.email() : person.name())
                .collect(Collectors.joining(", "));
        return new ReminderContent(
                language,
                subject,
                words.greeting(names),
                lead,
                organizationName,
                elementName(words, task.element()),
                dueDate,
                reason(words, task),
                words.action(),
                words.footer(organizationName, task.id()),
                names.isEmpty() ? "" : words.webhookFor(names),
                new ReminderContent.Labels(words.labelOrganization(), words.labelElement(), words.labelReason(),
                        words.labelDueDate(), words.labelAction()), List.of());
    }

    /**
     * {@code content} as the message to {@code person} alone: greeted by name, with only their own review link and overview
     * ({@code link}; none when null).
     */
    public ReminderContent forRecipient(ReminderContent content, Recipient person, ReviewLink link) {
        ReminderMessages words = switch (content.language()) {
            case DUTCH -> dutch;
            case FRENCH -> french;
            default -> english;
        };
        String name = person.name() == null || person.name().isBlank() ? person.email() : person.name();
        List<ReminderContent.PersonLink> links = link == null ? List.of()
                : List.of(new ReminderContent.PersonLink(words.openReview(name), link.link(), link.overview(), words.overview()));
        return content.forRecipient(words.greeting(name), links);
    }

    /** {@code nl}, {@code fr} or {@code en}: the organisation's default language when it is one of these. */
    static String languageOf(Organization organization) {
        String language = organization.defaultLanguage() == null ? "" : organization.defaultLanguage().trim().toLowerCase(Locale.ROOT);
        // "nl-BE" and "fr-BE" are Dutch and French too.
        String primary = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
        return switch (primary) {
            case DUTCH, FRENCH -> primary;
            default -> ENGLISH;
        };
    }

    /** British English writes "1 January 2027", closer to its readers here than "January 1, 2027". */
    private static Locale dateLocale(String language) {
        return ENGLISH.equals(language) ? Locale.UK : Locale.forLanguageTag(language);
    }

    private static String reviewOf(ReminderMessages words, String element) {
        return switch (element == null ? "" : element) {
            case "mission" -> words.reviewOfMission();
            case "vision" -> words.reviewOfVision();
            case "values" -> words.reviewOfValues();
            case "strategy" -> words.reviewOfStrategy();
            default -> words.reviewOfElement(String.valueOf(element));
        };
    }

    private static String elementName(ReminderMessages words, String element) {
        return switch (element == null ? "" : element) {
            case "mission" -> words.mission();
            case "vision" -> words.vision();
            case "values" -> words.values();
            case "strategy" -> words.strategy();
            default -> String.valueOf(element);
        };
    }

    private static String reason(ReminderMessages words, ReviewTask task) {
        return switch (task.reason() == null ? "" : task.reason()) {
            case "CYCLE" -> words.reasonCycle();
            case "GOAL_REACHED" -> task.goalTitle() == null || task.goalTitle().isBlank()
                    ? words.reasonGoalReachedUntitled() : words.reasonGoalReached(task.goalTitle());
            case "VISION_CHANGED" -> task.version() == null
                    ? words.reasonVisionChangedUnnumbered() : words.reasonVisionChanged(task.version());
            default -> words.reasonManual();
        };
    }
}
