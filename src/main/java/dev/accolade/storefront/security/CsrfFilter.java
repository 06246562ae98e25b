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
 * (url-encoded or multipart), or it is refused with the "form has expired" page ({@link Csrf}); and
 * one the browser says comes from another site ({@code Origin}, {@code Sec-Fetch-Site}) is refused
 * with a 403 first. No handler takes the token or checks it, so none can forget to.
 * <p>
 * It runs after the route is matched and its role checked (a signed-out visitor is sent to sign in, a
 * wrong role gets its 403, as before) and once the form is read. Addresses that answer no route get
 * their 404 or 405 as before.
 */
public class CsrfFilter {

    /**
     * APIs that authenticate every call themselves (HTTP Basic, a bearer token) and take JSON, never a
     * browser form: the CSRF check does not apply to them. The RaaS API (HTTP Basic) and SCIM
     * provisioning (a bearer token, {@code scim.ScimAuthFilter}); a browser sends neither by itself.
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
        String host = request.getHeaderString("Host");
        if (crossSite(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                host != null ? host : request.getUriInfo().getRequestUri().getRawAuthority())) {
            throw new CrossSite();
        }
        Object token = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(Csrf.FIELD, true, false);
        csrf.verify(token instanceof String s ? s : null);
    }

    /**
     * Whether the browser says the request comes from another site: {@code Sec-Fetch-Site} other than
     * {@code same-origin} or {@code none} (a sibling subdomain is another site too), or an
     * {@code Origin} whose host and port are not this request's {@code Host}. Neither header: not a
     * browser's cross-site form (browsers send one or both with every cross-site POST), so allowed,
     * for scripts and other clients that send neither.
     */
    static boolean crossSite(String fetchSite, String origin, String host) {
        if (fetchSite != null && !fetchSite.isBlank()) {
            String site = fetchSite.strip().toLowerCase(java.util.Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none")) {
                return true;
            }
        }
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            java.net.URI from = new java.net.URI(origin.strip());
            if (from.getHost() == null || host == null) {
                return true;
            }
            java.net.URI here = new java.net.URI(from.getScheme(), host.strip(), null, null, null).parseServerAuthority();
            return !from.getHost().equalsIgnoreCase(here.getHost()) || port(from) != port(here);
        } catch (java.net.URISyntaxException e) {
            return true; // "null" (a sandboxed frame, a privacy-sensitive redirect) or unreadable
        }
    }

    private static int port(java.net.URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A state-changing request that the browser says comes from another site. */
    public static final class CrossSite extends RuntimeException {
        CrossSite() {
            super("The form was sent from another site.", null, false, false);
        }
    }

    static boolean notAForm(String path) {
        return NOT_FORMS.stream().anyMatch(api -> path.equals(api) || path.startsWith(api + "/"));
    }
}
