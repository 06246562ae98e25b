package dev.accolade.raas.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an API entity whose {@code Content-Length} is over the sandbox's limit before it is read,
 * with 413 in the spec's body shape, once its credentials are good (every call needs them: without,
 * it is 401 or 403 as for any other request). It runs ahead of the HTTP server's own limit
 * ({@code quarkus.http.limits.max-body-size}), which would otherwise answer with an empty 413.
 * Entities sent without a length are measured when read (see {@link RaasRequests}).
 */
@ApplicationScoped
public class SandboxBodyLimit {

    /** Ahead of the server's upload limit, which runs at route order -2. */
    static final int PRIORITY = 100;

    private final SandboxConfig config;
    private final RaasResponses responses;
    private final SandboxCredentials credentials;

    SandboxBodyLimit(SandboxConfig config, RaasResponses responses, SandboxCredentials credentials) {
        this.config = config;
        this.responses = responses;
        this.credentials = credentials;
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
        RaasException refusal;
        try {
            credentials.platform(request.getHeader(HttpHeaders.AUTHORIZATION),
                    SandboxCredentials.realm(request.authority() == null ? null : request.authority().host()));
            refusal = RaasException.tooLarge(config.maxBodyBytes());
        } catch (RaasException e) {
            refusal = e;
        }
        HttpServerResponse response = context.response().setStatusCode(refusal.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, RaasResponses.JSON_UTF8)
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (refusal.reason != null) {
            response.putHeader(RaasException.REASON_HEADER, refusal.reason);
        }
        refusal.headers.forEach(response::putHeader);
        response.end(responses.errorJson(refusal));
    }
}
