package dev.accolade.storefront.errors;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The page for an admin address whose department, card, user or import does not exist. */
public final class AdminNotFound {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();
    }

    private AdminNotFound() {
    }

    public static Response page() {
        return Response.status(404).type("text/html; charset=utf-8").entity(Templates.notFound()).build();
    }
}
