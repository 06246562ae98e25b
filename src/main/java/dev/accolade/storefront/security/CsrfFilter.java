package dev.accolade.storefront.security;

import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one place forms are checked for their CSRF token: every POST, PUT, PATCH and DELETE that a
 * storefront resource answers must carry this browser's token in its {@code csrf-token} field
 * (url-encoded or multipart), or it is refused with the "form has expired" page ({@link Csrf}). No
 * handler takes the token or checks it, so none can forget to.
 * <p>
 * It runs after the route is matched and its role checked (a signed-out visitor is sent to sign in, a
 * wrong role gets its 403, as before) and once the form is read. Addresses that answer no route get
 * their 404 or 405 as before.
 */
public class CsrfFilter {

    /**
     * APIs that authenticate every call themselves (HTTP Basic, a bearer token) and take JSON, never a
     * browser form: the CSRF check does not apply to them. The RaaS API and, when provisioning arrives,
     * SCIM.
     */
    static final List<String> NOT_FORMS = List.of("/raas/v1", "/scim/v2");

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Csrf csrf;

    CsrfFilter(Csrf csrf) {
        this.csrf = csrf;
    }

    @WithFormRead
    @ServerRequestFilter
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || notAForm(request.getUriInfo().getPath())) {
            return;
        }
        Object token = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(Csrf.FIELD, true, false);
        csrf.verify(token instanceof String s ? s : null);
    }

    static boolean notAForm(String path) {
        return NOT_FORMS.stream().anyMatch(api -> path.equals(api) || path.startsWith(api + "/"));
    }
}
