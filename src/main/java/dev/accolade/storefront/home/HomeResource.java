package dev.accolade.storefront.home;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.CurrentUser;

/** The signed-in user's home: their department and their recent activity. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Department department, List<AuditEvent> activity);
    }

    private final CurrentUser me;

    HomeResource(CurrentUser me) {
        this.me = me;
    }

    @GET
    @Transactional
    public TemplateInstance home() {
        Department department = me.getDepartmentId() == null ? null : Department.findById(me.getDepartmentId());
        List<AuditEvent> activity = AuditEvent.find("actor = ?1 order by id desc", me.getEmail()).page(0, 10).list();
        return Templates.home(department, activity);
    }
}
