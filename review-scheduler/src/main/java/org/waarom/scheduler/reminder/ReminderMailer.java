package org.waarom.scheduler.reminder;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.waarom.scheduler.api.Recipient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Sends a reminder by SMTP (the Quarkus Mailer, configured with {@code QUARKUS_MAILER_*}) as one
 * message with a plain-text and an HTML part, both from the Qute templates
 * {@code templates/ReminderMailer/reminder.txt} and {@code reminder.html}. The HTML template
 * escapes every value, so stored texts (goal titles, organisation names) cannot add markup.
 * <p>
 * Every message carries the {@code Message-ID} {@code <reminder-<id>.<hash of the address>@waarom>} of its reminder
 * record and recipient. The one repeat the reminder order allows (a crash after the SMTP server took a message
 * but before it was recorded as sent) therefore has the same id, and mail clients show it once.
 */
@ApplicationScoped
public class ReminderMailer {

    /**
     * The longest one attempt may take: a server that accepts the connection and then says nothing must not hold
     * the pass for minutes. Such an attempt is cut short and the send tried again, on a new connection.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    /** Attempts per send within one pass; after them the reminder counts as failed and the next pass (15 minutes later) retries. */
    static final int ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(ReminderMailer.class);

    /** Characters that would break an address header if a stored name contained them. */
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[\"<>()\\[\\]\\\\,;:@\\p{Cntrl}]");

    private final Vertx vertx;

    ReminderMailer(Vertx vertx) {
        this.vertx = vertx;
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance reminder(ReminderContent mail);
    }

    /**
     * The {@code Message-ID} of the e-mail of reminder record {@code reminderId} to {@code person}: the record's id and a short
     * hash of the address, the same every time that message is sent (a new link does not make it another message).
     */
    public static String messageId(long reminderId, Recipient person) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(person.email().trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "<reminder-" + reminderId + "." + HexFormat.of().formatHex(hash, 0, 6) + "@waarom>";
    }

    /**
     * Sends {@code content} to {@code to} alone, as message {@code messageId}; throws {@link DeliveryException} when the SMTP
     * server did not take it. A message names one recipient: it carries that person's own link.
     */
    public void send(String messageId, ReminderContent content, Recipient to) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("A reminder is sent from a job's thread, which waits for it; never from an event loop");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Templates.reminder(content)
                        .mail(new Mail().addHeader("Message-ID", messageId))
                        .to(address(to))
                        .subject(content.subject())
                        .send()
                        .runSubscriptionOn(this::onEventLoop)
                        .await().atMost(ATTEMPT_TIMEOUT);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw new DeliveryException("SMTP: " + describe(e), e);
                }
                LOG.infof("Reminder %s: SMTP attempt %d failed (%s); trying again on a new connection", messageId, attempt, describe(e));
            }
        }
    }

    /**
     * Where a send starts: on a Vert.x event loop, while the Quartz thread waits for it. Started from a thread that is not
     * Vert.x's own, the SMTP client (Vert.x) now and then dropped the server's greeting on a new connection (5 and 7 sends
     * in 150 on a busy machine) and waited until the server gave up; started on an event loop, the connection's setup and
     * its first reply are handled on one thread, and none was dropped in 150 sends under the same load.
     */
    private void onEventLoop(Runnable start) {
        vertx.getOrCreateContext().runOnContext(ignored -> start.run());
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

    /** {@code An Peeters <an@example.org>}, or the bare address when the name is empty or unusable. */
    static String address(Recipient person) {
        String email = person.email().trim();
        String name = person.name() == null ? "" : UNSAFE_IN_NAME.matcher(person.name()).replaceAll(" ").trim().replaceAll("\\s+", " ");
        return name.isEmpty() ? email : name + " <" + email + ">";
    }
}
