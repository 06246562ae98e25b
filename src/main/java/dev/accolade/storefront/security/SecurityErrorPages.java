package dev.accolade.storefront.security;

import java.time.Clock;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.errors.ErrorPages;

/** Pages for refused requests: a form without its CSRF token, a page the user's role may not open. */
public class SecurityErrorPages {

    private final RefusalTally refusals;
    private final Actors actors;
    private final CurrentUser me;
    private final ManagedExecutor executor;
    private final Clock clock;

    SecurityErrorPages(RefusalTally refusals, Actors actors, CurrentUser me, ManagedExecutor executor, Clock clock) {
        this.refusals = refusals;
        this.actors = actors;
        this.me = me;
        this.executor = executor;
        this.clock = clock;
    }

    @ServerExceptionMapper
    public Response csrf(Csrf.CsrfRefused e) {
        return ErrorPages.page(400, "This form has expired", "The form was not sent from an Accolade page in this "
                + "browser, or it is too old. Go back, reload the page and try again.");
    }

    @ServerExceptionMapper
    public Response crossSite(CsrfFilter.CrossSite e) {
        return ErrorPages.page(403, "Sent from another site", "This form was sent to Accolade by another web site, "
                + "so it was refused and nothing was changed. To make this change, open Accolade itself and use "
                + "its own page.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        // Role checks run on the I/O thread: capture the facts here (the time too: workers may count two
        // refusals out of order), count the refusal on a worker, as the request's actor (the worker runs
        // after the request may have ended). Counted, not written one by one: the audit trail gets one
        // row per user, address and minute (RefusalTally).
        Actor actor = actors.current();
        long at = clock.millis();
        String detail = uri.getPath() + " (role " + me.getRole() + ")";
        executor.execute(() -> actors.runAs(actor, () -> refusals.count(at, "ACCESS_REFUSED", "REFUSED", detail)));
        return ErrorPages.page(403, "Not allowed", "Your role does not give you access to this page.");
    }
}
