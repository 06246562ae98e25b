package dev.accolade.storefront.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/** A test department's manager, its scheduled sends and an order request (departments and budgets: {@link BudgetFixtures}). */
public final class ScheduleFixtures {

    private ScheduleFixtures() {
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

    public static ScheduledSend reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> findById(id));
    }

    public static OrderRequest itunes(String recipient, String message) {
        return new OrderRequest(UUID.randomUUID().toString(), BudgetFixtures.ITUNES, BudgetFixtures.ITUNES_10, 1000,
                "Scheduled Recipient", recipient,
                null, "Thank you", message, "Pat Planner");
    }
}
