package dev.accolade.storefront.audit;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Who is acting now: the actor {@link #runAs} names on this thread (a scheduled job, a task on another
 * thread), or else the current HTTP request's {@link RequestActor}. Work outside a request that names
 * no actor is refused rather than recorded as {@code anonymous}: a job must say who it is.
 */
@ApplicationScoped
public class Actors {

    private static final ThreadLocal<Actor> NAMED = new ThreadLocal<>();

    private final RequestActor request;
    private final CurrentVertxRequest http;

    Actors(RequestActor request, CurrentVertxRequest http) {
        this.request = request;
        this.http = http;
    }

    /** The actor now; fails outside a request unless {@link #runAs} named one. */
    public Actor current() {
        Actor named = NAMED.get();
        if (named != null) {
            return named;
        }
        if (Arc.container().requestContext().isActive() && http.getCurrent() != null) {
            return request.get();
        }
        throw new IllegalStateException("No actor: work outside an HTTP request must run as a named actor "
                + "(Actors.runAs)");
    }

    /** Runs the work on this thread as the actor, then restores whoever acted before. */
    public <T> T runAs(Actor actor, Supplier<T> work) {
        Actor before = NAMED.get();
        NAMED.set(actor);
        try {
            return work.get();
        } finally {
            if (before == null) {
                NAMED.remove();
            } else {
                NAMED.set(before);
            }
        }
    }

    public void runAs(Actor actor, Runnable work) {
        runAs(actor, () -> {
            work.run();
            return null;
        });
    }
}
