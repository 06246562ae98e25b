package dev.accolade.storefront.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.accolade.common.Dollars;
import dev.accolade.common.Flash;
import dev.accolade.storefront.accounts.AccountService.AccountView;
import dev.accolade.storefront.accounts.AccountService.Outcome;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.Role;
import dev.accolade.common.AdminForms;
import dev.accolade.storefront.errors.AdminNotFound;

/** Departments and their RaaS accounts: the list with balances, a new department, one department. */
@Path("/admin/accounts")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AccountsResource {

    private static final Pattern IDENTIFIER = Pattern.compile("^[+\\w-]{5,96}$");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<AccountView> accounts);

        static native TemplateInstance create();

        static native TemplateInstance department(AccountView account, List<FundingCard> cards);
    }

    private final AccountService accounts;
    private final Flash flash;

    AccountsResource(AccountService accounts, Flash flash) {
        this.accounts = accounts;
        this.flash = flash;
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
    public Response create(@RestForm String name, @RestForm String customer, @RestForm String identifier,
            @RestForm String email, @RestForm String threshold) {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = AdminForms.trim(name);
        String c = AdminForms.trim(customer);
        String id = AdminForms.trim(identifier);
        String e = AdminForms.trim(email);
        if (n.isEmpty() || n.length() > 120) {
            errors.put("name", "Enter the department's name (up to 120 characters).");
        } else if (QuarkusTransaction.requiringNew().call(() -> Department.findByName(n).isPresent())) {
            errors.put("name", "A department with this name already exists.");
        }
        if (c.length() < 3 || c.length() > 96) {
            errors.put("customer", "Enter the RaaS customer: 3 to 96 characters.");
        }
        if (!IDENTIFIER.matcher(id).matches()) {
            errors.put("identifier", "Use 5 to 96 letters, digits, _, + or -.");
        } else if (QuarkusTransaction.requiringNew().call(() -> Department.count(
                "raasCustomer = ?1 and raasAccountIdentifier = ?2", c, id) > 0)) {
            errors.put("identifier", "Another department already uses this RaaS account.");
        }
        if (!AdminForms.isEmail(e)) {
            errors.put("email", "Enter the email address RaaS keeps for the account.");
        }
        OptionalLong cents = Dollars.parse(threshold);
        if (cents.isEmpty()) {
            errors.put("threshold", Dollars.notAnAmount(threshold, "Enter an amount in dollars, such as 500 or 500.00."));
        }
        Map<String, String> values = Map.of("name", n, "customer", c, "identifier", id, "email", e,
                "threshold", AdminForms.trim(threshold));
        if (!errors.isEmpty()) {
            return AdminForms.back(flash, "/admin/accounts/new", "Please check the highlighted fields.", errors, values);
        }
        Department d = new Department();
        d.name = n;
        d.raasCustomer = c;
        d.raasAccountIdentifier = id;
        d.lowBalanceThreshold = cents.getAsLong();
        Outcome outcome = accounts.open(d, e);
        if (!outcome.ok()) {
            return AdminForms.back(flash, "/admin/accounts/new", outcome.message(), Map.of(), values);
        }
        flash.put("message", outcome.message());
        return AdminForms.seeOther("/admin/accounts/" + d.id);
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
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String threshold) {
        find(id);
        String n = AdminForms.trim(name);
        OptionalLong cents = Dollars.parse(threshold);
        Map<String, String> errors = new LinkedHashMap<>();
        if (n.isEmpty() || n.length() > 120) {
            errors.put("name", "Enter the department's name (up to 120 characters).");
        }
        if (cents.isEmpty()) {
            errors.put("threshold", Dollars.notAnAmount(threshold, "Enter an amount in dollars, such as 500 or 500.00."));
        }
        String self = "/admin/accounts/" + id;
        if (!errors.isEmpty()) {
            return AdminForms.back(flash, self, "Please check the highlighted fields.", errors,
                    Map.of("name", n, "threshold", AdminForms.trim(threshold)));
        }
        Outcome outcome = accounts.update(id, n, cents.getAsLong());
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return AdminForms.seeOther(self);
    }

    /** Creates (or links) the RaaS account of a department that has none at RaaS yet. */
    @POST
    @Path("{id}/raas")
    public Response openAccount(@PathParam("id") long id, @RestForm String email) {
        Department d = find(id);
        String e = AdminForms.trim(email);
        String self = "/admin/accounts/" + id;
        if (!AdminForms.isEmail(e)) {
            return AdminForms.back(flash, self, "Please check the highlighted fields.",
                    Map.of("email", "Enter the email address RaaS keeps for the account."), Map.of("email", e));
        }
        Outcome outcome = accounts.open(d, e);
        flash.put(outcome.ok() ? "message" : "error", outcome.message());
        return AdminForms.seeOther(self);
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
