package org.waarom.scheduler.reminder;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.scheduler.api.Recipient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Sends a reminder by SMTP (the Quarkus Mailer, configured with {@code QUARKUS_MAILER_*}) as one
 * message with a plain-text and an HTML part, both from the Qute templates
 * {@code templates/ReminderMailer/reminder.txt} and {@code reminder.html}. The HTML template
 * escapes every value, so stored texts (goal titles, organisation names) cannot add markup.
 * <p>
 * Every message carries the {@code Message-ID} {@code <reminder-<id>@waarom>} of its reminder
 * record. The one repeat the reminder order allows (a crash after the SMTP server took a message
 * but before it was recorded as sent) therefore has the same id, and mail clients show it once.
 */
@ApplicationScoped
public class ReminderMailer {

    /** The longest a send may take; past it the reminder counts as failed and is retried next pass. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    /** Characters that would break an address header if a stored name contained them. */
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[\"<>()\\[\\]\\\\,;:@\\p{Cntrl}]");

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance reminder(ReminderContent mail);
    }

    /** The {@code Message-ID} of the e-mail of reminder record {@code reminderId}. */
    public static String messageId(long reminderId) {
        return "<reminder-" + reminderId + "@waarom>";
    }

    /**
     * Sends {@code content} to {@code to} with {@code cc} in copy; throws {@link DeliveryException}
     * when the SMTP server did not take it.
     */
    public void send(long reminderId, ReminderContent content, List<Recipient> to, List<Recipient> cc) {
        try {
            Templates.reminder(content)
                    .mail(new Mail().addHeader("Message-ID", messageId(reminderId)))
                    .to(addresses(to))
                    .cc(addresses(cc))
                    .subject(content.subject())
                    .send()
                    .await().atMost(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            throw new DeliveryException("SMTP: " + describe(e), e);
        }
    }

    /** The innermost useful cause: Mutiny and Vert.x wrap the SMTP client's own failure. */
    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String[] addresses(List<Recipient> people) {
        return people.stream().map(ReminderMailer::address).toArray(String[]::new);
    }

    /** {@code An Peeters <an@example.org>}, or the bare address when the name is empty or unusable. */
    static String address(Recipient person) {
        String email = person.email().trim();
        String name = person.name() == null ? "" : UNSAFE_IN_NAME.matcher(person.name()).replaceAll(" ").trim().replaceAll("\\s+", " ");
        return name.isEmpty() ? email : name + " <" + email + ">";
    }
}
