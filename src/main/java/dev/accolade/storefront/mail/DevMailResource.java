package dev.accolade.storefront.mail;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.storefront.errors.AdminNotFound;
import dev.accolade.storefront.security.Role;

/**
 * "Mail sent by Accolade" (development only, administrators): every message the development SMTP
 * server received, as its recipient would see it. The HTML part is shown in a sandboxed frame from
 * {@code /admin/dev-mail/{n}/html}, which the security headers let run its own inline styles and
 * nothing else (no script, no form, no request to any address).
 */
@Path("/admin/dev-mail")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
@IfBuildProperty(name = "accolade.mail.dev-server.enabled", stringValue = "true")
@UnlessBuildProfile("prod")
public class DevMailResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<DevMessage> messages);

        static native TemplateInstance message(DevMessage message);
    }

    private final DevMailServer server;

    DevMailResource(DevMailServer server) {
        this.server = server;
    }

    @GET
    public TemplateInstance inbox() {
        return Templates.inbox(server.messages());
    }

    @GET
    @Path("{n}")
    public TemplateInstance message(@PathParam("n") int n) {
        return Templates.message(server.message(n).orElseThrow(() -> new NotFoundException("no message " + n)));
    }

    @GET
    @Path("{n}/html")
    public Response html(@PathParam("n") int n) {
        DevMessage m = server.message(n).orElseThrow(() -> new NotFoundException("no message " + n));
        return Response.ok(m.html() == null ? "" : m.html(), "text/html;charset=UTF-8").build();
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return AdminNotFound.page();
    }
}
