package dev.accolade.storefront.occasions;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
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
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.schedule.DueSends;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/**
 * {@code /occasions}: the next 30 days' occasions (a manager's reports', or everyone's for HR and
 * administrators), and an occasion's page, where its manager personalises the draft, changes its
 * reward within the program's limits, or skips it. Another department's occasion does not exist for
 * a manager (404).
 */
@Path("/occasions")
@RolesAllowed({ Role.MANAGER_NAME, Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class OccasionsResource {

    static final int DAYS = 30;
    private static final int MAX = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Occasions.Upcoming> lines, boolean everyone, int days, int max);

        static native TemplateInstance detail(Occasions.View view, List<RewardChoice.Option> rewards);

        static native TemplateInstance notFound();
    }

    private final Occasions occasions;
    private final DueSends due;
    private final CatalogCache catalog;
    private final CurrentUser me;
    private final Flash flash;
    private final FormErrors errors;
    private final AuditTrail audit;

    OccasionsResource(Occasions occasions, DueSends due, CatalogCache catalog, CurrentUser me, Flash flash,
            FormErrors errors, AuditTrail audit) {
        this.occasions = occasions;
        this.due = due;
        this.catalog = catalog;
        this.me = me;
        this.flash = flash;
        this.errors = errors;
        this.audit = audit;
    }

    @GET
    public TemplateInstance list() {
        boolean everyone = me.isHr() || me.isAdmin();
        return Templates.list(occasions.upcoming(everyone ? null : me.getEmail(), everyone ? null : me.getUserId(), DAYS,
                MAX), everyone, DAYS, MAX);
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id) {
        Optional<Occasions.View> v = find(id);
        if (v.isEmpty()) {
            return notFound(id);
        }
        return Response.ok(Templates.detail(v.get(), RewardChoice.options(catalog))).build();
    }

    @POST
    @Path("{id}")
    public Response change(@PathParam("id") String id, @RestForm String subject, @RestForm String message,
            @RestForm String from, @RestForm String sku, @RestForm String amount) {
        Optional<Occasions.View> v = find(id);
        if (v.isEmpty() || !v.get().canChange()) {
            return v.isEmpty() || !java.util.Objects.equals(v.get().occasion().departmentId, me.getDepartmentId()) ? notFound(id)
                    : gone(v.get());
        }
        String path = "/occasions/" + v.get().occasion().id;
        String text = blankToNull(message == null ? null : message.replace("\r\n", "\n"));
        checkLength("subject", subject, "The subject");
        checkLength("message", text, "The message");
        checkLength("from", from, "The sender name");
        Optional<String> done = errors.isEmpty() ? occasions.change(v.get(), blankToNull(subject), text, blankToNull(from),
                sku, amount, me.getEmail(), errors) : Optional.empty();
        if (done.isEmpty()) {
            return errors.back(path, "Nothing was changed: please check the highlighted fields.", Map.of());
        }
        flash.put("message", done.get());
        return Response.seeOther(URI.create(path)).build();
    }

    @POST
    @Path("{id}/skip")
    public Response skip(@PathParam("id") String id) {
        Optional<Occasions.View> v = find(id);
        if (v.isEmpty() || !v.get().canChange()) {
            return v.isEmpty() || !java.util.Objects.equals(v.get().occasion().departmentId, me.getDepartmentId()) ? notFound(id)
                    : gone(v.get());
        }
        if (occasions.skip(v.get(), me.getEmail())) {
            flash.put("message", "Skipped: nothing will be sent and the amount is back in the budget.");
        } else {
            flash.put("error", "It can no longer be skipped: it has been sent or skipped already.");
        }
        return Response.seeOther(URI.create("/occasions/" + v.get().occasion().id)).build();
    }

    /** A draft that missed its time (Accolade was down): its manager sends it now. */
    @POST
    @Path("{id}/send-now")
    public Response sendNow(@PathParam("id") String id) {
        Optional<Occasions.View> v = find(id);
        if (v.isEmpty() || !v.get().canChange()) {
            return v.isEmpty() || !java.util.Objects.equals(v.get().occasion().departmentId, me.getDepartmentId()) ? notFound(id)
                    : gone(v.get());
        }
        if (!due.sendNow(v.get().send().get())) {
            flash.put("error", "Only a draft that missed its time can be sent now.");
        }
        return Response.seeOther(URI.create("/occasions/" + v.get().occasion().id)).build();
    }

    private Response gone(Occasions.View v) {
        flash.put("error", "It can no longer be changed: it has been sent or skipped.");
        return Response.seeOther(URI.create("/occasions/" + v.occasion().id)).build();
    }

    private void checkLength(String field, String value, String what) {
        if (value != null && value.length() > 255) {
            errors.add(field, what + " can have at most 255 characters.");
        }
    }

    private Optional<Occasions.View> find(String id) {
        try {
            return occasions.visible(Long.parseLong(id), me);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Response notFound(String id) {
        audit.recordAlone("ACCESS_REFUSED", "occasion " + id, "REFUSED", "not the user's department");
        return Response.status(404).entity(Templates.notFound()).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
