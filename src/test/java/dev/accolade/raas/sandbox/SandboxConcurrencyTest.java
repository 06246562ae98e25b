package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Many requests at once: the balance is debited atomically (never overspent, never negative), ids stay
 * unique, and one-time operations (creating an account, a resend) happen exactly once.
 */
@QuarkusTest
class SandboxConcurrencyTest {

    static final String SKU = "TNGO-E-V-STD";

    @Test
    void fiftyParallelOrdersAgainstABalanceForTenPlaceExactlyTen() throws Exception {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 10 * 1500);
        String order = Raas.orderJson(customer, id, SKU, 1500L);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        AtomicLong observations = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                HttpResponse<String> account = RawHttp.get("/raas/v1/accounts/" + customer + "/" + id,
                        "Authorization", RawHttp.demoAuth());
                long balance = JsonPath.from(account.body()).getLong("account.available_balance");
                lowest.accumulateAndGet(balance, Math::min);
                observations.incrementAndGet();
            }
        });
        watcher.start();
        List<HttpResponse<String>> responses;
        try {
            responses = all(50, () -> RawHttp.post("/raas/v1/orders", order, "Authorization", RawHttp.demoAuth(),
                    "Content-Type", "application/json"));
        } finally {
            running.set(false);
            watcher.join(30_000);
        }

        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (HttpResponse<String> r : responses) {
            byStatus.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 400) {
                assertThat(r.headers().firstValue("X-Status-Reason").orElse(""), equalTo("Funding Failed"));
                assertThat(JsonPath.from(r.body()).getLong("available_balance"), greaterThanOrEqualTo(0L));
            }
        }
        assertThat(byStatus.toString(), byStatus, equalTo(Map.of(201, 10, 400, 40)));
        assertThat(Raas.balance(customer, id), equalTo(0L));
        assertThat("the balance was watched", observations.get(), greaterThanOrEqualTo(1L));
        assertThat("the balance never went below zero", lowest.get(), greaterThanOrEqualTo(0L));

        JsonPath listed = raas().queryParam("customer", customer).get("/raas/v1/orders")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getInt("total_count"), equalTo(10));
        long sum = listed.getList("orders.amount", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertThat("the orders add up to the funding", sum, equalTo(15000L));
    }

    @Test
    void aHundredConcurrentOrdersGetAHundredDistinctIds() throws Exception {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 100 * 100);
        String order = Raas.orderJson(customer, id, SKU, 100L);
        List<HttpResponse<String>> responses = all(100,
                () -> RawHttp.post("/raas/v1/orders", order, "Authorization", RawHttp.demoAuth()));

        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> r : responses) {
            assertThat(r.body(), r.statusCode(), equalTo(201));
            ids.add(JsonPath.from(r.body()).getString("order.order_id"));
        }
        assertThat(ids, everyItem(matchesPattern(Raas.ORDER_ID)));
        assertThat(new HashSet<>(ids).size(), equalTo(100));
        assertThat(Raas.balance(customer, id), equalTo(0L));
    }

    @Test
    void concurrentFundingsAllCountAndGetDistinctIds() throws Exception {
        String customer = Raas.uniqueCustomer();
        String id = Raas.createAccount(customer);
        String fund = Raas.fundJson(customer, id, 1000, Raas.APPROVED_CARD, Raas.FUTURE_MM_YY);
        List<HttpResponse<String>> responses = all(40,
                () -> RawHttp.post("/raas/v1/funds", fund, "Authorization", RawHttp.demoAuth()));

        Set<String> fundIds = new HashSet<>();
        for (HttpResponse<String> r : responses) {
            assertThat(r.body(), r.statusCode(), equalTo(200));
            String fundId = JsonPath.from(r.body()).getString("fund_id");
            assertThat(fundId, matchesPattern(Raas.FUND_ID));
            fundIds.add(fundId);
        }
        assertThat(fundIds.size(), equalTo(40));
        assertThat(Raas.balance(customer, id), equalTo(40_000L));
    }

    @Test
    void anAccountCreatedConcurrentlyIsCreatedOnce() throws Exception {
        String id = Raas.uniqueIdentifier();
        String account = Raas.accountJson(id, "CompanyA");
        List<HttpResponse<String>> responses = all(20,
                () -> RawHttp.post("/raas/v1/accounts", account, "Authorization", RawHttp.demoAuth()));

        Map<Integer, Integer> byStatus = new TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1, Integer::sum));
        assertThat(byStatus.toString(), byStatus, equalTo(Map.of(201, 1, 409, 19)));
    }

    @Test
    void concurrentResendsSendOnce() throws Exception {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String orderId = raas().body(Raas.orderJson(customer, id, SKU, 1000L, Raas.uniqueEmail(), true))
                .post("/raas/v1/orders").then().statusCode(201).extract().path("order.order_id");
        SandboxDb.lastSentAgo(orderId, Duration.ofDays(2));

        List<HttpResponse<String>> responses = all(10,
                () -> RawHttp.post("/raas/v1/orders/" + orderId + "/resend", new byte[0],
                        "Authorization", RawHttp.demoAuth()));
        Map<Integer, Integer> byStatus = new TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1, Integer::sum));
        assertThat(byStatus.toString(), byStatus, equalTo(Map.of(200, 1, 400, 9)));
        assertThat(SandboxDb.sendCount(orderId), equalTo(2));
    }

    /** Runs {@code n} requests on {@code n} threads, released together by one start gate. */
    static <T> List<T> all(int n, Supplier<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return request.get();
                }));
            }
            assertThat("all threads are ready", ready.await(30, TimeUnit.SECONDS), equalTo(true));
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
