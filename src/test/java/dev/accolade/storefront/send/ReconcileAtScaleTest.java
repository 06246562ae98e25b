package dev.accolade.storefront.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import dev.accolade.raas.client.OrderCreate;
import dev.accolade.raas.client.OrderQuery;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.Recipient;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.OrderReconciler;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;

/**
 * A thousand orders of three accounts left unsettled at once, half of them placed at RaaS: a pass
 * reads each account's order list once over the union of their windows, so its list requests are
 * the pages those windows hold plus at most one per account, and every order ends right.
 */
@QuarkusTest
@TestProfile(ReconcileProfile.class)
class ReconcileAtScaleTest {

    static final String SKU = "TNGO-E-V-STD";
    static final long FIRST_ID = 90_000_000L;

    @Inject
    DemoRaasAccounts demoAccounts;
    @Inject
    OrderReconciler reconciler;
    @Inject
    RaasClient raas;
    @Inject
    CircuitBreakerMaintenance breakers;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    @BeforeEach
    void proxyToTheSandbox() {
        String url = base.toString();
        String sandbox = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        RaasProxy.server.resetAll();
        RaasProxy.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox)));
        breakers.resetAll();
        demoAccounts.ensure();
    }

    @Test
    void aThousandUnsettledOrdersSettleWithOneReadOfEachAccountsWindows() throws Exception {
        // Orders that other tests of this application left unsettled would be checked in the same pass
        // and counted with these: take them out of the reconciler's way first.
        QuarkusTransaction.requiringNew().run(() -> RewardOrder.update("status = ?1, failureReason = ?2 "
                + "where status = ?3 or status = ?4", RewardOrder.Status.FAILED, "Cleared before the scale test",
                RewardOrder.Status.PENDING, RewardOrder.Status.UNKNOWN));
        List<Department> accounts = QuarkusTransaction.requiringNew().call(() -> Department
                .<Department> find("raasAccountIdentifier is not null order by id").list()).subList(0, 3);
        long requester = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.findByEmail("manager@accolade.test").orElseThrow().id);
        Map<Long, Long> balanceBefore = new HashMap<>();
        for (Department d : accounts) {
            balanceBefore.put(d.id, raas.account(d.raasCustomer, d.raasAccountIdentifier).availableBalance());
        }
        OffsetDateTime created = OffsetDateTime.now(ZoneOffset.UTC);
        Map<Long, String> placedAt = new HashMap<>();
        Map<Long, Long> spent = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            Department d = accounts.get(i % 3);
            if (i % 2 == 0) {
                long amount = amount(i);
                placedAt.put(FIRST_ID + i, raas.placeOrder(new OrderCreate(d.raasCustomer, d.raasAccountIdentifier,
                        new Recipient("Scale " + i, email(i)), SKU, amount, "Thanks", message(i), "Scale test",
                        Boolean.FALSE)).orderId());
                spent.merge(d.id, amount, Long::sum);
            }
        }
        insertUnknown(accounts, requester, created);
        // The floor: the pages the accounts' lists hold over the windows (everything of the last hour).
        long listed = 0;
        for (Department d : accounts) {
            listed += raas.allOrders(OrderQuery.window(d.raasCustomer, d.raasAccountIdentifier, created.minusHours(1),
                    created.plusHours(1))).size();
        }
        long bound = listed / 100 + accounts.size();

        RaasProxy.server.resetRequests();
        long t0 = System.nanoTime();
        OrderReconciler.Pass first = reconciler.reconcile();
        long firstMillis = (System.nanoTime() - t0) / 1_000_000;
        int firstRequests = listRequests();
        assertEquals(firstRequests, first.listRequests());
        assertTrue(firstRequests <= bound, firstRequests + " list requests for " + listed + " listed orders");
        assertEquals(1000, first.checked());
        assertEquals(500, first.delivered());
        assertEquals(0, first.failed());
        for (int i = 0; i < 1000; i++) {
            RewardOrder o = order(FIRST_ID + i);
            if (i % 2 == 0) {
                assertEquals(RewardOrder.Status.DELIVERED, o.status, "order " + i);
                assertEquals(placedAt.get(o.id), o.raasOrderId, "order " + i + " linked to its own RaaS order");
            } else {
                assertEquals(RewardOrder.Status.UNKNOWN, o.status, "order " + i);
                assertNotNull(o.nextCheckAt, "order " + i + " is looked for again later");
                assertTrue(!o.nextCheckAt.isBefore(o.createdAt.plusMinutes(5).minusSeconds(1)), o.nextCheckAt.toString());
            }
        }

        // Nothing is due before the next step of the backoff: no request at all.
        RaasProxy.server.resetRequests();
        OrderReconciler.Pass idle = reconciler.reconcile();
        assertEquals(0, idle.checked());
        assertEquals(0, listRequests());

        // Sixteen minutes later the orders RaaS never got are settled as not sent.
        QuarkusTransaction.requiringNew().run(() -> RewardOrder.getEntityManager().createNativeQuery(
                "update reward_order set created_at = created_at - interval '16' minute, next_check_at = null"
                        + " where id >= ?1 and id < ?2").setParameter(1, FIRST_ID).setParameter(2, FIRST_ID + 1000)
                .executeUpdate());
        RaasProxy.server.resetRequests();
        OrderReconciler.Pass last = reconciler.reconcile();
        assertTrue(listRequests() <= bound, listRequests() + " list requests");
        assertEquals(500, last.failed());
        for (int i = 1; i < 1000; i += 2) {
            RewardOrder o = order(FIRST_ID + i);
            assertEquals(RewardOrder.Status.FAILED, o.status, "order " + i);
            assertNull(o.raasOrderId);
        }
        RaasProxy.server.verify(0, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
        for (Department d : accounts) {
            assertEquals(balanceBefore.get(d.id) - spent.get(d.id),
                    raas.account(d.raasCustomer, d.raasAccountIdentifier).availableBalance(), d.name);
        }
        System.out.printf("RESULT reconcile-at-scale listed=%d bound=%d first-pass=%d requests in %d ms, last-pass=%d%n",
                listed, bound, firstRequests, firstMillis, last.listRequests());
    }

    static long amount(int i) {
        return 100 + i % 7;
    }

    static String email(int i) {
        return "scale-" + i + "@example.test";
    }

    static String message(int i) {
        return "Scale " + i;
    }

    private static int listRequests() {
        return RaasProxy.server.findAll(getRequestedFor(urlPathEqualTo("/raas/v1/orders"))).size();
    }

    private static RewardOrder order(long id) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> findById(id));
    }

    /** The thousand local orders, UNKNOWN, as sends whose answers were lost. */
    private static void insertUnknown(List<Department> accounts, long requester, OffsetDateTime created) {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = RewardOrder.getEntityManager();
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(i);
            }
            for (int i : all) {
                Department d = accounts.get(i % 3);
                em.createNativeQuery("insert into reward_order (id, send_token, requester_id, requester_email,"
                        + " department_id, raas_customer, raas_account_identifier, sku, brand, reward_description, amount,"
                        + " variable_price, recipient_name, recipient_email, reward_subject, reward_message, reward_from,"
                        + " status, created_at, attended) values (?1, ?2, ?3, 'manager@accolade.test', ?4, ?5, ?6, ?7,"
                        + " 'Tango Card', 'Tango Card (variable)', ?8, true, ?9, ?10, 'Thanks', ?11, 'Scale test',"
                        + " 'UNKNOWN', ?12, true)")
                        .setParameter(1, FIRST_ID + i).setParameter(2, "scale-" + i).setParameter(3, requester)
                        .setParameter(4, d.id).setParameter(5, d.raasCustomer).setParameter(6, d.raasAccountIdentifier)
                        .setParameter(7, SKU).setParameter(8, amount(i)).setParameter(9, "Scale " + i)
                        .setParameter(10, email(i)).setParameter(11, message(i)).setParameter(12, created)
                        .executeUpdate();
            }
        });
    }
}
