package dev.accolade.storefront.mail;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the tests' SMTP server received, read as a mail program would. */
final class Inbox {

    private Inbox() {
    }

    /**
     * Sends what is due, as the sender's passes would: a message whose SMTP exchange failed (the mail
     * client can lose a new connection's greeting, see {@link OutboxSender}) is queued for a retry by
     * the sender; it is made due again at once and sent on the next pass, at most twice. The tests then
     * check each message arrived once.
     *
     * @return the messages sent
     */
    static int deliver(OutboxSender sender) {
        int sent = 0;
        for (int pass = 0; pass < 3; pass++) {
            OutboxSender.Pass p = sender.sendDue();
            sent += p.sent();
            if (p.retried() == 0) {
                break;
            }
            QuarkusTransaction.requiringNew().run(() -> OutboxMail.update("nextAttemptAt = ?1 where status = ?2",
                    OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OutboxMail.Status.QUEUED));
        }
        return sent;
    }

    /** Empties the outbox, every notice choice and latch, and the test server's mailboxes. */
    static void clear() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMail.deleteAll();
            MailPreference.deleteAll();
            MailLatch.deleteAll();
        });
        GreenMailServer.server().purgeEmailFromAllMailboxes();
    }

    static List<MimeMessage> all() {
        return Arrays.asList(GreenMailServer.server().getReceivedMessages());
    }

    /** The messages addressed to {@code email}. */
    static List<MimeMessage> to(String email) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : all()) {
            try {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(email))) {
                    out.add(m);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** The one message to {@code email}; fails unless there is exactly one. */
    static MimeMessage only(String email) {
        List<MimeMessage> to = to(email);
        if (to.size() != 1) {
            throw new AssertionError(to.size() + " messages to " + email + ", expected one");
        }
        return to.get(0);
    }

    static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    /** The whole message as it travelled: headers and every part, encoded. */
    static String raw(MimeMessage m) {
        return GreenMailUtil.getWholeMessage(m);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the text that starts with {@code prefix} (an absolute address). */
    static String link(String text, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[^\\s\"<>]*").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no link starting with " + prefix + " in:\n" + text);
        }
        return matcher.group();
    }

    private static String part(Part p, String type) {
        try {
            if (p.isMimeType(type)) {
                return String.valueOf(p.getContent());
            }
            if (p.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) p.getContent();
                for (int i = 0; i < mp.getCount(); i++) {
                    String found = part(mp.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
