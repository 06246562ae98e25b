package dev.accolade.storefront.home;

import java.util.List;
import java.util.OptionalLong;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import dev.accolade.storefront.accounts.DepartmentBalance;
import dev.accolade.storefront.approvals.Approvals;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.budgets.BudgetStatus;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.CurrentUser;

/** The signed-in user's home: their department, its balance, recent rewards and their own recent activity. */
@Path("/")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Department department, OptionalLong balance, List<RewardOrder> recent,
                List<AuditEvent> activity, List<BudgetStatus> budgets, long approvals);
    }

    private final CurrentUser me;
    private final DepartmentBalance balances;
    private final Budgets budgets;
    private final Approvals approvals;

    HomeResource(CurrentUser me, DepartmentBalance balances, Budgets budgets, Approvals approvals) {
        this.me = me;
        this.balances = balances;
        this.budgets = budgets;
        this.approvals = approvals;
    }

    @GET
    @Transactional
    public TemplateInstance home() {
        Department department = me.getDepartmentId() == null ? null : Department.findById(me.getDepartmentId());
        List<AuditEvent> activity = AuditEvent.find("actor = ?1 order by id desc", me.getEmail()).page(0, 10).list();
        List<RewardOrder> recent = me.isManager()
                ? RewardOrder.find("requesterId = ?1 order by createdAt desc, id desc", me.getUserId()).page(0, 5).list()
                : List.of();
        List<BudgetStatus> budget = me.isManager() && department != null
                ? budgets.forManager(department.id, me.getUserId())
                : List.of();
        return Templates.home(department, me.isManager() ? balances.of(department) : OptionalLong.empty(), recent,
                activity, budget, approvals.waitingFor(me));
    }
}
