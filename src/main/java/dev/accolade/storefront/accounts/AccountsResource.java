package dev.accolade.storefront.accounts;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Flash;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Forms;
import dev.accolade.storefront.accounts.AccountService.AccountView;
import dev.accolade.storefront.accounts.AccountService.Outcome;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.errors.AdminNotFound;
import dev.accolade.storefront.security.Role;

/** Departments and their RaaS accounts: the list with balances, a new department, one department. */
@Path("/admin/accounts")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AccountsResource {

    private static final String CHECK = "Please check the highlighted fields.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<AccountView> accounts);

        static native TemplateInstance create();

        static native TemplateInstance department(AccountView account, List<FundingCard> cards);
    }

    private final AccountService accounts;
    private final Flash flash;
    private final FormErrors errors;

    AccountsResource(AccountService accounts, Flash flash, FormErrors errors) {
        this.accounts = accounts;
        this.flash = flash;
        this.errors = errors;
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(accounts.all());
    }

    @GET
    @Path("new")
    public TemplateInstance create() {
        return Templates.create();
    }

    @POST
    public Response create(@BeanParam DepartmentForm form) {
        DepartmentForm.NewDepartment entered = form.newDepartment();
        String name = entered.settings().name();
        errors.check(entered);
        if (!errors.failed("name") && QuarkusTransaction.requiringNew().call(() -> Department.findByName(name).isPresent())) {
            errors.add("name", "A department with this name already exists.");
        }
        if (!errors.failed("identifier") && QuarkusTransaction.requiringNew().call(() -> Department.count(
                "raasCustomer = ?1 and raasAccountIdentifier = ?2", entered.customer(), entered.identifier()) > 0)) {
            errors.add("identifier", "Another department already uses this RaaS account.");
        }
        if (!errors.isEmpty()) {
            return errors.back("/admin/accounts/new", CHECK, form.values());
        }
        Department d = new Department();
        d.name = name;
        d.raasCustomer = entered.customer();
        d.raasAccountIdentifier = entered.identifier();
        d.lowBalanceThreshold = entered.settings().thresholdCents();
        Outcome outcome = accounts.open(d, entered.account().email());
        if (!outcome.ok()) {
            return errors.back("/admin/accounts/new", outcome.message(), form.values());
        }
        flash.put("message", outcome.message());
        return Forms.seeOther("/admin/accounts/" + d.id);
    }

    @GET
    @Path("{id}")
    public TemplateInstance department(@PathParam("id") long id) {
        Department d = find(id);
        return Templates.department(accounts.view(d),
                QuarkusTransaction.requiringNew().call(() -> FundingCard.activeOf(id)));
    }

    @POST
    @Path("{id}")
    public Response update(@PathParam("id") long id, @BeanParam DepartmentForm form) {
        find(id);
        String self = "/admin/accounts/" + id;
        DepartmentForm.Settings settings = form.settings();
        if (!errors.check(settings)) {
            return errors.back(self, CHECK, form.values());
        }
        Outcome outcome = accounts.update(id, settings.name(), settings.thresholdCents());
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return Forms.seeOther(self);
    }

    /** Creates (or links) the RaaS account of a department that has none at RaaS yet. */
    @POST
    @Path("{id}/raas")
    public Response openAccount(@PathParam("id") long id, @BeanParam DepartmentForm form) {
        Department d = find(id);
        DepartmentForm.AccountEmail account = form.accountEmail();
        String self = "/admin/accounts/" + id;
        if (!errors.check(account)) {
            return errors.back(self, CHECK, Map.of("email", account.email()));
        }
        Outcome outcome = accounts.open(d, account.email());
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return Forms.seeOther(self);
    }

    static Department find(long id) {
        Department d = QuarkusTransaction.requiringNew().call(() -> Department.findById(id));
        if (d == null) {
            throw new NotFoundException("no department " + id);
        }
        return d;
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return AdminNotFound.page();
    }
}
