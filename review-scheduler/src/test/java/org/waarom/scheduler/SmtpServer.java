package org.waarom.scheduler;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the tests: GreenMail on a dynamic port, whose address becomes
 * {@code quarkus.mailer.host} and {@code port}, so reminders really travel over SMTP. Like every
 * test resource it is global: all {@code @QuarkusTest}s of the module share it. Tests can stop it
 * ({@link #down()}) and start it again on the same port ({@link #up()}) to play an SMTP outage.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new GreenMail(ServerSetup.SMTP.dynamicPort().createCopy("127.0.0.1"));
            server.start();
            quick(server);
            port = server.getSmtp().getPort();
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * Gives up on a silent client after 5 s instead of GreenMail's 30, so that an exchange that stalls (a
     * dropped greeting, see {@code ReminderMailerTest}) costs a test 5 s before the mailer tries again.
     */
    private static void quick(GreenMail started) {
        started.getSmtp().setClientSocketTimeout(5_000);
    }

    /** Every message received since the last {@link #clear()}. */
    public static synchronized List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /** Forgets every received message. */
    public static synchronized void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops accepting connections, as an SMTP server that is down. */
    public static synchronized void down() {
        server.stop();
    }

    /** Starts again on the same port after {@link #down()}, with no messages. */
    public static synchronized void up() {
        if (!server.isRunning()) {
            server = new GreenMail(ServerSetup.SMTP.port(port).createCopy("127.0.0.1"));
            server.start();
            quick(server);
        }
    }
}
