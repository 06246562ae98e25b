package dev.accolade.storefront.budgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import db.migration.V102__RecipientDayTotal;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderLedger;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.RecipientTotals;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * The per-recipient running totals the spending policy's "most per person" reads: they count every
 * order that is not FAILED, however the address is written, under concurrent first sends of the day,
 * and take a failed order off once. After each case the table is compared with the same sums computed
 * afresh from the orders, and with what the V102 migration fills it with from the same orders (as it
 * does on an existing database). Run on H2 and on PostgreSQL.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class RecipientTotalsTest {

    @Inject
    OrderPlacement placement;

    @Inject
    OrderLedger ledger;

    @Inject
    RecipientTotals totals;

    @Inject
    Actors actors;

    @Inject
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    dev.accolade.raas.client.RaasClient raas;

    @Test
    void concurrentFirstSendsToOneAddressAreAllCountedOnce() throws Exception {
        Department department = BudgetFixtures.department("Totals race", raas);
        AppUser manager = BudgetFixtures.user("totals", Role.MANAGER, department);
        String id = UUID.randomUUID().toString().substring(0, 8);
        String[] written = { "team-" + id + "@example.com", "Team-" + id + "@Example.com", "TEAM-" + id + "@EXAMPLE.COM" };
        int sends = 12;
        ExecutorService pool = Executors.newFixedThreadPool(sends);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RewardOrder.Status>> results = new ArrayList<>();
        try {
            for (int i = 0; i < sends; i++) {
                String address = written[i % written.length];
                results.add(pool.submit(() -> {
                    start.await();
                    return actors.runAs(new Actor(manager.email, "127.0.0.1"), () -> placement
                            .place(BudgetFixtures.itunes(address, "race"), BudgetFixtures.requester(manager, department))
                            .order().status);
                }));
            }
            start.countDown();
            for (Future<RewardOrder.Status> f : results) {
                assertEquals(RewardOrder.Status.DELIVERED, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(sends * 10_00L, since(department, written[1]));
        assertEquals(1, rows(department).size(), "one row for the address and the day: " + rows(department));
        assertEquals(fromOrders(department), rows(department));
        assertEquals(rows(department), refilled(department), "V102 counts existing orders as the ledger does");
    }

    @Test
    void aFailedOrderIsTakenOffOnceAndAnotherAddressIsNotCounted() throws Exception {
        Department department = BudgetFixtures.department("Totals failed", raas);
        AppUser manager = BudgetFixtures.user("totals", Role.MANAGER, department);
        String address = "often-" + UUID.randomUUID() + "@example.com";
        Actor actor = new Actor(manager.email, "127.0.0.1");
        actors.runAs(actor, () -> placement.place(BudgetFixtures.itunes(address, "first"),
                BudgetFixtures.requester(manager, department)));
        actors.runAs(actor, () -> placement.place(BudgetFixtures.itunes("other-" + address, "someone else"),
                BudgetFixtures.requester(manager, department)));
        // An order committed as PENDING counts at once; once it is FAILED it does not, however often
        // the failure is reported.
        RewardOrder pending = actors.runAs(actor, () -> ledger.reserve(BudgetFixtures.itunes(address.toUpperCase(Locale.ROOT),
                "second"), BudgetFixtures.requester(manager, department)));
        assertEquals(20_00L, since(department, address));
        assertEquals(true, actors.runAs(actor, () -> ledger.failed(pending, null, "refused by RaaS", "SEND_OUTCOME")));
        assertEquals(false, actors.runAs(actor, () -> ledger.failed(pending, null, "refused again", "SEND_OUTCOME")));
        assertEquals(10_00L, since(department, address));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> totals.since(department.id, address,
                LocalDate.now(ZoneOffset.UTC).plusDays(1))), "nothing counts from tomorrow");
        assertEquals(fromOrders(department), rows(department));
        assertEquals(rows(department), refilled(department), "V102 counts existing orders as the ledger does");
    }

    private long since(Department department, String address) {
        return QuarkusTransaction.requiringNew().call(() -> totals.since(department.id, address,
                LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1)));
    }

    /** The table's rows of the department, as "address day amount". */
    private List<String> rows(Department department) {
        return QuarkusTransaction.requiringNew().call(() -> rows0(department));
    }

    private List<String> rows0(Department department) {
        return lines(em.createNativeQuery("select recipient_key, sent_on, amount from recipient_day_total"
                + " where department_id = ?1 and amount > 0 order by recipient_key, sent_on")
                .setParameter(1, department.id).getResultList());
    }

    /** The same sums computed afresh from the department's orders: key, UTC day, amount. */
    private List<String> fromOrders(Department department) {
        List<Object[]> orders = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select o.recipientEmail,"
                + " o.createdAt, o.amount from RewardOrder o where o.status <> :failed and o.departmentId = :department",
                Object[].class).setParameter("failed", RewardOrder.Status.FAILED).setParameter("department", department.id)
                .getResultList());
        Map<String, Long> sums = new TreeMap<>();
        for (Object[] row : orders) {
            OffsetDateTime at = (OffsetDateTime) row[1];
            sums.merge(((String) row[0]).toLowerCase(Locale.ROOT) + " " + at.withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDate(), ((Number) row[2]).longValue(), Long::sum);
        }
        return sums.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).sorted().toList();
    }

    /**
     * What V102 fills the table with from the orders as they are now (run in a transaction that empties
     * the table first and is rolled back): the department's rows.
     */
    private List<String> refilled(Department department) throws Exception {
        transaction.begin();
        try {
            em.createNativeQuery("delete from recipient_day_total").executeUpdate();
            em.unwrap(org.hibernate.Session.class).doWork(V102__RecipientDayTotal::fill);
            return rows0(department);
        } finally {
            transaction.rollback();
        }
    }

    /** Rows as "address day amount", in Java's order (as the sums above), whatever the database's collation. */
    private static List<String> lines(List<?> result) {
        return result.stream().map(r -> {
            Object[] row = (Object[]) r;
            return row[0] + " " + row[1] + " " + ((Number) row[2]).longValue();
        }).sorted().toList();
    }
}
