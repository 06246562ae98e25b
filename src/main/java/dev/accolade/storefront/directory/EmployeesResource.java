package dev.accolade.storefront.directory;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Forms;
import dev.accolade.storefront.directory.EmployeeLifecycle.Refused;
import dev.accolade.storefront.errors.AdminNotFound;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * One employee: edit their name, email, department and manager, and their start date, birthday (day
 * and month), time zone and leave; deactivate them when they leave and reactivate them if they come
 * back, each after a page that says what will happen.
 */
@Path("/admin/directory/employees")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class EmployeesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance employee(Employee employee, AppUser account, List<Department> departments,
                Occasions occasions);

        static native TemplateInstance confirm(Employee employee, AppUser account, boolean deactivate);
    }

    /** A month as the birthday's list offers it. */
    public record MonthChoice(String value, String name) {
    }

    private static final List<MonthChoice> MONTHS = IntStream.rangeClosed(1, 12)
            .mapToObj(m -> new MonthChoice(Integer.toString(m), Birthday.monthName(m))).toList();
    private static final List<Integer> DAYS = IntStream.rangeClosed(1, 31).boxed().toList();

    /**
     * The occasion fields as the form shows them: as entered when the form comes back with errors,
     * else as stored; and the lists to choose from.
     */
    public record Occasions(String startDate, String birthMonth, String birthDay, String timeZone, String status,
            List<MonthChoice> months, List<Integer> days, List<String> zones) {
    }

    private final EmployeeLifecycle lifecycle;
    private final Flash flash;
    private final FormErrors errors;

    EmployeesResource(EmployeeLifecycle lifecycle, Flash flash, FormErrors errors) {
        this.lifecycle = lifecycle;
        this.flash = flash;
        this.errors = errors;
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance employee(@PathParam("id") long id) {
        Employee e = EmployeeLifecycle.employee(id);
        Occasions occasions = new Occasions(shown("startDate", e.startDate), shown("birthMonth", e.birthMonth),
                shown("birthDay", e.birthDay), shown("timeZone", e.timeZone),
                shown("status", e.onLeave ? "ON_LEAVE" : "ACTIVE"), MONTHS, DAYS, OccasionFields.ZONES);
        return Templates.employee(e, EmployeeLifecycle.account(e).orElse(null), Department.listByName(), occasions);
    }

    /** The value the form sent back with its errors, else the stored one ("" for none). */
    private String shown(String field, Object stored) {
        return flash.has(field) ? flash.get(field) : stored == null ? "" : stored.toString();
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @BeanParam EmployeeForm form) {
        String self = "/admin/directory/employees/" + id;
        EmployeeForm.Entered entered = form.entered();
        boolean valid = errors.check(entered);
        OccasionFields.Update occasions = form.occasions(errors);
        if (valid && occasions != null) {
            try {
                lifecycle.update(id, entered.name(), entered.email(), entered.departmentId(), entered.managerEmail(),
                        occasions);
                flash.put("message", "The employee is saved.");
                return Forms.seeOther(self);
            } catch (Refused refused) {
                errors.add(refused.field == null ? "name" : refused.field, refused.getMessage());
            }
        }
        return errors.back(self, "Please check the highlighted fields.", form.values());
    }

    /** The confirmation step: what deactivating this employee does, and the button that does it. */
    @GET
    @Path("{id}/deactivate")
    @Transactional
    public TemplateInstance confirmDeactivate(@PathParam("id") long id) {
        Employee e = EmployeeLifecycle.employee(id);
        return Templates.confirm(e, EmployeeLifecycle.account(e).orElse(null), true);
    }

    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@PathParam("id") long id) {
        try {
            Employee e = lifecycle.deactivate(id);
            flash.put("message", e.name + " is deactivated: no longer a recipient, and signed out everywhere. "
                    + "Their rewards and history stay.");
            return Forms.seeOther("/admin/directory/employees/" + id);
        } catch (Refused refused) {
            flash.put("error", refused.getMessage());
            return Forms.seeOther("/admin/directory/employees/" + id);
        }
    }

    @GET
    @Path("{id}/reactivate")
    @Transactional
    public TemplateInstance confirmReactivate(@PathParam("id") long id) {
        Employee e = EmployeeLifecycle.employee(id);
        return Templates.confirm(e, EmployeeLifecycle.account(e).orElse(null), false);
    }

    @POST
    @Path("{id}/reactivate")
    public Response reactivate(@PathParam("id") long id) {
        Employee e = lifecycle.reactivate(id);
        flash.put("message", e.name + " is active again and can receive rewards.");
        return Forms.seeOther("/admin/directory/employees/" + id);
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return AdminNotFound.page();
    }
}
