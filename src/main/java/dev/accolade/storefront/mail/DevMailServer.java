package dev.accolade.storefront.mail;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.jboss.logging.Logger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * A real SMTP server inside the application, for development: GreenMail listening on this machine
 * only ({@code accolade.mail.dev-server.port}, 3025), to which dev mode's mailer sends. It exists only
 * when the application is built with {@code accolade.mail.dev-server.enabled=true} (dev mode sets it)
 * and never in a production build; GreenMail is a {@code provided} dependency, absent from the
 * packaged application, which therefore never loads this class.
 */
@ApplicationScoped
@IfBuildProperty(name = "accolade.mail.dev-server.enabled", stringValue = "true")
@UnlessBuildProfile("prod")
public class DevMailServer {

    private static final Logger LOG = Logger.getLogger(DevMailServer.class);

    private final int port;
    private GreenMail server;

    DevMailServer(MailConfig config) {
        this.port = config.devServer().port();
    }

    /** Starts before the other start-up work (the demo data writes messages). */
    void start(@Observes @Priority(1) StartupEvent event) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        LOG.infof("Development SMTP server on 127.0.0.1:%d; its mail is at /admin/dev-mail", port);
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Every message received since start, newest first. */
    public List<DevMessage> messages() {
        MimeMessage[] received = server == null ? new MimeMessage[0] : server.getReceivedMessages();
        List<DevMessage> out = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            out.add(read(i + 1, received[i]));
        }
        return out;
    }

    /** The message with this number (1 is the first received). */
    public Optional<DevMessage> message(int number) {
        MimeMessage[] received = server == null ? new MimeMessage[0] : server.getReceivedMessages();
        return number < 1 || number > received.length ? Optional.empty() : Optional.of(read(number, received[number - 1]));
    }

    private static DevMessage read(int number, MimeMessage m) {
        try {
            String[] parts = new String[2];
            collect(m, parts);
            OffsetDateTime at = m.getSentDate() == null ? null : m.getSentDate().toInstant().atOffset(ZoneOffset.UTC);
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            return new DevMessage(number, at, m.getFrom() == null ? "" : m.getFrom()[0].toString(),
                    to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(), m.getSubject(),
                    m.getMessageID(), parts[0], parts[1]);
        } catch (MessagingException | IOException e) {
            return new DevMessage(number, null, "", List.of(), "(unreadable: " + e.getMessage() + ")", "", "", null);
        }
    }

    /** The text ({@code parts[0]}) and HTML ({@code parts[1]}) parts of a message, at any depth. */
    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }
}
