package dev.accolade.raas.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an API entity whose {@code Content-Length} is over the sandbox's limit before it is read,
 * with 413 in the spec's body shape. It runs ahead of the HTTP server's own limit
 * ({@code quarkus.http.limits.max-body-size}), which would otherwise answer with an empty 413.
 * Entities sent without a length are measured when read (see {@link RaasRequests}).
 */
@ApplicationScoped
public class SandboxBodyLimit {

    /** Ahead of the server's upload limit, which runs at route order -2. */
    static final int PRIORITY = 100;

    private final SandboxConfig config;
    private final RaasResponses responses;

    SandboxBodyLimit(SandboxConfig config, RaasResponses responses) {
        this.config = config;
        this.responses = responses;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !config.enabled() || !request.path().startsWith("/raas/v1")) {
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
        if (bytes <= config.maxBodyBytes()) {
            context.next();
            return;
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, RaasResponses.JSON_UTF8)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(responses.errorJson(RaasException.tooLarge(config.maxBodyBytes())));
    }
}
