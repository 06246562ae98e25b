package dev.accolade.storefront.scim;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every call under {@code /scim/v2} carries a bearer token an administrator made
 * ({@code Authorization: Bearer acs_…}); without a valid one it is answered 401 with a SCIM error body
 * and {@code WWW-Authenticate: Bearer}. The API takes no cookie and no form, so the storefront's CSRF
 * filter leaves it alone ({@code CsrfFilter.NOT_FORMS}): a browser cannot send the token on its own.
 */
public class ScimAuthFilter {

    static final String BASE = "/scim/v2";

    private final ScimTokens tokens;
    private final ScimCaller caller;
    private final ScimJson json;

    ScimAuthFilter(ScimTokens tokens, ScimCaller caller, ScimJson json) {
        this.tokens = tokens;
        this.caller = caller;
        this.json = json;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals(BASE) && !path.startsWith(BASE + "/")) {
            return null;
        }
        var authenticated = tokens.authenticate(request.getHeaderString("Authorization"));
        if (authenticated.isPresent()) {
            caller.set(authenticated.get());
            return null;
        }
        return new ScimError(401, null, "A valid SCIM bearer token is required: an administrator makes one under "
                + "Administration, SCIM.").response(json);
    }
}
