package dev.accolade.storefront.security;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.accolade.common.PlainText;
import dev.accolade.storefront.errors.ErrorPages;

/**
 * No text a person sends the storefront holds a control character: the path, a query parameter, form
 * field or uploaded file's name with NUL, escape or another control (tab and line ends are allowed, for the
 * message fields) is refused with a page that says so, before any handler reads it. Names in the
 * directory, departments and messages therefore never carry one into a page, a log line or a CSV
 * download. The machine APIs ({@link CsrfFilter#NOT_FORMS}: RaaS, SCIM) answer their own JSON errors
 * and are left to them. The page to return to after
 * sign-in ({@code next}) is not refused but replaced by the home page ({@link NextPage}), so a person
 * following a mangled link still signs in.
 */
public class PlainTextFilter {

    static final String TITLE = "The text could not be accepted";
    static final String MESSAGE = "A field held a control character (such as NUL or escape), which no text here may "
            + "hold. Go back, remove it and try again.";

    private static final String NEXT = "next";

    @WithFormRead
    @ServerRequestFilter
    public Response check(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (CsrfFilter.notAForm(path) || path.startsWith("/q/")) {
            return null;
        }
        // The path's own text (decoded: /rewards/%00 is a NUL) is held to the same rule.
        if (!plain(path)) {
            return refused();
        }
        for (Map.Entry<String, List<String>> p : request.getUriInfo().getQueryParameters().entrySet()) {
            if (NEXT.equals(p.getKey())) {
                continue;
            }
            if (!plain(p.getKey()) || !p.getValue().stream().allMatch(PlainTextFilter::plain)) {
                return refused();
            }
        }
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form == null) {
            return null;
        }
        for (String name : form) {
            if (!plain(name)) {
                return refused();
            }
            if (NEXT.equals(name)) {
                continue;
            }
            for (FormValue v : form.get(name)) {
                String text = v.isFileItem() ? v.getFileName() : v.getValue();
                if (!plain(text)) {
                    return refused();
                }
            }
        }
        return null;
    }

    private static boolean plain(String text) {
        return PlainText.Check.isPlain(text, true);
    }

    private static Response refused() {
        return ErrorPages.page(400, TITLE, MESSAGE);
    }
}
