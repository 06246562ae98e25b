package dev.accolade.storefront.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.ForbiddenException;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.errors.ErrorPages;

/** Pages for refused requests: a form without its CSRF token, a page the user's role may not open. */
public class SecurityErrorPages {

    private final AuditTrail audit;
    private final Actors actors;
    private final CurrentUser me;
    private final ManagedExecutor executor;

    SecurityErrorPages(AuditTrail audit, Actors actors, CurrentUser me, ManagedExecutor executor) {
        this.audit = audit;
        this.actors = actors;
        this.me = me;
        this.executor = executor;
    }

    @ServerExceptionMapper
    public Response csrf(Csrf.CsrfRefused e) {
        return ErrorPages.page(400, "This form has expired", "The form was not sent from an Accolade page in this "
                + "browser, or it is too old. Go back, reload the page and try again.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        // Role checks run on the I/O thread: capture the facts here, write the audit row on a worker,
        // as the request's actor (the worker runs after the request may have ended).
        Actor actor = actors.current();
        String path = uri.getPath();
        String role = "role " + me.getRole();
        executor.execute(() -> actors.runAs(actor, () -> audit.recordAlone("ACCESS_REFUSED", path, "REFUSED", role)));
        return ErrorPages.page(403, "Not allowed", "Your role does not give you access to this page.");
    }
}
