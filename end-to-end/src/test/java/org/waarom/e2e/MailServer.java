package org.waarom.e2e;

import com.icegreen.greenmail.foedus.util.MsgRangeFilter;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real SMTP server (GreenMail) on a dynamic loopback port that can go down and come back on the
 * same port, as a mail server does during an outage. What it received is kept across such a
 * restart, one {@link ReceivedMail} per mailbox a message was delivered to, so that "exactly once
 * per recipient" can be counted over the whole test.
 */
final class MailServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    /**
     * How long the server waits for a client's next command before it gives up (GreenMail: 30 s).
     * The Vert.x mail client behind the Quarkus Mailer now and then misses a new connection's
     * greeting and waits for it until the server gives up; the reminder then fails and goes on the
     * next pass. Five seconds keeps that to a short delay instead of half a minute of the test.
     */
    private static final int CLIENT_SOCKET_TIMEOUT_MILLIS = 5_000;

    /** Messages 1 to the last: GreenMail copies a range while it holds the lock its deliveries take. */
    private static final MsgRangeFilter EVERY_MESSAGE = new MsgRangeFilter("*:*", false);

    private final List<ReceivedMail> beforeRestarts = new ArrayList<>();
    private final int port;
    private GreenMail server;

    private MailServer(GreenMail server) {
        this.server = server;
        this.port = server.getSmtp().getPort();
    }

    /** Starts a server on a free port. */
    static MailServer start() {
        return new MailServer(started(ServerSetup.SMTP.dynamicPort().createCopy(HOST)));
    }

    String host() {
        return HOST;
    }

    int port() {
        return port;
    }

    /** Refuses connections from now on, like a mail server that is down; what it received is kept. */
    synchronized void stop() {
        if (server.isRunning()) {
            beforeRestarts.addAll(read(server));
            server.stop();
        }
    }

    /** Accepts mail again on the same port after {@link #stop()}. */
    synchronized void startAgain() {
        if (!server.isRunning()) {
            server = started(ServerSetup.SMTP.port(port).createCopy(HOST));
        }
    }

    /** Every delivery so far, one per message and mailbox (a message to two people is two deliveries). */
    synchronized List<ReceivedMail> received() {
        List<ReceivedMail> all = new ArrayList<>(beforeRestarts);
        if (server.isRunning()) {
            all.addAll(read(server));
        }
        return all;
    }

    @Override
    public synchronized void close() {
        server.stop();
    }

    private static GreenMail started(ServerSetup setup) {
        GreenMail server = new GreenMail(setup);
        server.start();
        // Read for every connection it accepts, so setting it once the server runs is in time.
        server.getSmtp().setClientSocketTimeout(CLIENT_SOCKET_TIMEOUT_MILLIS);
        return server;
    }

    /**
     * What every mailbox holds now. The services deliver while a test reads, so each inbox is copied
     * under the lock GreenMail's deliveries take: {@code findReceivedMessages} walks the live message
     * list without it, and a mail arriving during that walk throws ConcurrentModificationException.
     */
    private static List<ReceivedMail> read(GreenMail server) {
        List<ReceivedMail> mails = new ArrayList<>();
        // GreenMail makes a user (a mailbox) for every address it delivers to; its user map is concurrent.
        for (GreenMailUser user : server.getUserManager().listUser()) {
            for (StoredMessage message : inbox(server, user).getMessages(EVERY_MESSAGE)) {
                mails.add(ReceivedMail.of(user.getEmail(), message.getMimeMessage()));
            }
        }
        return mails;
    }

    private static MailFolder inbox(GreenMail server, GreenMailUser user) {
        try {
            return server.getManagers().getImapHostManager().getInbox(user);
        } catch (FolderException e) {
            throw new IllegalStateException("No inbox for " + user.getEmail(), e);
        }
    }

    /** One message as the mailbox {@code mailbox} got it: its headers (addresses only, no names), plain-text and HTML parts. */
    record ReceivedMail(String mailbox, String messageId, String from, List<String> to, List<String> cc, String subject,
                        String text, String html) {

        static ReceivedMail of(String mailbox, MimeMessage message) {
            try {
                String[] ids = message.getHeader("Message-ID");
                return new ReceivedMail(mailbox, ids == null ? null : ids[0], addresses(message.getFrom()).get(0),
                        addresses(message.getRecipients(Message.RecipientType.TO)),
                        addresses(message.getRecipients(Message.RecipientType.CC)),
                        message.getSubject(), part(message, "text/plain").orElse(""), part(message, "text/html").orElse(""));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable message in " + mailbox, e);
            }
        }

        private static List<String> addresses(Address[] addresses) {
            return addresses == null ? List.of()
                    : Arrays.stream(addresses).map(address -> ((InternetAddress) address).getAddress()).toList();
        }

        /** The first part of {@code mimeType} (text/plain, text/html), looking into multiparts. */
        private static Optional<String> part(Part part, String mimeType) throws MessagingException, IOException {
            if (part.isMimeType(mimeType)) {
                return Optional.of(part.getContent().toString());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<String> text = part(child, mimeType);
                    if (text.isPresent()) {
                        return text;
                    }
                }
            }
            return Optional.empty();
        }
    }
}
