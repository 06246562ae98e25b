package dev.accolade.storefront.errors;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.AllowedMethods;
import dev.accolade.storefront.ops.RequestIds;

/**
 * Error pages in the application's layout. Pages that refuse something build one with
 * {@link #page(int, String, String)}; every other error the storefront answers without a body (an
 * unknown address, a method the address does not answer, a bare {@code Response.status(404)}) gets
 * one here, with its status kept, a 405's {@code Allow} header and a 5xx's request id (the reference
 * an administrator finds the failure by in the log). The RaaS API under {@code /raas/v1} keeps its
 * JSON error bodies and the management endpoints under {@code /q/} are left as they are.
 */
public class ErrorPages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String reference);
    }

    private final AllowedMethods allowed;

    ErrorPages(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    /** A page with the status, a title and what the user can do next. */
    public static Response page(int status, String title, String message) {
        return Response.status(status).type(HTML).entity(Templates.error(status, title, message, null)).build();
    }

    /**
     * Gives an error response without a body its page. Response filters run from the highest
     * priority down, so this one runs before Qute's, which renders the page it sets.
     */
    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void pageForBodilessErrors(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/raas/v1") || path.startsWith("/q/")) {
            return;
        }
        String allow = null;
        if (status == 405) {
            allow = response.getHeaderString(HttpHeaders.ALLOW);
            if (allow == null) {
                allow = allowed.of(path).orElse(null);
                if (allow != null) {
                    response.getHeaders().putSingle(HttpHeaders.ALLOW, allow);
                }
            }
        }
        Text text = Text.of(status, request.getMethod(), allow);
        // A failure on the server side names the request's id, which is on the log line that records it.
        String reference = status >= 500 ? (String) MDC.get(RequestIds.MDC_KEY) : null;
        response.setEntity(Templates.error(status, text.title(), text.message(), reference), null, HTML);
    }

    /** What an error page says: its title and what the user can do next. */
    record Text(String title, String message) {

        /** The text for a status; the method and {@code Allow} say why a 405 was refused. */
        static Text of(int status, String method, String allow) {
            return switch (status) {
                case 404 -> new Text("Page not found", "There is nothing at this address, or it is not yours to open. "
                        + "Check the address, or start again from the home page.");
                case 405 -> new Text("This address cannot be opened this way", formOnly(method, allow)
                        ? "This address only takes a form sent from an Accolade page, such as a button; it cannot be "
                                + "opened from the address bar or a link."
                        : "This address does not answer " + method + " requests.");
                case 406 -> new Text("Not available in that format", "This address only answers with a web page.");
                case 415 -> new Text("Form not understood", "The form was not sent in a format Accolade reads. "
                        + "Go back, reload the page and try again.");
                default -> status >= 500
                        ? new Text("Something went wrong", "Accolade could not complete this request. "
                                + "Try again in a moment.")
                        : new Text("Request not understood", "Accolade could not handle this request. "
                                + "Go back, reload the page and try again.");
            };
        }

        private static boolean formOnly(String method, String allow) {
            return ("GET".equals(method) || "HEAD".equals(method)) && allow != null && allow.contains("POST")
                    && !allow.contains("GET");
        }
    }
}
