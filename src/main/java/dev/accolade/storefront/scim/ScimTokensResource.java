package dev.accolade.storefront.scim;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Forms;
import dev.accolade.common.PlainText;
import dev.accolade.common.PublicUrl;
import dev.accolade.storefront.errors.AdminNotFound;
import dev.accolade.storefront.security.Role;

/** SCIM provisioning for administrators: the API's address, and making and revoking its bearer tokens. */
@Path("/admin/scim")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class ScimTokensResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<ScimToken> tokens, String baseUrl);
    }

    private final ScimTokens tokens;
    private final Flash flash;
    private final FormErrors errors;

    ScimTokensResource(ScimTokens tokens, Flash flash, FormErrors errors) {
        this.tokens = tokens;
        this.flash = flash;
        this.errors = errors;
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        return Templates.tokens(ScimToken.newestFirst(), PublicUrl.link(ScimAuthFilter.BASE));
    }

    @POST
    @Path("tokens")
    public Response create(@RestForm String name) {
        String n = Forms.trim(name);
        if (n.isEmpty() || n.length() > 100 || !PlainText.Check.isPlain(n, false)) {
            errors.add("name", "Name the token after the identity provider that uses it (up to 100 characters).");
            return errors.back("/admin/scim", "The token was not made.", Map.of("name", n));
        }
        ScimTokens.Made made = tokens.create(n);
        flash.put("message", "The token " + n + " is made. Copy it now: it is not shown again.");
        flash.put("scimToken", made.secret());
        return Forms.seeOther("/admin/scim");
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        ScimToken t = tokens.revoke(id);
        flash.put("message", "The token " + t.name + " is revoked: calls with it are refused from now on.");
        return Forms.seeOther("/admin/scim");
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return AdminNotFound.page();
    }
}
