package dev.accolade.storefront.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps request bodies small everywhere but the bulk-send upload. The server's own limit
 * ({@code quarkus.http.limits.max-body-size}, 20 MB) is set for a 50,000-row spreadsheet; any other
 * request declaring a body over 1 MiB is refused here with 413 before it is read, and one that does not
 * declare its length (chunked; browsers always declare it) with 411. The two file uploads (the directory
 * import, an administrator's, is read whole and stays small) may stream, and the sandbox's API and SCIM,
 * which measure what they read against their own smaller limits, are left to do so.
 */
@ApplicationScoped
public class BodyLimit {

    static final long MAX = 1024 * 1024;
    /** Ahead of the server's upload limit, which runs at route order -2; after the sandbox's own. */
    static final int PRIORITY = 90;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        String path = context.request().path();
        if ("/bulk".equals(path) || path.startsWith("/raas/v1/") || path.startsWith("/scim/v2/")
                || "/admin/directory/imports".equals(path)) {
            // The uploads; the sandbox's API and SCIM measure their bodies as they read them.
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                // A body of unknown length could run to the server's 20 MB: pages always send a length.
                context.response().setStatusCode(411).putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .end("Send the request with a Content-Length.");
                return;
            }
            context.next();
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            context.next();
            return;
        }
        if (bytes <= MAX) {
            context.next();
            return;
        }
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end("The request is larger than 1 MiB.");
    }
}
