package org.waarom.scheduler.reminder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;
import org.waarom.scheduler.SmtpServer;
import org.waarom.scheduler.VisionApiStub;
import org.waarom.scheduler.api.Recipient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP exchange itself: each reminder goes out on its first attempt. Sent from a thread that is not Vert.x's (as a
 * Quartz thread is), the SMTP client used to drop the server's greeting on a new connection now and then (about 1 send
 * in 30 on a busy machine) and wait for the server to give up.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(VisionApiStub.class)
@QuarkusTestResource(SmtpServer.class)
class ReminderMailerTest {

    private static final int SENDS = 100;

    @Inject
    ReminderMailer mailer;

    @Test
    void everyReminderGoesOutOnItsFirstAttemptAlsoOnABusyMachine() {
        SmtpServer.clear();
        List<String> retries = new CopyOnWriteArrayList<>();
        Handler attempts = new Handler() {
            @Override
            public void publish(LogRecord entry) {
                if (entry.getMessage() != null && entry.getMessage().contains("SMTP attempt")) {
                    retries.add(entry.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ReminderMailer.class.getName());
        log.addHandler(attempts);
        AtomicBoolean busy = new AtomicBoolean(true);
        for (int i = 0; i < 2; i++) {
            Thread load = new Thread(() -> {
                long spin = 0;
                while (busy.get()) {
                    spin += System.nanoTime() & 1;
                }
            }, "busy-" + i);
            load.setDaemon(true);
            load.start();
        }
        ReminderContent content = new ReminderContent("en", "Reminder: review of the vision", "Hello An,", "The vision is due.", "Zorg A",
                "Vision", "1 January 2027", "Its cycle is due.", "Open the review", "Waarom", "For: An",
                new ReminderContent.Labels("Organisation", "Element", "Why", "Due", "Action"),
                List.of(new ReminderContent.PersonLink("An: open the review", "https://waarom.example/r", "https://waarom.example/o", "All reviews")));
        try {
            for (int i = 0; i < SENDS; i++) {
                mailer.send("<reminder-test-" + i + "@waarom>", content, new Recipient("An", "an" + i + "@example.org"));
            }
        } finally {
            busy.set(false);
            log.removeHandler(attempts);
        }
        assertThat(SmtpServer.received()).hasSize(SENDS);
        assertThat(retries).as("sends that needed another attempt").isEmpty();
    }
}
