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
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https: http:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::apply, 100);
    }

    void apply(RoutingContext rc) {
        String path = rc.normalizedPath();
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            if (!path.startsWith("/raas/v1") && !path.startsWith("/q/")) {
                headers.set("Content-Security-Policy", CSP);
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
}
