package dev.accolade.storefront.budgets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderLedger;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.OrderReconciler;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * A budget can never be overspent, however many sends race for it, and an order whose outcome is
 * unknown keeps its amount reserved until the reconciler decides, then gives it back exactly once.
 * Run on H2 and on PostgreSQL ({@code -Dquarkus.test.profile=test-pg}).
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class BudgetConcurrencyTest {

    @Inject
    OrderPlacement placement;

    @Inject
    OrderLedger ledger;

    @Inject
    OrderReconciler reconciler;

    @Inject
    dev.accolade.raas.client.RaasClient raas;

    @Inject
    Actors actors;

    @Test
    void fiftyConcurrentSendsOverABudgetForTenSendExactlyTen() throws Exception {
        Department department = BudgetFixtures.department("Budget race", raas);
        AppUser manager = BudgetFixtures.user("racer", Role.MANAGER, department);
        Budget budget = BudgetFixtures.monthBudget(department, 10 * 1000);

        Outcomes outcomes = race(50, BudgetFixtures.requester(manager, department), manager);

        assertEquals(10, outcomes.delivered, "exactly ten sends went out: " + outcomes);
        assertEquals(40, outcomes.refused, "the other forty were refused before RaaS: " + outcomes);
        assertEquals(0, outcomes.other, outcomes.toString());
        Budget after = BudgetFixtures.budget(budget.id);
        assertEquals(10_000, after.settled);
        assertEquals(0, after.reserved);
        assertEquals(0, after.remaining());
        assertEquals(10, raasOrders(department), "RaaS holds ten orders of the account");
        assertEquals(10, reservations(budget.id, Reservation.State.SETTLED));
        assertEquals(0, reservations(budget.id, Reservation.State.RESERVED));
        assertEquals(10, (long) QuarkusTransaction.requiringNew()
                .call(() -> RewardOrder.count("departmentId", department.id)), "no order stored for a refused send");
    }

    @Test
    void anUnknownOrderHoldsItsAmountUntilTheReconcilerReleasesItOnce() throws Exception {
        Department department = BudgetFixtures.department("Budget unknown", raas);
        AppUser manager = BudgetFixtures.user("unknown", Role.MANAGER, department);
        Budget budget = BudgetFixtures.monthBudget(department, 10 * 1000);
        Requester requester = BudgetFixtures.requester(manager, department);

        // An order that RaaS never confirmed (its call got no answer): UNKNOWN, amount still reserved.
        RewardOrder unknown = actors.runAs(new Actor(manager.email, "127.0.0.1"), () -> {
            RewardOrder o = ledger.reserve(BudgetFixtures.itunes("nobody-" + UUID.randomUUID() + "@example.com",
                    "never reached RaaS"), requester, true);
            assertTrue(ledger.unknown(o, department.name, "No reliable answer from RaaS (test)", "TIMEOUT", null, null));
            return o;
        });
        assertEquals(1000, BudgetFixtures.budget(budget.id).reserved);

        Outcomes outcomes = race(50, requester, manager);

        assertEquals(9, outcomes.delivered, "the unknown order keeps its place: " + outcomes);
        assertEquals(41, outcomes.refused, outcomes.toString());
        Budget during = BudgetFixtures.budget(budget.id);
        assertEquals(9_000, during.settled);
        assertEquals(1_000, during.reserved);
        assertEquals(0, during.remaining());

        // Past the give-up time, the reconciler finds no such order at RaaS: FAILED, released. Two passes
        // (as two replicas would) and a late "failed" from another path release it once.
        Thread.sleep(2500);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> passes = new ArrayList<>();
            passes.add(pool.submit(() -> reconciler.reconcile()));
            passes.add(pool.submit(() -> reconciler.reconcile()));
            passes.add(pool.submit(() -> actors.runAs(new Actor("system:test", "127.0.0.1"),
                    () -> ledger.failed(unknown, null, "late answer", "RECONCILE"))));
            for (Future<?> f : passes) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        RewardOrder settled = QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> findById(unknown.id));
        assertEquals(RewardOrder.Status.FAILED, settled.status);
        Budget after = BudgetFixtures.budget(budget.id);
        assertEquals(9_000, after.settled);
        assertEquals(0, after.reserved, "released once, not twice (a second release would make it negative and fail)");
        assertEquals(1_000, after.remaining());
        assertEquals(1, reservations(budget.id, Reservation.State.RELEASED));
        // The release is said in the order's FAILED row, the one row of that change.
        long releases = QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.audit.AuditEvent
                .count("target = ?1 and detail like ?2", "order " + unknown.id, "%given back to budget " + budget.id + "%"));
        assertEquals(1, releases, "one release in the audit trail");
        long failedRows = QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.audit.AuditEvent
                .count("target = ?1 and outcome = ?2", "order " + unknown.id, "FAILED"));
        assertEquals(1, failedRows, "one FAILED row for the order");

        // What was given back can be spent again, once.
        Outcomes again = race(3, requester, manager);
        assertEquals(1, again.delivered, again.toString());
        assertEquals(2, again.refused, again.toString());
        assertEquals(0, BudgetFixtures.budget(budget.id).remaining());
    }

    @Test
    void aDepartmentWithoutABudgetSendsAsBefore() {
        Department department = BudgetFixtures.department("Budget none", raas);
        AppUser manager = BudgetFixtures.user("free", Role.MANAGER, department);
        RewardOrder order = actors.runAs(new Actor(manager.email, "127.0.0.1"),
                () -> placement.place(BudgetFixtures.itunes("free-" + UUID.randomUUID() + "@example.com", "no budget"),
                        BudgetFixtures.requester(manager, department)).order());
        assertEquals(RewardOrder.Status.DELIVERED, order.status);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Reservation.count("departmentId", department.id)));
    }

    record Outcomes(int delivered, int refused, int other, List<String> problems) {
    }

    private Outcomes race(int sends, Requester requester, AppUser manager) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(sends, 16));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < sends; i++) {
                String recipient = "race-" + UUID.randomUUID() + "@example.com";
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        RewardOrder o = actors.runAs(new Actor(manager.email, "127.0.0.1"),
                                () -> placement.place(BudgetFixtures.itunes(recipient, "race"), requester).order());
                        return o.status.name();
                    } catch (NotCovered e) {
                        return "REFUSED";
                    }
                }));
            }
            start.countDown();
            int delivered = 0;
            int refused = 0;
            int other = 0;
            List<String> problems = new ArrayList<>();
            for (Future<String> f : results) {
                String r;
                try {
                    r = f.get(120, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    r = "ERROR " + e.getCause();
                }
                switch (r) {
                    case "DELIVERED" -> delivered++;
                    case "REFUSED" -> refused++;
                    default -> {
                        other++;
                        problems.add(r);
                    }
                }
            }
            return new Outcomes(delivered, refused, other, problems);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long reservations(long budgetId, Reservation.State state) {
        return QuarkusTransaction.requiringNew().call(() -> Reservation.count("budgetId = ?1 and state = ?2", budgetId, state));
    }

    private static int raasOrders(Department department) {
        return given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key")
                .get("/raas/v1/orders?customer=Accolade&account_identifier=" + department.raasAccountIdentifier + "&limit=100")
                .then().statusCode(200).extract().jsonPath().getInt("total_count");
    }
}
