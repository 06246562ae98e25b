package dev.accolade.storefront.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application as dev mode builds it for mail: GreenMail inside the application (on a free port
 * here), its page, the demo messages, and sending right after each commit.
 */
public class DevMailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("accolade.mail.dev-server.enabled", "true", "accolade.mail.dev-server.port", Integer.toString(port),
                "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED", "accolade.mail.send-after-commit", "true");
    }
}
