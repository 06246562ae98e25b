package dev.accolade.storefront.audit;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

import dev.accolade.common.ClientAddress;

/**
 * The actor of the current HTTP request, read once per request: the signed-in user's email (null for
 * a visitor) and the client's address. {@link Actors} hands it to the audit trail, so no method takes
 * the actor or the address only to pass them on.
 */
@RequestScoped
public class RequestActor {

    private final SecurityIdentity identity;
    private final ClientAddress address;
    private Actor actor;

    RequestActor(SecurityIdentity identity, ClientAddress address) {
        this.identity = identity;
        this.address = address;
    }

    Actor get() {
        if (actor == null) {
            actor = new Actor(identity.isAnonymous() ? null : identity.getPrincipal().getName(), address.get());
        }
        return actor;
    }
}
