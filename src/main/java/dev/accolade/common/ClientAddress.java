package dev.accolade.common;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request came from, for the audit trail. Behind a proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} so this is the client's, not the proxy's.
 */
@ApplicationScoped
public class ClientAddress {

    private final CurrentVertxRequest request;

    ClientAddress(CurrentVertxRequest request) {
        this.request = request;
    }

    public String get() {
        var current = request.getCurrent();
        if (current == null) {
            return null;
        }
        SocketAddress address = current.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
