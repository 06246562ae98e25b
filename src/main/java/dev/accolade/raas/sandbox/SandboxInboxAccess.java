package dev.accolade.raas.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who may read the sandbox inbox, which shows every reward's code and PIN in every department: a
 * signed-in user with the inbox role ({@code accolade.raas.sandbox.inbox-role}, the storefront's
 * administrators), or, where {@code accolade.raas.sandbox.inbox-open-on-localhost} is on (dev and
 * the tests), anyone on this machine: a request from a loopback address that no proxy forwarded. And a
 * warning at every start of a production server with the sandbox on.
 */
@ApplicationScoped
public class SandboxInboxAccess {

    private static final Logger LOG = Logger.getLogger(SandboxInboxAccess.class);

    private final SandboxConfig config;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    SandboxInboxAccess(SandboxConfig config, SecurityIdentity identity, CurrentVertxRequest request) {
        this.config = config;
        this.identity = identity;
        this.request = request;
    }

    void warnInProduction(@Observes StartupEvent start) {
        if (warns(config.enabled(), LaunchMode.current())) {
            LOG.warn("The RaaS sandbox is enabled (ACCOLADE_RAAS_SANDBOX_ENABLED) in production: /raas/v1 accepts "
                    + "orders that are never paid and /raas-sandbox shows their codes and PINs to administrators. "
                    + "Turn it off unless this server is a demo.");
        }
    }

    static boolean warns(boolean enabled, LaunchMode mode) {
        return enabled && mode == LaunchMode.NORMAL;
    }

    /** Passes for those who may read the inbox; otherwise sign-in is asked for, or a signed-in user is refused. */
    void check() {
        if (!identity.isAnonymous() && identity.hasRole(config.inboxRole())) {
            return;
        }
        if (config.inboxOpenOnLocalhost() && fromThisMachine()) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        throw new ForbiddenException();
    }

    private boolean fromThisMachine() {
        var current = request.getCurrent();
        if (current == null) {
            return false;
        }
        HttpServerRequest r = current.request();
        SocketAddress peer = r.remoteAddress();
        boolean forwarded = r.getHeader("Forwarded") != null || r.getHeader("X-Forwarded-For") != null
                || r.getHeader("X-Real-IP") != null;
        if (peer == null || forwarded || peer.hostAddress() == null) {
            return false;
        }
        String a = peer.hostAddress();
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }
}
