package dev.accolade.storefront.schedule;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.raas.client.AccountCreate;
import dev.accolade.raas.client.BillingAddress;
import dev.accolade.raas.client.Catalog;
import dev.accolade.raas.client.CreditCard;
import dev.accolade.raas.client.FundCreate;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.storefront.budgets.Budget;
import dev.accolade.storefront.budgets.BudgetPeriod;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/** A department of its own for each test (its own RaaS account, funded by DemoRaasAccounts), its manager and budget. */
public final class ScheduleFixtures {

    public static final Catalog.Reward ITUNES_10 = new Catalog.Reward("iTunes Gift Card $10", "APPL-E-1000-STD", "USD",
            1000L, true, null, null, 1000L, "USD", "en_US");
    public static final Catalog.Brand ITUNES = new Catalog.Brand("iTunes", null, List.of(ITUNES_10));

    private ScheduleFixtures() {
    }

    public static Department department(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> {
            Department d = new Department();
            d.name = prefix + " " + suffix;
            d.raasCustomer = "Accolade";
            d.raasAccountIdentifier = "schedule-" + suffix;
            d.lowBalanceThreshold = 0;
            d.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            d.persist();
            return d;
        });
    }

    public static AppUser manager(Department department) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = new AppUser();
            u.email = "planner." + UUID.randomUUID().toString().substring(0, 8) + "@accolade.test";
            u.displayName = "Pat Planner";
            u.role = Role.MANAGER;
            u.departmentId = department.id;
            u.passwordHash = BcryptUtil.bcryptHash("accolade-demo");
            u.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            u.persist();
            return u;
        });
    }

    /** The department's RaaS account in the sandbox, funded with $5,000 from the sandbox's test card. */
    public static void fundedAccount(RaasClient raas, Department d) {
        try {
            raas.createAccount(new AccountCreate(d.raasCustomer, d.raasAccountIdentifier, "finance@accolade.test"));
            String expiry = YearMonth.now().plusYears(3).toString();
            String mmyy = expiry.substring(5, 7) + "/" + expiry.substring(2, 4);
            raas.fund(new FundCreate(d.raasCustomer, d.raasAccountIdentifier, 500_000, "127.0.0.1",
                    new CreditCard("4111111111111111", mmyy, "123", new BillingAddress("Avery", "Admin",
                            "1 Demo Street", "Springfield", "WA", "99196", "USA", "finance@accolade.test"))));
        } catch (RaasException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A budget of {@code cents} for the month holding today (UTC). */
    public static Budget monthBudget(Department department, long cents) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalDate start = BudgetPeriod.MONTH.startOf(LocalDate.now(ZoneOffset.UTC), 1);
            Budget b = new Budget();
            b.departmentId = department.id;
            b.periodKind = BudgetPeriod.MONTH;
            b.periodStart = start;
            b.periodEnd = BudgetPeriod.MONTH.endOf(start);
            b.amount = cents;
            b.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            b.persist();
            return b;
        });
    }

    public static Budget budget(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Budget.<Budget> findById(id));
    }

    public static ScheduledSend reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> findById(id));
    }

    public static OrderRequest itunes(String recipient, String message) {
        return new OrderRequest(UUID.randomUUID().toString(), ITUNES, ITUNES_10, 1000, "Scheduled Recipient", recipient,
                null, "Thank you", message, "Pat Planner");
    }
}
