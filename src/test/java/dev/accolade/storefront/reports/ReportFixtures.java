package dev.accolade.storefront.reports;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accolade.raas.client.RaasOrder;
import dev.accolade.raas.client.Recipient;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderLedger;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;

/**
 * Orders of 2021 whose report figures are worked out by hand in {@link ReportFiguresTest}. Each is
 * committed as PENDING and then marked DELIVERED through {@link OrderLedger}, the way a send ends, so
 * the rollup is kept by the application's own code. Loaded once per application start.
 */
@ApplicationScoped
public class ReportFixtures {

    private static final Actor TEST = Actor.system("test");

    private final OrderLedger ledger;
    private final Actors actors;
    private boolean loaded;

    ReportFixtures(OrderLedger ledger, Actors actors) {
        this.ledger = ledger;
        this.actors = actors;
    }

    public synchronized void ensure() {
        if (loaded) {
            return;
        }
        // Engineering (manager@accolade.test) to Ada; Sales (sales.manager@accolade.test) to Marie.
        delivered("Engineering", "manager@accolade.test", "2021-01-10T09:00:00Z", "Brand A", 2500, "ada.lovelace@accolade.test", "Ada Lovelace");
        delivered("Engineering", "manager@accolade.test", "2021-01-31T23:30:00Z", "Brand B", 1000, "ada.lovelace@accolade.test", "Ada Lovelace");
        delivered("Engineering", "manager@accolade.test", "2021-02-15T12:00:00Z", "Brand A", 4000, "Ada.Lovelace@accolade.test", "Ada Lovelace");
        delivered("Engineering", "manager@accolade.test", "2021-03-01T00:00:00Z", "Brand B", 500, "grace.hopper@accolade.test", "Grace Hopper");
        delivered("Sales", "sales.manager@accolade.test", "2021-02-28T23:59:59Z", "Brand A", 10000, "marie.curie@accolade.test", "Marie Curie");
        delivered("Sales", "sales.manager@accolade.test", "2021-04-02T08:00:00Z", "Brand C", 700, "marie.curie@accolade.test", "Marie Curie");
        // Not counted: a refused order and one whose outcome is still unknown.
        RewardOrder failed = order("Engineering", "manager@accolade.test", OffsetDateTime.parse("2021-02-10T10:00:00Z"), "Brand A", 9900, "ada.lovelace@accolade.test", "Ada Lovelace");
        actors.runAs(TEST, () -> ledger.failed(failed, null, "refused", "SEND_OUTCOME"));
        order("Engineering", "manager@accolade.test", OffsetDateTime.parse("2021-03-10T10:00:00Z"), "Brand A", 8800, "ada.lovelace@accolade.test", "Ada Lovelace");
        // For the CSV: a brand a spreadsheet would run as a formula, a name with a comma and quotes.
        delivered("Sales", "sales.manager@accolade.test", "2021-06-05T10:00:00Z", "=HYPERLINK(\"http://x.test\")", 1200,
                "kit.ohara@example.com", "O'Hara, \"Kit\"");
        loaded = true;
    }

    private void delivered(String department, String manager, String at, String brand, long cents, String email, String name) {
        RewardOrder o = order(department, manager, OffsetDateTime.parse(at), brand, cents, email, name);
        long id = o.id;
        String raasId = "1" + String.format("%02d", (int) (id % 90) + 10) + "-" + String.format("%08d", id) + "-21";
        RaasOrder placed = new RaasOrder(raasId, null, null, "SKU-" + brand.length(), cents, null, null, null,
                OffsetDateTime.parse(at), new Recipient(name, email), null);
        actors.runAs(TEST, () -> ledger.delivered(o, department, placed, "SEND_OUTCOME"));
    }

    /** A PENDING order of the department's manager, committed in a transaction of its own. */
    static RewardOrder order(String department, String manager, OffsetDateTime at, String brand, long cents, String email,
            String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Department d = Department.findByName(department).orElseThrow();
            AppUser u = AppUser.find("email", manager).firstResult();
            RewardOrder o = new RewardOrder();
            o.sendToken = "fixture-" + UUID.randomUUID();
            o.requesterId = u.id;
            o.requesterEmail = u.email;
            o.departmentId = d.id;
            o.raasCustomer = d.raasCustomer;
            o.raasAccountIdentifier = d.raasAccountIdentifier;
            o.sku = "SKU-" + brand.length();
            o.brand = brand;
            o.rewardDescription = brand + " gift card";
            o.amount = cents;
            o.recipientName = name;
            o.recipientEmail = email;
            o.status = RewardOrder.Status.PENDING;
            o.createdAt = at;
            o.persist();
            return o;
        });
    }
}
