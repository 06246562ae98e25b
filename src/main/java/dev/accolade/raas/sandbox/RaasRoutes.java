package dev.accolade.raas.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The RaaS v1 resources the sandbox serves and the methods each answers, for the {@code Allow} header
 * that a 405 must carry (RFC 9110, 15.5.6); the framework's own 405 has none. {@code RaasRoutesTest}
 * checks this table against the resource classes' annotations.
 */
final class RaasRoutes {

    record Route(String template, List<String> methods) {

        Pattern pattern() {
            return Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+") + "/?");
        }

        /** The value of {@code Allow}: HEAD goes with GET, and OPTIONS is always answered. */
        String allow() {
            StringBuilder allow = new StringBuilder(String.join(", ", methods));
            if (methods.contains("GET")) {
                allow.append(", HEAD");
            }
            return allow.append(", OPTIONS").toString();
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("/raas/v1/accounts", List.of("POST")),
            new Route("/raas/v1/accounts/{customer}/{identifier}", List.of("GET")),
            new Route("/raas/v1/funds", List.of("POST")),
            new Route("/raas/v1/cc_register", List.of("POST")),
            new Route("/raas/v1/cc_fund", List.of("POST")),
            new Route("/raas/v1/cc_unregister", List.of("POST")),
            new Route("/raas/v1/rewards", List.of("GET")),
            new Route("/raas/v1/orders", List.of("GET", "POST")),
            new Route("/raas/v1/orders/{orderId}", List.of("GET")),
            new Route("/raas/v1/orders/{orderId}/resend", List.of("POST")));

    private static final List<Pattern> PATTERNS = ROUTES.stream().map(Route::pattern).toList();

    private RaasRoutes() {
    }

    /** The {@code Allow} value of the resource at the path, if the sandbox serves one there. */
    static Optional<String> allow(String path) {
        String p = path.replaceAll("/{2,}", "/");
        for (int i = 0; i < ROUTES.size(); i++) {
            if (PATTERNS.get(i).matcher(p).matches()) {
                return Optional.of(ROUTES.get(i).allow());
            }
        }
        return Optional.empty();
    }
}
