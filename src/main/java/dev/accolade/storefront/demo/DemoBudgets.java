package dev.accolade.storefront.demo;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.approvals.Approvals;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.budgets.Approvers;
import dev.accolade.storefront.budgets.Budget;
import dev.accolade.storefront.budgets.BudgetPeriod;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.budgets.SpendingPolicies;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.security.AppUser;

/**
 * Demo budgets for dev mode (README.md, "Budgets and approvals"): a monthly budget per demo
 * department, Engineering's spending policy (approval above $100, the sender's name or the team as
 * "From", a 30-day recent-reward warning), Sam Sales named an approver of Engineering, and one
 * request of Morgan Manager waiting for approval. Only where a department has no budget for today.
 */
@ApplicationScoped
public class DemoBudgets {

    private static final Logger LOG = Logger.getLogger(DemoBudgets.class);
    private static final Catalog.Reward AMAZON = new Catalog.Reward("Amazon E-Gift Card Custom", "AMZN-E-V-STD", "USD",
            -1L, true, 100L, 100000L, null, null, null);

    private final Budgets budgets;
    private final SpendingPolicies policies;
    private final Approvers approvers;
    private final Approvals approvals;
    private final Actors actors;
    private final boolean enabled;

    DemoBudgets(Budgets budgets, SpendingPolicies policies, Approvers approvers, Approvals approvals, Actors actors,
            @ConfigProperty(name = "accolade.demo-data.budgets", defaultValue = "false") boolean enabled) {
        this.budgets = budgets;
        this.policies = policies;
        this.approvers = approvers;
        this.approvals = approvals;
        this.actors = actors;
        this.enabled = enabled;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (enabled) {
            actors.runAs(Actor.system("system:demo"), this::load);
        }
    }

    void load() {
        Department engineering = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Engineering").orElse(null));
        if (engineering == null || QuarkusTransaction.requiringNew()
                .call(() -> Budget.covering(engineering.id, budgets.today()).isPresent())) {
            return;
        }
        budget("Engineering", 2_000_00);
        budget("Sales", 1_500_00);
        budget("People", 1_000_00);
        SpendingPolicy policy = new SpendingPolicy();
        policy.departmentId = engineering.id;
        policy.approvalThreshold = 100_00L;
        policy.maxPerReward = 500_00L;
        policy.maxPerRecipient = 300_00L;
        policy.recipients = SpendingPolicy.Recipients.ANYONE;
        policy.recentDays = 30;
        policy.fromRule = SpendingPolicy.FromRule.SENDER_OR_TEAM;
        policies.save(policy, engineering.name);
        AppUser sales = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("sales.manager@accolade.test").orElseThrow());
        QuarkusTransaction.requiringNew().run(() -> approvers.name(engineering.id, sales.id, sales.email, engineering.name));
        AppUser morgan = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("manager@accolade.test").orElseThrow());
        OrderRequest request = new OrderRequest(UUID.randomUUID().toString(), new Catalog.Brand("Amazon.com", null,
                List.of(AMAZON)), AMAZON, 150_00, "Grace Hopper", "grace.hopper@accolade.test", null,
                "Thank you for the compiler", "For shipping the compiler a week early.", "Morgan Manager");
        approvals.request(request, new Requester(morgan.id, morgan.email, engineering.ref()),
                List.of("It is above $100.00, the amount that needs approval."), false);
        LOG.info("Loaded demo budgets: a month's budget per department, Engineering's policy, a request to approve");
    }

    private void budget(String name, long cents) {
        QuarkusTransaction.requiringNew().run(() -> Department.findByName(name)
                .ifPresent(d -> budgets.set(d.id, d.name, BudgetPeriod.MONTH, cents, false)));
    }
}
