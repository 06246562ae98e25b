package dev.accolade.storefront.users;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Forms;
import dev.accolade.storefront.mail.MailPreferences;
import dev.accolade.storefront.mail.Notice;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.SessionCookies;
import dev.accolade.storefront.users.UserAdminService.Refused;

/** The signed-in user's own page: change the password, choose the e-mail notices, sign out everywhere. */
@Path("/profile")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(int minLength, List<MailPreferences.Choice> notices);
    }

    private final ProfileService profiles;
    private final CurrentUser me;
    private final Flash flash;
    private final FormErrors errors;
    private final SessionCookies cookies;
    private final CurrentVertxRequest request;
    private final MailPreferences mailPreferences;

    ProfileResource(ProfileService profiles, CurrentUser me, Flash flash, FormErrors errors, SessionCookies cookies,
            CurrentVertxRequest request, MailPreferences mailPreferences) {
        this.mailPreferences = mailPreferences;
        this.profiles = profiles;
        this.me = me;
        this.flash = flash;
        this.errors = errors;
        this.cookies = cookies;
        this.request = request;
    }

    @GET
    public TemplateInstance profile() {
        return Templates.profile(PasswordPolicy.MIN_LENGTH, mailPreferences.choices(me.getUserId()));
    }

    /** The notices ticked are on, the others offered are off; a name that is no notice is ignored. */
    @POST
    @Path("notices")
    public Response chooseNotices(@RestForm("notice") List<String> ticked) {
        Set<Notice> on = EnumSet.noneOf(Notice.class);
        for (String name : ticked == null ? List.<String>of() : ticked) {
            for (Notice n : Notice.values()) {
                if (n.name().equals(name)) {
                    on.add(n);
                }
            }
        }
        mailPreferences.choose(me.getUserId(), on);
        flash.put("message", "Your e-mail notices are saved.");
        return Forms.seeOther("/profile#notices");
    }

    @POST
    @Path("password")
    public Response changePassword(@RestForm String current, @RestForm String password, @RestForm String confirm) {
        if (password == null || !password.equals(confirm)) {
            errors.add("confirm", "The two passwords are not the same.");
            return errors.back("/profile", "Your password was not changed.", Map.of());
        }
        try {
            int ended = profiles.changePassword(me.getUserId(), me.getSessionId(), current, password);
            flash.put("message", "Your password is changed." + (ended == 0 ? ""
                    : " Your other sessions (" + ended + ") are signed out."));
            return Forms.seeOther("/profile");
        } catch (Refused refused) {
            errors.add(refused.field, refused.getMessage());
            return errors.back("/profile", "Your password was not changed.", Map.of());
        }
    }

    @POST
    @Path("sign-out-everywhere")
    public Response signOutEverywhere() {
        int ended = profiles.signOutEverywhere(me.getUserId());
        var rc = request.getCurrent();
        rc.response().addCookie(cookies.expired(SessionCookies.secure(rc.request())));
        flash.put("message", "You are signed out everywhere (" + ended + (ended == 1 ? " session)." : " sessions)."));
        return Forms.seeOther("/login");
    }
}
