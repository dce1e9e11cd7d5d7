package org.waarom.scheduler.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.waarom.scheduler.api.NewReminder;
import org.waarom.scheduler.api.Organization;
import org.waarom.scheduler.api.Recipient;
import org.waarom.scheduler.api.Reminder;
import org.waarom.scheduler.api.ReminderRecording;
import org.waarom.scheduler.api.ReminderUpdate;
import org.waarom.scheduler.api.ReviewLink;
import org.waarom.scheduler.api.ReviewPolicy;
import org.waarom.scheduler.api.ReviewTask;
import org.waarom.scheduler.api.ReviewTaskPage;
import org.waarom.scheduler.api.VisionApi;
import org.waarom.scheduler.api.VisionApiException;
import org.waarom.scheduler.health.SchedulerMetrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One reminder pass ({@link ReminderJob}, every {@code waarom.reminders.interval}, one replica
 * of the cluster at a time): reads every open review task, decides the one reminder each is owed
 * today ({@link ReminderSchedule}) and sends it by e-mail and, when configured, to the incoming
 * webhook.
 * <p>
 * <b>The order that sends each reminder once.</b> Per task, kind and channel:
 * <ol>
 *   <li><b>record</b> it ({@code POST …/reminders} → {@code PENDING}). A 409 with a {@code SENT}
 *       record means it was sent before: done. A 409 with a {@code PENDING} or {@code FAILED}
 *       record means an earlier pass recorded it and then crashed or failed to send: this pass
 *       owns the retry, since no other pass runs at the same time anywhere in the cluster;</li>
 *   <li><b>send</b> it: by e-mail one message per recipient, each with only their own review link, and each recorded
 *       with the API as it goes out, so that a retry reaches only those still without it;</li>
 *   <li><b>mark</b> it {@code SENT}, or {@code FAILED} with the error, which the next pass retries.</li>
 * </ol>
 * A crash before the send leaves a {@code PENDING} record that the next pass sends; an SMTP outage
 * leaves {@code FAILED} records that the next pass sends; so nothing is lost. The one possible
 * repeat is a crash (or an unreachable API) after the SMTP server took the mail but before
 * its delivery was recorded: that one message then goes again with the same {@code Message-ID}
 * ({@link ReminderMailer#messageId}), which mail clients show once.
 * <p>
 * Only the kind owed today is sent or retried: a {@code FAILED} upcoming reminder is abandoned
 * (and logged) once the due date is reached, and the due reminder goes instead. When the vision-api
 * cannot be reached, the pass stops and the next one starts over: every step is repeatable.
 */
@ApplicationScoped
public class ReminderService {

    /** The largest page the API serves (size ≤ 200, docs/api-guide.md#conventions). */
    static final int PAGE_SIZE = 200;
    /** Longest error text written to a {@code FAILED} record. */
    static final int MAX_ERROR = 500;

    private static final Logger LOG = Logger.getLogger(ReminderService.class);

    @Inject
    VisionApi api;

    @Inject
    ReminderWriter writer;

    @Inject
    ReminderMailer mailer;

    @Inject
    IncomingWebhook webhook;

    @Inject
    SchedulerMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Sends every reminder owed today. Throws {@link VisionApiException} when the vision-api
     * could not be used; what was done until then stays done, the rest waits for the next pass.
     */
    public Pass remind() {
        LocalDate today = LocalDate.now(clock);
        Pass pass = new Pass();
        Map<String, Optional<OrganizationContext>> organizations = new HashMap<>();
        int page = 0;
        ReviewTaskPage current;
        do {
            current = api.openReviewTasks(page++, PAGE_SIZE);
            for (ReviewTask task : current.items()) {
                pass.tasks++;
                Optional<OrganizationContext> organization = organizations.get(task.organization());
                if (organization == null) {
                    organization = load(task.organization());
                    organizations.put(task.organization(), organization);
                }
                organization.ifPresent(context -> remind(task, context, today, pass));
            }
        } while (current.hasNext());
        if (pass.sent + pass.failed + pass.withoutRecipients > 0) {
            LOG.infof("Reminders: %d open tasks, %d sent, %d failed (retried next time), %d e-mails without recipients",
                    pass.tasks, pass.sent, pass.failed, pass.withoutRecipients);
        }
        return pass;
    }

    /** The organisation and its policies, read once per pass; empty when it no longer exists. */
    private Optional<OrganizationContext> load(String slug) {
        try {
            Organization organization = api.organization(slug);
            Map<String, ReviewPolicy> policies = new HashMap<>();
            for (ReviewPolicy policy : api.reviewPoliciesOf(slug)) {
                policies.put(policy.element(), policy);
            }
            return Optional.of(new OrganizationContext(organization, policies));
        } catch (VisionApiException e) {
            if (e.isNotFound()) {
                LOG.infof("Organisation %s no longer exists; no reminders for its tasks", slug);
                return Optional.empty();
            }
            throw e;
        }
    }

    private void remind(ReviewTask task, OrganizationContext organization, LocalDate today, Pass pass) {
        if (task.dueDate() == null) {
            LOG.warnf("Review task %d of %s has no due date; no reminder", task.id(), task.organization());
            return;
        }
        Optional<ReviewPolicy> policy = Optional.ofNullable(organization.policies().get(task.element()));
        Optional<Reminder.Kind> owed = ReminderSchedule.owed(task.dueDate(), policy, today);
        if (owed.isEmpty()) {
            return;
        }
        Reminder.Kind kind = owed.get();
        ReminderSchedule.Addressees addressees = ReminderSchedule.addressees(kind, policy);
        ReminderContent content = writer.write(task, organization.organization(), kind, addressees.to(), today);
        List<Reminder.Channel> channels = new ArrayList<>(List.of(Reminder.Channel.EMAIL));
        if (webhook.isConfigured()) {
            channels.add(Reminder.Channel.WEBHOOK);
        }
        for (Reminder.Channel channel : channels) {
            if (!deliver(task, kind, channel, addressees, content, pass)) {
                return;
            }
        }
    }

    /**
     * Records, sends and marks one reminder (see the class comment). Returns {@code false} when
     * the task turned out to be no longer open, so that its other channels are not tried.
     */
    private boolean deliver(ReviewTask task, Reminder.Kind kind, Reminder.Channel channel,
                            ReminderSchedule.Addressees addressees, ReminderContent content, Pass pass) {
        if (task.reminder(kind, channel).filter(known -> known.status() == Reminder.Status.SENT).isPresent()) {
            return true;
        }
        if (channel == Reminder.Channel.EMAIL && addressees.isEmpty()) {
            LOG.warnf("Review task %d of %s: no %s e-mail, the %s policy names nobody to send it to (%s)",
                    task.id(), task.organization(), kind, task.element(),
                    kind == Reminder.Kind.ESCALATION ? "escalateTo" : "assignees");
            metrics.reminderWithoutRecipients(kind);
            pass.withoutRecipients++;
            return true;
        }
        String organization = task.organization();
        Optional<ReminderRecording> recording = record(task, new NewReminder(kind, channel, addressees.all()));
        if (recording.isEmpty()) {
            return true;
        }
        Reminder reminder = recording.get().reminder();
        switch (recording.get().outcome()) {
            case TASK_NOT_OPEN -> {
                LOG.debugf("Review task %d of %s is no longer open; no reminder", task.id(), organization);
                return false;
            }
            case EXISTED -> {
                if (reminder.status() == Reminder.Status.SENT) {
                    return true;
                }
                LOG.infof("Reminder %d (%s by %s) of task %d in %s was recorded %s but not sent; sending it now",
                        reminder.id(), kind, channel, task.id(), organization, reminder.status());
            }
            case CREATED -> logAbandoned(task, kind, channel);
        }
        if (recording.get().outcome() == ReminderRecording.Outcome.EXISTED) {
            // The links of a record are shown once, in the answer that made them: sending it again needs new ones.
            Optional<Reminder> relinked = relink(task, reminder);
            if (relinked.isEmpty()) {
                return true;
            }
            reminder = relinked.get();
        }
        try {
            switch (channel) {
                case EMAIL -> sendEach(task, reminder, content, recording.get().outcome() == ReminderRecording.Outcome.CREATED
                        ? addressees.all() : List.of());
                case WEBHOOK -> webhook.send(content);
            }
        } catch (RuntimeException e) {
            if (e instanceof VisionApiException unreachable && !unreachable.isPermanent()) {
                // Recording a delivery failed: the record stays PENDING and the next pass sends to whoever has no delivery.
                throw unreachable;
            }
            String error = describe(e);
            LOG.warnf("Reminder %d (%s by %s) of task %d in %s not sent, retried on the next pass: %s",
                    reminder.id(), kind, channel, task.id(), organization, error);
            metrics.reminderFailed(kind, channel);
            pass.failed++;
            mark(task, reminder, ReminderUpdate.failed(error));
            return true;
        }
        metrics.reminderSent(kind, channel);
        pass.sent++;
        mark(task, reminder, ReminderUpdate.sent());
        return true;
    }

    /**
     * One e-mail per recipient, each with only that recipient's own link: a message that listed everyone's link would let
     * each reader act as the others. Each message that went out is recorded with the API at once, so a reminder sent again
     * (after an SMTP failure or a crash) gets links, and messages, only for the recipients still without one. A reminder
     * whose record came without links (an API that makes none) goes to {@code withoutLinks}, each their own message.
     */
    private void sendEach(ReviewTask task, Reminder reminder, ReminderContent content, List<Recipient> withoutLinks) {
        if (reminder.links().isEmpty()) {
            for (Recipient person : withoutLinks) {
                mailer.send(ReminderMailer.messageId(reminder.id(), person), writer.forRecipient(content, person, null), person);
            }
            return;
        }
        for (ReviewLink link : reminder.links()) {
            mailer.send(ReminderMailer.messageId(reminder.id(), link.recipient()), writer.forRecipient(content, link.recipient(), link),
                    link.recipient());
            api.recordDelivery(task.organization(), task.id(), reminder.id(), link.id());
        }
    }

    /** The record of a reminder, or empty when the API refuses it for good (logged, the task is skipped). */
    private Optional<ReminderRecording> record(ReviewTask task, NewReminder reminder) {
        try {
            return Optional.of(api.recordReminder(task.organization(), task.id(), reminder));
        } catch (VisionApiException e) {
            if (e.isPermanent()) {
                LOG.errorf("Reminder %s by %s of task %d in %s refused by the vision-api, not sent: %s",
                        reminder.kind(), reminder.channel(), task.id(), task.organization(), e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The reminder with new links, or empty when the API refuses for good (sent meanwhile, task closed): logged, not sent. */
    private Optional<Reminder> relink(ReviewTask task, Reminder reminder) {
        try {
            return Optional.of(api.replaceReminderLinks(task.organization(), task.id(), reminder.id()));
        } catch (VisionApiException e) {
            if (e.isPermanent()) {
                LOG.infof("Reminder %d of task %d in %s is not sent again: %s", reminder.id(), task.id(), task.organization(), e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
    }

    private void mark(ReviewTask task, Reminder reminder, ReminderUpdate update) {
        try {
            if (!api.updateReminder(task.organization(), task.id(), reminder.id(), update)) {
                LOG.infof("Reminder %d of task %d in %s was already marked SENT", reminder.id(), task.id(), task.organization());
            }
        } catch (VisionApiException e) {
            if (e.isPermanent()) {
                LOG.errorf("Reminder %d of task %d in %s could not be marked %s: %s",
                        reminder.id(), task.id(), task.organization(), update.status(), e.getMessage());
                return;
            }
            // The record stays PENDING; the next pass sends it again (same Message-ID).
            throw e;
        }
    }

    /** Earlier reminders of this task and channel that never went out and are no longer owed. */
    private static void logAbandoned(ReviewTask task, Reminder.Kind kind, Reminder.Channel channel) {
        for (Reminder earlier : task.reminders()) {
            if (earlier.channel() == channel && earlier.kind() != kind && earlier.status() != Reminder.Status.SENT) {
                LOG.warnf("Reminder %d (%s by %s) of task %d in %s was never sent (%s: %s) and is abandoned: %s is owed now",
                        earlier.id(), earlier.kind(), channel, task.id(), task.organization(), earlier.status(),
                        earlier.lastError(), kind);
            }
        }
    }

    private static String describe(RuntimeException e) {
        String text = e instanceof DeliveryException ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text;
    }

    private record OrganizationContext(Organization organization, Map<String, ReviewPolicy> policies) {
    }

    /** What one pass did, for its log line and for tests. */
    public static final class Pass {
        int tasks;
        int sent;
        int failed;
        int withoutRecipients;

        public int tasks() {
            return tasks;
        }

        public int sent() {
            return sent;
        }

        public int failed() {
            return failed;
        }

        public int withoutRecipients() {
            return withoutRecipients;
        }
    }
}
