package dev.accolade.storefront.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) that the mail tests start on a free port of this machine; the
 * application's mailer sends to it. A test can stop it (an SMTP outage) and start it again on the
 * same port.
 */
public class GreenMailServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    /** The running server. */
    public static GreenMail server() {
        return server;
    }

    /** Stops the server: the port refuses connections, as an SMTP server that is down. */
    public static void outage() {
        server.stop();
    }

    /** Starts a new server on the same port (empty, as a restarted server's mailbox would be for us). */
    public static void back() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        back();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
