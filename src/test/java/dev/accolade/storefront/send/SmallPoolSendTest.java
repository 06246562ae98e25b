package dev.accolade.storefront.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * Three times as many sends at once as the connection pool has connections: every send finishes
 * and is delivered, because a send never holds two connections at once (a request that did would
 * wait for a connection held by another request waiting likewise, until the pool gives up).
 */
@QuarkusTest
@TestProfile(SmallPoolSendTest.SmallPool.class)
class SmallPoolSendTest {

    private static final int POOL = 4;
    private static final int SENDS = 3 * POOL;

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", Integer.toString(POOL),
                    "quarkus.datasource.jdbc.acquisition-timeout", "10S");
        }
    }

    @Inject
    DemoRaasAccounts demoAccounts;

    @Test
    void moreConcurrentSendsThanConnectionsAllComplete() throws Exception {
        demoAccounts.ensure();
        Browser b = Browser.signedIn("manager@accolade.test");
        String email = "ada.lovelace@accolade.test";
        ExecutorService pool = Executors.newFixedThreadPool(SENDS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < SENDS; i++) {
                String token = UUID.randomUUID().toString();
                tokens.add(token);
                results.add(pool.submit(() -> {
                    start.await();
                    return b.post("/send", SendRewardTest.form(token, "APPL-E-1000-STD", email, "", "Pool"));
                }));
            }
            start.countDown();
            for (Future<Response> f : results) {
                Response r = f.get(60, TimeUnit.SECONDS);
                assertEquals(303, r.statusCode(), "each send answers with its order page");
                assertTrue(r.getHeader("Location").contains("/rewards/"), r.getHeader("Location"));
            }
        } finally {
            pool.shutdownNow();
        }
        long delivered = QuarkusTransaction.requiringNew().call(() -> RewardOrder.count(
                "sendToken in ?1 and status = ?2", tokens, RewardOrder.Status.DELIVERED));
        assertEquals(SENDS, delivered);
    }
}
