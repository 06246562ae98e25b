package dev.accolade.storefront.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response: a strict Content-Security-Policy (scripts, styles, fonts and
 * connections from this origin only, no inline script or style), no framing, no MIME sniffing, and
 * {@code Cache-Control: no-store} on everything but the bundled static assets, the icon and brand
 * images themselves (an error page at their addresses gets it too), so private pages are never
 * cached. Images may also come from other origins: the catalog shows the brand images at the
 * absolute addresses RaaS gives ({@code image_url}, on Tango Card's hosts, or the sandbox's own
 * address, which is another origin when the browser names the host differently), and an image
 * cannot run code.
 * <p>
 * Also: a {@code Permissions-Policy} that turns off the browser features no page uses (camera,
 * microphone, geolocation, payment, ...); {@code Strict-Transport-Security} when the browser reached
 * Accolade over HTTPS, directly or through a proxy that says so ({@code X-Forwarded-Proto} or
 * {@code Forwarded: proto=https}; a browser ignores the header on a plain HTTP answer, so a forged
 * one does no harm); and every HTML answer names its charset ({@code text/html;charset=UTF-8}), so no
 * browser guesses another encoding for a page that shows what people typed.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https: http:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /**
     * The development inbox's view of a message's HTML ({@code /admin/dev-mail/<n>/html}), framed by
     * its page: the mail's own inline styles and images, nothing else (no script, form or request).
     */
    static final String MAIL_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https: http:; "
            + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

    static final String PERMISSIONS = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), usb=(), interest-cohort=()";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    /**
     * The policy of pages: {@link #CSP}, and with single sign-on the provider's origin may also receive
     * the sign-out form's redirect (Accolade's sign-out sends the browser on to end the provider's session).
     */
    private final String csp;

    SecurityHeaders(SsoConfig sso) {
        this.csp = sso.enabled() ? sso.issuer().map(SecurityHeaders::origin)
                .map(o -> CSP.replace("form-action 'self'", "form-action 'self' " + o)).orElse(CSP) : CSP;
    }

    /** scheme://host[:port] of a URL, or null when it is none. */
    static String origin(String url) {
        try {
            java.net.URI u = java.net.URI.create(url.strip());
            return u.getScheme() == null || u.getHost() == null ? null
                    : u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::apply, 100);
    }

    void apply(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean https = https(rc);
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Permissions-Policy", PERMISSIONS);
            if (https) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            String type = headers.get("Content-Type");
            if (type != null && type.regionMatches(true, 0, "text/html", 0, 9) && !type.toLowerCase().contains("charset")) {
                headers.set("Content-Type", "text/html;charset=UTF-8");
            }
            if (path.startsWith("/admin/dev-mail/") && path.endsWith("/html")) {
                headers.set("Content-Security-Policy", MAIL_PREVIEW_CSP);
                headers.set("X-Frame-Options", "SAMEORIGIN");
            } else if (!path.startsWith("/raas/v1") && !path.startsWith("/q/")) {
                headers.set("Content-Security-Policy", csp);
                headers.set("X-Frame-Options", "DENY");
            }
            // An error under an asset's path is a page too, which may name the signed-in user.
            boolean asset = path.startsWith("/static/") || path.startsWith("/raas-sandbox/images/")
                    || path.startsWith("/favicon.");
            if (!asset || rc.response().getStatusCode() >= 400) {
                headers.set("Cache-Control", "no-store");
            }
        });
        rc.next();
    }

    /** Whether the browser's request was HTTPS: on this connection, or on the proxy's that forwarded it. */
    static boolean https(RoutingContext rc) {
        if (rc.request().isSSL() || "https".equalsIgnoreCase(rc.request().scheme())) {
            return true;
        }
        String proto = rc.request().getHeader("X-Forwarded-Proto");
        if (proto != null && "https".equalsIgnoreCase(proto.split(",")[0].strip())) {
            return true;
        }
        String forwarded = rc.request().getHeader("Forwarded");
        return forwarded != null && forwarded.split(",")[0].toLowerCase().matches(".*\\bproto=\"?https\"?.*");
    }
}
