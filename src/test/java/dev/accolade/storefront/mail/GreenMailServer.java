package dev.accolade.storefront.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) that the mail tests start on a free port of this machine; the
 * application's mailer sends to it. A test can stop it (an SMTP outage) and start it again on the
 * same port.
 * <p>
 * It greets a new connection {@value #GREETING_DELAY_MS} ms after accepting it, as a server across a
 * network does. The mail client drops a greeting that reaches a new connection before the client reads
 * from it (see {@link OutboxSender}); with an instant greeting on this machine that is about 1 in 100
 * connections, which the sender survives (cut off, tried again later) but which would make a test's
 * count of one pass's sends a matter of luck. {@code OutboxTest} covers a server that never greets.
 */
public class GreenMailServer implements QuarkusTestResourceLifecycleManager {

    static final long GREETING_DELAY_MS = 20;

    static final long STARTUP_TIMEOUT_MS = 30_000;

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
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail waits 2 s by default for its listener thread to bind; on a loaded 2-core CI machine
        // that wait has run out once. The wait ends as soon as the server is up.
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        server = new GreetingLater(setup);
        server.start();
    }

    /** The port the server listens on (and an outage leaves free). */
    public static int port() {
        return port;
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

    /** GreenMail whose SMTP server sends its greeting {@link #GREETING_DELAY_MS} ms after a connection opens. */
    private static final class GreetingLater extends GreenMail {

        GreetingLater(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            Map<String, AbstractServer> services = new HashMap<>();
            for (ServerSetup setup : setups) {
                services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        return new SmtpHandler(new SmtpCommandRegistry(), managers.getSmtpManager(), socket) {
                            @Override
                            protected void sendGreetings() {
                                try {
                                    Thread.sleep(GREETING_DELAY_MS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                super.sendGreetings();
                            }
                        };
                    }
                });
            }
            return services;
        }
    }
}
