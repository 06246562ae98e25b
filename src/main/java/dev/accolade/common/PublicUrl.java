package dev.accolade.common;

import java.net.URI;

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

    /** The configured address without a trailing slash, such as {@code https://accolade.example.com}. */
    public static String base() {
        String url = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class).orElse("http://localhost:8080")
                .strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
