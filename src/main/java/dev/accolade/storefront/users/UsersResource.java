package dev.accolade.storefront.users;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Clocks;
import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Forms;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.errors.AdminNotFound;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;
import dev.accolade.storefront.users.InvitationService.Invitation;
import dev.accolade.storefront.users.UserAdminService.Refused;

/** Users: the list, invite a new one, change role and department, disable, reset a password. */
@Path("/admin/users")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class UsersResource {

    /** A user as the list shows them. */
    public record UserRow(AppUser user, String department, boolean invited) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<UserRow> users);

        static native TemplateInstance create(List<Department> departments, List<Role> roles);

        static native TemplateInstance user(AppUser user, String department, UserInvitation invitation,
                List<Department> departments, List<Role> roles, int minLength);

        static native TemplateInstance confirmDisable(AppUser user, String department);
    }

    private static final String CHECK = "Please check the highlighted fields.";

    private final UserAdminService users;
    private final InvitationService invitations;
    private final Flash flash;
    private final FormErrors errors;
    private final java.time.Clock clock;

    UsersResource(UserAdminService users, InvitationService invitations, Flash flash, FormErrors errors,
            java.time.Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
        this.users = users;
        this.flash = flash;
        this.errors = errors;
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        var now = Clocks.utcNow(clock);
        Map<Long, String> departments = new java.util.HashMap<>();
        Department.<Department>listAll().forEach(d -> departments.put(d.id, d.name));
        List<UserRow> rows = AppUser.<AppUser>list("order by lower(email)").stream()
                .map(u -> new UserRow(u, u.departmentId == null ? "" : departments.getOrDefault(u.departmentId, ""),
                        UserInvitation.openOf(u.id, now).filter(i -> !i.passwordReset).isPresent()))
                .toList();
        return Templates.list(rows);
    }

    @GET
    @Path("new")
    @Transactional
    public TemplateInstance create() {
        return Templates.create(Department.listByName(), List.of(Role.values()));
    }

    @POST
    public Response create(@BeanParam UserForm form, @Context UriInfo uri) {
        UserForm.NewUser entered = form.newUser();
        if (errors.check(entered)) {
            UserForm.User user = entered.user();
            try {
                Invitation inv = users.create(entered.email(), user.displayName(), user.role(), user.departmentId());
                showLink(inv, uri, "The user " + entered.email() + " is created and their invitation e-mailed.");
                return Forms.seeOther("/admin/users/" + inv.user().id);
            } catch (Refused refused) {
                if (refused.field != null) {
                    errors.add(refused.field, refused.getMessage());
                }
            }
        }
        return errors.back("/admin/users/new", CHECK, form.values());
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance user(@PathParam("id") long id) {
        AppUser u = AppUser.findById(id);
        if (u == null) {
            throw new NotFoundException("no user " + id);
        }
        Department department = u.departmentId == null ? null : Department.findById(u.departmentId);
        return Templates.user(u, department == null ? "" : department.name,
                UserInvitation.openOf(id, Clocks.utcNow(clock)).orElse(null), Department.listByName(),
                List.of(Role.values()), PasswordPolicy.MIN_LENGTH);
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @BeanParam UserForm form) {
        String self = "/admin/users/" + id;
        UserForm.User user = form.user();
        if (errors.check(user)) {
            try {
                users.update(id, user.displayName(), user.role(), user.departmentId());
                flash.put("message", "The user is saved.");
                return Forms.seeOther(self);
            } catch (Refused refused) {
                errors.add(refused.field == null ? "role" : refused.field, refused.getMessage());
            }
        }
        return errors.back(self, CHECK, form.values());
    }

    /** Disabling asks first, on a page of its own: it works without JavaScript. */
    @GET
    @Path("{id}/disable")
    @Transactional
    public TemplateInstance confirmDisable(@PathParam("id") long id) {
        AppUser u = AppUser.findById(id);
        if (u == null) {
            throw new NotFoundException("no user " + id);
        }
        Department department = u.departmentId == null ? null : Department.findById(u.departmentId);
        return Templates.confirmDisable(u, department == null ? "" : department.name);
    }

    /** Disables the user once confirmed ({@code confirm=yes}, from the confirmation page); else asks. */
    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("id") long id, @RestForm String confirm) {
        if (!"yes".equals(confirm)) {
            return Forms.seeOther("/admin/users/" + id + "/disable");
        }
        return enable(id, false);
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("id") long id) {
        return enable(id, true);
    }

    private Response enable(long id, boolean enabled) {
        try {
            AppUser u = users.setEnabled(id, enabled);
            flash.put("message", enabled ? u.email + " can sign in again."
                    : u.email + " is disabled and signed out everywhere.");
        } catch (Refused refused) {
            flash.put("error", refused.getMessage());
        }
        return Forms.seeOther("/admin/users/" + id);
    }

    @POST
    @Path("{id}/password")
    public Response resetPassword(@PathParam("id") long id, @RestForm String password, @RestForm String confirm) {
        String self = "/admin/users/" + id;
        if (password == null || !password.equals(confirm)) {
            errors.add("confirm", "The two passwords are not the same.");
            return errors.back(self, "The password was not changed.", Map.of());
        }
        try {
            AppUser u = users.resetPassword(id, password);
            flash.put("message", "The password of " + u.email + " is changed and their sessions are ended. "
                    + "Give them the new password in person or by phone.");
            return Forms.seeOther(self);
        } catch (Refused refused) {
            errors.add("password", refused.getMessage());
            return errors.back(self, "The password was not changed.", Map.of());
        }
    }

    @POST
    @Path("{id}/invitation")
    public Response reinvite(@PathParam("id") long id, @Context UriInfo uri) {
        Invitation inv = invitations.reinvite(id);
        showLink(inv, uri, "A new invitation link is e-mailed; earlier links no longer work.");
        return Forms.seeOther("/admin/users/" + id);
    }

    @POST
    @Path("{id}/reset-link")
    public Response resetLink(@PathParam("id") long id) {
        Invitation inv = invitations.passwordResetLink(id);
        showLink(inv, null, "A password-reset link is e-mailed to " + inv.user().email
                + "; their password keeps working until they use it.");
        flash.put("linkTitle", "Password-reset link");
        return Forms.seeOther("/admin/users/" + id);
    }

    private void showLink(Invitation inv, UriInfo uri, String message) {
        flash.put("message", message);
        flash.put("invitationLink", dev.accolade.common.PublicUrl.link(InvitationService.path(inv)));
        flash.put("invitationExpires", dev.accolade.common.Formats.display(inv.expiresAt()));
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return AdminNotFound.page();
    }
}
