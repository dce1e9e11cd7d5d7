package org.waarom.scheduler.reminder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The short text posted to Slack or Teams, with the three characters Slack reads as markup escaped. */
class IncomingWebhookTextTest {

    @Test
    void subjectReasonAndRecipientsWithMarkupCharactersEscaped() {
        ReminderContent content = new ReminderContent("en", "Reminder: review of the vision is due on 1 January 2027 (Zorg <A> & co)",
                "Hello An,", "…", "Zorg <A> & co", "Vision", "1 January 2027",
                "The goal \"<!channel> wait < 2 weeks\" that it serves was reached.", "…", "…", "For: An", null, null);

        assertThat(IncomingWebhook.text(content)).isEqualTo(
                "Reminder: review of the vision is due on 1 January 2027 (Zorg &lt;A&gt; &amp; co)\n"
                        + "The goal \"&lt;!channel&gt; wait &lt; 2 weeks\" that it serves was reached.\n"
                        + "For: An");
    }

    @Test
    void noRecipientsLineWhenNobodyIsNamed() {
        ReminderContent content = new ReminderContent("en", "Subject", "", "", "", "", "", "Reason", "", "", "", null, null);

        assertThat(IncomingWebhook.text(content)).isEqualTo("Subject\nReason");
    }
}
