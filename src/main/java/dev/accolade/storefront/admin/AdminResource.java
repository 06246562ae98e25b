package dev.accolade.storefront.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.Forms;
import dev.accolade.storefront.accounts.AccountService;
import dev.accolade.storefront.accounts.AccountService.AccountView;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.security.Role;

/** The administrator's overview (accounts that need money, RaaS at a glance) and the RaaS status page. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<AccountView> attention, int departments, RaasStatus.View status);

        static native TemplateInstance status(RaasStatus.View status);
    }

    private final AccountService accounts;
    private final RaasStatus raasStatus;
    private final CatalogCache catalog;
    private final AuditTrail audit;
    private final Flash flash;

    AdminResource(AccountService accounts, RaasStatus raasStatus, CatalogCache catalog, AuditTrail audit, Flash flash) {
        this.accounts = accounts;
        this.raasStatus = raasStatus;
        this.catalog = catalog;
        this.audit = audit;
        this.flash = flash;
    }

    @GET
    public TemplateInstance overview() {
        List<AccountView> all = accounts.all();
        List<AccountView> attention = all.stream().filter(a -> a.low() || a.account().isEmpty()).toList();
        return Templates.overview(attention, all.size(), raasStatus.now());
    }

    @GET
    @Path("status")
    public TemplateInstance status() {
        return Templates.status(raasStatus.now());
    }

    /** Reads the catalog from RaaS now, or closes the circuit breaker again. */
    @POST
    @Path("status")
    public Response act(@RestForm String action) {
        if ("refresh-catalog".equals(action)) {
            catalog.refresh();
            RaasStatus.View v = raasStatus.now();
            boolean fresh = !v.catalogStale() && v.catalogAge().isPresent();
            record("CATALOG_REFRESH", fresh ? "SUCCESS" : "FAILED", v.catalogProblem());
            flash.put(fresh ? "message" : "error", fresh ? "The catalog was read from RaaS just now."
                    : "The catalog could not be read from RaaS; the last copy is still served.");
        } else if ("reset-breaker".equals(action)) {
            raasStatus.resetBreaker();
            record("RAAS_BREAKER_RESET", "SUCCESS", null);
            flash.put("message", "The circuit breaker is closed: the next calls go to RaaS.");
        } else {
            flash.put("error", "Choose an action.");
        }
        return Forms.seeOther("/admin/status");
    }

    private void record(String action, String outcome, String detail) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(action, "RaaS", outcome, detail));
    }
}
