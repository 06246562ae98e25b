package dev.accolade.common;

import java.net.URI;
import java.util.Objects;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address people reach Accolade at ({@code accolade.public-url}, {@code ACCOLADE_PUBLIC_URL}):
 * every absolute link a page, a message or an API answer gives (an invitation link, a reward's
 * redemption link, a brand image) starts with it. It is configured, never taken from the request:
 * a {@code Host} or {@code X-Forwarded-Host} header is whatever the sender wrote, and a link built
 * from it could send the person who follows it to another site. Dev and test use
 * {@code http://localhost:} and the port the server listens on.
 */
public final class PublicUrl {

    static final String PROPERTY = "accolade.public-url";

    private PublicUrl() {
    }

    /** The address as last read, with what it was read from. */
    private record Read(Config config, String port, String testPort, String base) {
    }

    private static volatile Read last;

    /**
     * The configured address without a trailing slash, such as {@code https://accolade.example.com}.
     * Every order the sandbox answers and every link a page gives asks for it, so it is read once and
     * kept: read again only for another application's configuration (a test starting the
     * application again) or when the port it may name changes (a test server bound to port 0 sets
     * {@code quarkus.http.test-port} to the port it got once it listens).
     */
    public static String base() {
        Config config = ConfigProvider.getConfig();
        String port = System.getProperty("quarkus.http.port");
        String testPort = System.getProperty("quarkus.http.test-port");
        Read read = last;
        if (read != null && read.config() == config && Objects.equals(read.port(), port)
                && Objects.equals(read.testPort(), testPort)) {
            return read.base();
        }
        String url = config.getOptionalValue(PROPERTY, String.class).orElse("http://localhost:8080").strip();
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        last = new Read(config, port, testPort, base);
        return base;
    }

    /** An absolute link to a path of this site ({@code path} starts with {@code /}). */
    public static String link(String path) {
        return base() + path;
    }

    /** The host people reach Accolade by. */
    public static String host() {
        String host = URI.create(base()).getHost();
        return host == null ? "localhost" : host;
    }
}
