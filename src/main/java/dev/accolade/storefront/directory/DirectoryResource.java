package dev.accolade.storefront.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.Forms;
import dev.accolade.storefront.directory.DirectoryImportService.Plan;
import dev.accolade.storefront.errors.AdminNotFound;
import dev.accolade.storefront.security.Role;

/** The employee directory: its list, and importing a CSV file with a dry run first. */
@Path("/admin/directory")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class DirectoryResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(List<Employee> employees, int maxRows);

        static native TemplateInstance dryRun(DirectoryImport upload, Plan plan, int missing);
    }

    private final DirectoryImportService imports;
    private final Flash flash;

    DirectoryResource(DirectoryImportService imports, Flash flash) {
        this.imports = imports;
        this.flash = flash;
    }

    @GET
    @Transactional
    public TemplateInstance directory() {
        List<Employee> employees = Employee.find("select e from Employee e join fetch e.department order by e.name")
                .list();
        return Templates.directory(employees, DirectoryCsv.MAX_ROWS);
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            flash.put("error", "Choose a CSV file to upload.");
            return Forms.seeOther("/admin/directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            flash.put("error", "The file could not be read. Upload it again.");
            return Forms.seeOther("/admin/directory");
        }
        DirectoryImport upload = imports.upload(file.fileName(), bytes);
        return Forms.seeOther("/admin/directory/imports/" + upload.id);
    }

    @GET
    @Path("imports/{id}")
    @Transactional
    public TemplateInstance dryRun(@PathParam("id") long id, @QueryParam("deactivateMissing") boolean deactivateMissing) {
        DirectoryImport upload = DirectoryImport.findById(id);
        if (upload == null) {
            throw new NotFoundException("no import " + id);
        }
        Plan plan = imports.plan(upload, deactivateMissing);
        int missing = upload.appliedAt != null ? plan.missingDeactivations()
                : deactivateMissing ? plan.missingDeactivations() : imports.plan(upload, true).missingDeactivations();
        return Templates.dryRun(upload, plan, missing);
    }

    @POST
    @Path("imports/{id}/apply")
    public Response apply(@PathParam("id") long id, @RestForm boolean deactivateMissing) {
        try {
            Plan plan = imports.apply(id, deactivateMissing);
            flash.put("message", plan.changes().isEmpty() ? "The directory already matched the file: nothing changed."
                    : "The directory is updated: " + DirectoryImportService.summary(plan) + ".");
            return Forms.seeOther("/admin/directory");
        } catch (IllegalStateException refused) {
            flash.put("error", refused.getMessage());
            return Forms.seeOther("/admin/directory/imports/" + id + (deactivateMissing ? "?deactivateMissing=true" : ""));
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return AdminNotFound.page();
    }
}
