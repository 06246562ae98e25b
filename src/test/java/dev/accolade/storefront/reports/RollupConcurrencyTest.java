package dev.accolade.storefront.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.raas.client.RaasOrder;
import dev.accolade.raas.client.Recipient;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.orders.OrderLedger;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * Many orders delivered at once, in a month no other test uses, with brands and recipients that are
 * new and ones that repeat: every delivery succeeds (no deadlock, no duplicate key) and the rollup
 * equals a GROUP BY over the delivered orders, for every dimension.
 */
@QuarkusTest
class RollupConcurrencyTest {

    private static final String MONTH_START = "2019-07-01T00:00:00Z";
    private static final int ORDERS = 120;
    private static final int THREADS = 8;

    @Inject
    OrderLedger ledger;

    @Inject
    Actors actors;

    @Inject
    EntityManager em;

    @Test
    void concurrentDeliveriesKeepTheRollupEqualToTheOrders() throws Exception {
        List<RewardOrder> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            // Brands and recipients repeat in small groups, so some deliveries add a new key while
            // others update the key another thread has just inserted.
            orders.add(ReportFixtures.order(i % 2 == 0 ? "Engineering" : "Sales", i % 2 == 0 ? "manager@accolade.test"
                    : "sales.manager@accolade.test", OffsetDateTime.parse(MONTH_START).plusHours(i),
                    "Rollup Brand " + (i / 3), 100 + i, "rollup.recipient." + (i / 4) + "@example.com", "Rollup Recipient"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (RewardOrder o : orders) {
                results.add(pool.submit(() -> {
                    start.await();
                    RaasOrder placed = new RaasOrder("RC-" + o.id, null, null, o.sku, o.amount, null, null, null,
                            o.createdAt, new Recipient(o.recipientName, o.recipientEmail), null);
                    return actors.runAs(Actor.system("test"),
                            () -> ledger.delivered(o, null, placed, "SEND_OUTCOME"));
                }));
            }
            start.countDown();
            for (Future<Boolean> r : results) {
                assertTrue(r.get(60, TimeUnit.SECONDS), "every order was delivered exactly once");
            }
        } finally {
            pool.shutdownNow();
        }

        int month = 201907;
        for (String dimension : List.of("ALL", "BRAND", "MANAGER", "RECIPIENT")) {
            assertEquals(groupBy(dimension), rollup(dimension, month), dimension + " sums");
        }
        long total = rollup("ALL", month).values().stream().mapToLong(v -> Long.parseLong(v.split("/")[0])).sum();
        assertEquals(ORDERS, total, "every delivered order is counted once");
    }

    private Map<String, String> rollup(String dimension, int month) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> sums = new TreeMap<>();
            for (Object row : em.createNativeQuery("select department_id, dim_key, rewards, spend from report_rollup"
                    + " where dimension = ?1 and period_month = ?2").setParameter(1, dimension).setParameter(2, month)
                    .getResultList()) {
                Object[] r = (Object[]) row;
                sums.put(r[0] + "/" + r[1], r[2] + "/" + r[3]);
            }
            return sums;
        });
    }

    private Map<String, String> groupBy(String dimension) {
        String key = switch (dimension) {
            case "ALL" -> null;
            case "BRAND" -> "brand";
            case "MANAGER" -> "requester_email";
            default -> "lower(recipient_email)";
        };
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> sums = new TreeMap<>();
            String keyColumn = key == null ? "" : ", " + key;
            for (Object row : em.createNativeQuery("select department_id" + keyColumn + ", count(*), sum(amount)"
                    + " from reward_order where status = 'DELIVERED' and created_at >= ?1 and created_at < ?2"
                    + " group by department_id" + keyColumn)
                    .setParameter(1, OffsetDateTime.parse(MONTH_START))
                    .setParameter(2, OffsetDateTime.parse(MONTH_START).plusMonths(1)).getResultList()) {
                Object[] r = (Object[]) row;
                if (key == null) {
                    sums.put(r[0] + "/", r[1] + "/" + r[2]);
                } else {
                    sums.put(r[0] + "/" + r[1], r[2] + "/" + r[3]);
                }
            }
            return sums;
        });
    }
}
