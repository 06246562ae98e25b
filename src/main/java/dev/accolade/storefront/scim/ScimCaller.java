package dev.accolade.storefront.scim;

import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;

import dev.accolade.storefront.audit.Actors;

/**
 * The identity provider calling the SCIM API in this request, as its bearer token names it
 * ({@link ScimAuthFilter}); the audit trail records its changes as {@code scim:<token name>}.
 */
@RequestScoped
public class ScimCaller {

    private final Actors actors;
    private ScimTokens.Caller caller;

    ScimCaller(Actors actors) {
        this.actors = actors;
    }

    void set(ScimTokens.Caller caller) {
        this.caller = caller;
    }

    /** Runs the work as this caller; refused if the request was not authenticated (never reached). */
    <T> T run(Supplier<T> work) {
        if (caller == null) {
            throw new ScimError(401, null, "A SCIM bearer token is required.");
        }
        return actors.runAs(actors.current().named("scim:" + caller.name()), work);
    }
}
