package dev.accolade.storefront.send;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.security.CurrentUser;
import dev.accolade.storefront.security.Role;

/**
 * The send form's recipient type-ahead: the {@code <option>}s of the department's active employees
 * whose name or email contains what was typed (htmx swaps them into the form's datalist as the
 * manager types; the form shows the first ones before anything is typed).
 */
@Path("/send/colleagues")
@RolesAllowed(Role.MANAGER_NAME)
@Produces(MediaType.TEXT_HTML)
public class ColleaguesResource {

    /** Colleagues offered in the recipient list: the first ones without a search, the matches with one. */
    static final int SUGGESTIONS = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance colleagues(List<Employee> colleagues);
    }

    private final CurrentUser me;

    ColleaguesResource(CurrentUser me) {
        this.me = me;
    }

    @GET
    @Transactional
    public TemplateInstance colleagues(@QueryParam("recipientEmail") String typed) {
        Long id = me.getDepartmentId();
        Department department = id == null ? null : Department.findById(id);
        if (department == null) {
            throw new NotFoundException("no department");
        }
        return Templates.colleagues(Employee.searchInDepartment(department.id, typed, SUGGESTIONS));
    }
}
