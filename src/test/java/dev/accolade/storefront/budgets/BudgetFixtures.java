package dev.accolade.storefront.budgets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.raas.client.Catalog;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/** A department of its own for each test (its own RaaS account, funded by DemoRaasAccounts), and its people. */
public final class BudgetFixtures {

    static final String PASSWORD = "accolade-demo";
    public static final Catalog.Reward ITUNES_10 = new Catalog.Reward("iTunes Gift Card $10", "APPL-E-1000-STD", "USD",
            1000L, true, null, null, 1000L, "USD", "en_US");
    public static final Catalog.Brand ITUNES = new Catalog.Brand("iTunes", null, List.of(ITUNES_10));

    private BudgetFixtures() {
    }

    /**
     * A department of its own with a RaaS account in the embedded sandbox, funded with $5,000 (as the
     * demo accounts are, which are provisioned once per application start).
     */
    public static Department department(String prefix, dev.accolade.raas.client.RaasClient raas) {
        Department d = department(prefix);
        fundedAccount(raas, d);
        return d;
    }

    /** The department's RaaS account in the embedded sandbox, funded with $5,000 from the sandbox's test card. */
    public static void fundedAccount(dev.accolade.raas.client.RaasClient raas, Department d) {
        try {
            raas.createAccount(new dev.accolade.raas.client.AccountCreate(d.raasCustomer, d.raasAccountIdentifier,
                    "finance@accolade.test"));
            String expiry = java.time.YearMonth.now().plusYears(3).toString();
            String mmyy = expiry.substring(5, 7) + "/" + expiry.substring(2, 4);
            raas.fund(new dev.accolade.raas.client.FundCreate(d.raasCustomer, d.raasAccountIdentifier, 500_000,
                    "127.0.0.1", new dev.accolade.raas.client.CreditCard("4111111111111111", mmyy, "123",
                            new dev.accolade.raas.client.BillingAddress("Avery", "Admin", "1 Demo Street", "Springfield",
                                    "WA", "99196", "USA", "finance@accolade.test"))));
        } catch (dev.accolade.raas.client.RaasException e) {
            throw new IllegalStateException("could not open the RaaS account of " + d.name, e);
        }
    }

    public static Department department(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return QuarkusTransaction.requiringNew().call(() -> {
            Department d = new Department();
            d.name = prefix + " " + suffix;
            d.raasCustomer = "Accolade";
            d.raasAccountIdentifier = "budget-" + suffix;
            d.lowBalanceThreshold = 0;
            d.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            d.persist();
            return d;
        });
    }

    static AppUser user(String prefix, Role role, Department department) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = new AppUser();
            u.email = prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@accolade.test";
            u.displayName = prefix.substring(0, 1).toUpperCase() + prefix.substring(1) + " Tester";
            u.role = role;
            u.departmentId = department == null ? null : department.id;
            u.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
            u.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            u.persist();
            return u;
        });
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

    static Requester requester(AppUser user, Department department) {
        return new Requester(user.id, user.email, department.ref());
    }

    static OrderRequest itunes(String recipient, String message) {
        return new OrderRequest(UUID.randomUUID().toString(), ITUNES, ITUNES_10, 1000, "Budget Recipient", recipient,
                null, "Thank you", message, "Budget Tester");
    }
}
