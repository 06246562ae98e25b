package dev.accolade.storefront.budgets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * {@code /budgets} (HR and administrators): every department's budget for today and its policy; a
 * page per department to set a budget for a period (carrying the last period's remainder over, or
 * not), change it within the period, set managers' allowances, name approvers and set the spending
 * policy. Each change is audited by the services.
 */
@Path("/budgets")
@RolesAllowed({ Role.HR_NAME, Role.ADMIN_NAME })
@Produces(MediaType.TEXT_HTML)
public class BudgetsResource {

    private static final String CHECK = "Please check the highlighted fields.";

    /** A department's line on the overview. */
    public record Line(Department department, Optional<BudgetStatus> budget, SpendingPolicy policy) {
    }

    /** A manager's allowance as the department page lists it. */
    public record AllowanceLine(String email, BudgetStatus status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Line> lines, int fiscalStartMonth);

        static native TemplateInstance department(Department department, Optional<Budget> budget,
                Optional<BudgetStatus> status, List<AllowanceLine> allowances, List<String> approvers,
                SpendingPolicy policy, List<BudgetPeriod> periods, List<SpendingPolicy.Recipients> recipients,
                List<SpendingPolicy.FromRule> fromRules);
    }

    private final Budgets budgets;
    private final SpendingPolicies policies;
    private final Approvers approvers;
    private final Flash flash;
    private final FormErrors errors;

    BudgetsResource(Budgets budgets, SpendingPolicies policies, Approvers approvers, Flash flash, FormErrors errors) {
        this.budgets = budgets;
        this.policies = policies;
        this.approvers = approvers;
        this.flash = flash;
        this.errors = errors;
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        List<Line> lines = Department.listByName().stream()
                .map(d -> new Line(d, budgets.ofDepartment(d.id), policies.of(d.id))).toList();
        return Templates.list(lines, budgets.fiscalStartMonth());
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance department(@PathParam("id") long id) {
        Department d = find(id);
        Optional<Budget> budget = Budget.covering(id, budgets.today());
        List<AllowanceLine> allowances = budget.map(b -> Allowance.ofBudget(b.id).stream()
                .map(a -> new AllowanceLine(AppUser.<AppUser> findById(a.userId).email, BudgetStatus.of(a, b)))
                .toList()).orElse(List.of());
        return Templates.department(d, budget, budget.map(BudgetStatus::of), allowances, approvers.namedFor(id),
                policies.of(id), List.of(BudgetPeriod.values()), List.of(SpendingPolicy.Recipients.values()),
                List.of(SpendingPolicy.FromRule.values()));
    }

    @POST
    @Path("{id}/set")
    public Response set(@PathParam("id") long id, @BeanParam BudgetForm form) {
        Department d = find(id);
        BudgetForm.NewBudget entered = form.newBudget();
        if (!errors.check(entered, "set-")) {
            return errors.back(self(id), CHECK, form.values());
        }
        return done(id, () -> {
            Budget b = budgets.set(id, d.name, BudgetPeriod.valueOf(entered.period()), entered.cents(), entered.carryOver());
            return "The budget for " + b.label() + " is set.";
        });
    }

    @POST
    @Path("{id}/change")
    public Response change(@PathParam("id") long id, @BeanParam BudgetForm form) {
        find(id);
        BudgetForm.Change entered = form.change();
        if (!errors.check(entered)) {
            return errors.back(self(id), CHECK, form.values());
        }
        return done(id, () -> {
            Budget b = Budget.covering(id, budgets.today()).orElseThrow(() -> new Budgets.Refused(
                    "The department has no budget for today: set one first."));
            budgets.change(b.id, entered.cents());
            return "The budget is changed for the rest of " + b.label() + ".";
        });
    }

    @POST
    @Path("{id}/allowance")
    public Response allowance(@PathParam("id") long id, @BeanParam BudgetForm form) {
        find(id);
        BudgetForm.Person entered = form.person();
        if (!errors.check(entered, "allowance-")) {
            return errors.back(self(id), CHECK, form.values());
        }
        return done(id, () -> {
            AppUser manager = manager(id, entered.email());
            Budget b = Budget.covering(id, budgets.today()).orElseThrow(() -> new Budgets.Refused(
                    "The department has no budget for today: set one first."));
            budgets.allow(b.id, manager.id, manager.email, entered.cents());
            return manager.displayName + "'s allowance is set.";
        });
    }

    @POST
    @Path("{id}/approver")
    public Response approver(@PathParam("id") long id, @BeanParam BudgetForm form) {
        Department d = find(id);
        String email = Forms.trim(form.email);
        if (email == null || email.isEmpty()) {
            errors.add("approver-email", "Enter the manager's email address.");
            return errors.back(self(id), CHECK, form.values());
        }
        return done(id, () -> {
            AppUser manager = AppUser.findByEmail(email).filter(u -> u.role == Role.MANAGER)
                    .orElseThrow(() -> new Budgets.Refused("There is no manager " + email + "."));
            approvers.name(id, manager.id, manager.email, d.name);
            return manager.displayName + " approves rewards of " + d.name + ".";
        });
    }

    @POST
    @Path("{id}/policy")
    public Response policy(@PathParam("id") long id, @BeanParam PolicyForm form) {
        Department d = find(id);
        errors.check(form.entered());
        form.amountErrors().forEach(errors::add);
        if (!errors.isEmpty()) {
            return errors.back(self(id), CHECK, Map.of());
        }
        SpendingPolicy p = form.policy(id);
        if (p.recipients == SpendingPolicy.Recipients.DOMAINS && p.domains().isEmpty()) {
            errors.add("allowedDomains", "List at least one domain, or choose another rule.");
            return errors.back(self(id), CHECK, Map.of());
        }
        policies.save(p, d.name);
        flash.put("message", "The spending policy of " + d.name + " is saved.");
        return Forms.seeOther(self(id));
    }

    private Response done(long id, java.util.function.Supplier<String> change) {
        try {
            flash.put("message", io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(change::get));
        } catch (Budgets.Refused e) {
            flash.put("error", e.getMessage());
        }
        return Forms.seeOther(self(id));
    }

    private static AppUser manager(long departmentId, String email) {
        return AppUser.findByEmail(email).filter(u -> u.role == Role.MANAGER && Long.valueOf(departmentId).equals(u.departmentId))
                .orElseThrow(() -> new Budgets.Refused("There is no manager " + email + " in this department."));
    }

    private static String self(long id) {
        return "/budgets/" + id;
    }

    private static Department find(long id) {
        Department d = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Department.findById(id));
        if (d == null) {
            throw new NotFoundException("no department " + id);
        }
        return d;
    }
}
