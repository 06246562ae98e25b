package dev.accolade.storefront.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response: a strict Content-Security-Policy (scripts, styles and images
 * from this origin only), no framing, no MIME sniffing, and {@code Cache-Control: no-store} on
 * everything except bundled static assets, the icon and brand images, so private pages are never
 * cached.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "object-src 'none'";

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
            if (!path.startsWith("/static/") && !path.startsWith("/raas-sandbox/images/")
                    && !path.startsWith("/favicon.")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        rc.next();
    }
}
