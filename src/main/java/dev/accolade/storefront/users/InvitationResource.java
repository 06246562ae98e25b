package dev.accolade.storefront.users;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
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
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.SessionStart;
import dev.accolade.storefront.security.SsoConfig;
import dev.accolade.storefront.users.UserAdminService.Refused;

/** The one-time link an invited user opens to set their password; no sign-in needed. */
@Path("/invitation/{secret}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(AppUser user, String secret, int minLength);

        static native TemplateInstance invalid();
    }

    private final InvitationService invitations;
    private final Flash flash;
    private final FormErrors errors;
    private final SessionStart sessions;
    private final SsoConfig sso;

    InvitationResource(InvitationService invitations, Flash flash, FormErrors errors, SessionStart sessions, SsoConfig sso) {
        this.sso = sso;
        this.invitations = invitations;
        this.sessions = sessions;
        this.flash = flash;
        this.errors = errors;
    }

    @GET
    public Response page(@PathParam("secret") String secret) {
        Optional<AppUser> user = invitations.invited(secret);
        if (user.isEmpty()) {
            return Response.status(404).entity(Templates.invalid()).build();
        }
        if (!sso.passwordAllowed(user.get().email)) {
            return useSso(user.get().email);
        }
        return Response.ok(Templates.invitation(user.get(), secret, PasswordPolicy.MIN_LENGTH)).build();
    }

    /** Password sign-in is off for this account: the link leads to the sign-in page's SSO button instead. */
    private Response useSso(String email) {
        flash.put("message", "Accolade signs you in with " + sso.providerName() + " here, so you need no password: "
                + "use \"Sign in with " + sso.providerName() + "\" with the account of " + email + ".");
        return Forms.seeOther("/login");
    }

    @POST
    public Response accept(@PathParam("secret") String secret, @RestForm String password, @RestForm String confirm) {
        String self = "/invitation/" + secret;
        Optional<AppUser> invited = invitations.invited(secret);
        if (invited.isPresent() && !sso.passwordAllowed(invited.get().email)) {
            // Password sign-in is off: a password chosen here would sign nobody in, nor may this link.
            return useSso(invited.get().email);
        }
        if (password == null || !password.equals(confirm)) {
            errors.add("confirm", "The two passwords are not the same.");
            return errors.back(self, "Your password is not set yet.", Map.of());
        }
        try {
            AppUser u = invitations.accept(secret, password);
            // Choosing the password proved who they are: they are signed in, with a session of its own.
            if (sessions.signIn(u, "invitation accepted")) {
                flash.put("message", "Your password is set and you are signed in. Welcome to Accolade.");
                return Forms.seeOther("/");
            }
            flash.put("message", "Your password is set. Sign in with it now.").put("email", u.email);
            return Forms.seeOther("/login");
        } catch (Refused refused) {
            if (refused.field == null) {
                return Response.status(404).entity(Templates.invalid()).build();
            }
            errors.add(refused.field, refused.getMessage());
            return errors.back(self, "Your password is not set yet.", Map.of());
        }
    }
}
