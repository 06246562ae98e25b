package dev.accolade.storefront.ops;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request an id, on every log line written while it is handled (MDC key
 * {@code requestId}: the {@code mdc} object of JSON logs, {@code %X{requestId}} in plain ones) and
 * in the {@code X-Request-Id} response header. An incoming {@code X-Request-Id} (set by a proxy or
 * load balancer) is kept when it is well formed: 1 to 64 letters, digits, '.', '_' or '-'; anything
 * else is replaced, so a client cannot write arbitrary text into the logs.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Before the security and routing handlers, so their lines carry the id too. */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(this::assign, PRIORITY);
    }

    private void assign(RoutingContext rc) {
        String id = idFor(rc.request().getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        rc.put(MDC_KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.addEndHandler(done -> MDC.remove(MDC_KEY));
        rc.next();
    }

    /** The incoming id when well formed, else a new one. */
    static String idFor(String incoming) {
        if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
