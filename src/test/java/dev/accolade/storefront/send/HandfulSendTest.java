package dev.accolade.storefront.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import dev.accolade.raas.sandbox.SandboxOrder;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.Handful;
import dev.accolade.storefront.orders.HeldOrders;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;

/**
 * A handful of unattended sends placed together (a batch's rows): committed at once, sent one after
 * the other, and when RaaS is so slow that an order's turn comes after half the reconciler's pending
 * grace, that order is held (certainly not sent) and goes out once later, never after the reconciler
 * could have given it up.
 */
@QuarkusTest
@TestProfile(HandfulSendTest.SlowRaasProfile.class)
class HandfulSendTest {

    /** The held sends' profile with a pending grace of 2 s: a handful's orders are sent within 1 s of their commit. */
    public static class SlowRaasProfile extends ReconcileProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("accolade.reconcile.pending-grace", "PT2S");
            return config;
        }
    }

    static final Actor JOB = Actor.system("system:bulk-sends");

    @Inject
    DemoRaasAccounts demoAccounts;
    @Inject
    OrderPlacement placement;
    @Inject
    HeldOrders held;
    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    Actors actors;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    Requester manager;

    @BeforeEach
    void proxyToTheSandbox() {
        RaasProxy.server.resetAll();
        RaasProxy.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox())));
        breakers.resetAll();
        demoAccounts.ensure();
        AppUser user = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.findByEmail("manager@accolade.test").orElseThrow());
        Department department = QuarkusTransaction.requiringNew()
                .call(() -> Department.<Department> findById(user.departmentId));
        manager = new Requester(user.id, user.email, department.ref());
    }

    private String sandbox() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Three rows of one batch, each to its own recipient. */
    private List<OrderRequest> rows(String batch) {
        return IntStream.rangeClosed(1, 3).mapToObj(i -> new OrderRequest(batch + "." + i, HeldSendsTest.BRAND,
                HeldSendsTest.REWARD, 700, "Row " + i, batch + "-" + i + "@accolade.test", null, null, null, null))
                .toList();
    }

    /** The owner of the handful: wants it, and keeps what was committed. */
    static final class Kept implements Handful {
        final List<RewardOrder> committed = new ArrayList<>();

        @Override
        public boolean wanted() {
            return true;
        }

        @Override
        public void committed(List<RewardOrder> orders) {
            committed.addAll(orders);
        }
    }

    private static RewardOrder order(long id) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> findById(id));
    }

    private static long atSandbox(String email) {
        return QuarkusTransaction.requiringNew().call(() -> SandboxOrder.count("recipientEmail", email));
    }

    @Test
    void aHandfulIsCommittedTogetherAndEachRowDeliveredOnce() {
        String batch = UUID.randomUUID().toString();
        Kept owner = new Kept();
        List<OrderPlacement.Outcome> outcomes = actors.runAs(JOB,
                () -> placement.placeAllUnattended(rows(batch), manager, owner));
        assertEquals(3, outcomes.size());
        assertEquals(3, owner.committed.size(), "the owner records every order in the commit");
        for (int i = 0; i < 3; i++) {
            RewardOrder o = order(outcomes.get(i).order().id);
            assertEquals(RewardOrder.Status.DELIVERED, o.status, o.failureReason);
            assertEquals(batch + "." + (i + 1), o.sendToken);
            assertEquals(1, atSandbox(o.recipientEmail));
        }
    }

    @Test
    void aHandfulNoLongerWantedCommitsAndSendsNothing() {
        String batch = UUID.randomUUID().toString();
        Handful stopped = new Handful() {
            @Override
            public boolean wanted() {
                return false;
            }

            @Override
            public void committed(List<RewardOrder> orders) {
                throw new AssertionError("nothing is committed");
            }
        };
        assertTrue(actors.runAs(JOB, () -> placement.placeAllUnattended(rows(batch), manager, stopped)).isEmpty());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken like ?1",
                batch + ".%")));
        RaasProxy.server.verify(0, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
    }

    @Test
    void anOrderWhoseTurnComesTooLateIsHeldAndSentOnceLater() throws Exception {
        // RaaS takes 1.5 s to answer an order: the first is sent, the other two come after the 1 s allowed.
        RaasProxy.server.stubFor(post(urlPathEqualTo("/raas/v1/orders")).atPriority(1)
                .willReturn(aResponse().proxiedFrom(sandbox()).withFixedDelay(1500)));
        String batch = UUID.randomUUID().toString();
        List<OrderPlacement.Outcome> outcomes = actors.runAs(JOB,
                () -> placement.placeAllUnattended(rows(batch), manager, new Kept()));
        RewardOrder first = order(outcomes.get(0).order().id);
        assertEquals(RewardOrder.Status.DELIVERED, first.status, first.failureReason);
        for (int i = 1; i < 3; i++) {
            RewardOrder late = order(outcomes.get(i).order().id);
            assertEquals(RewardOrder.Status.HELD, late.status, "row " + (i + 1) + " was not sent late");
            assertEquals(0, atSandbox(late.recipientEmail), "nothing sent for row " + (i + 1));
        }
        RaasProxy.server.verify(1, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));

        RaasProxy.server.resetAll();
        RaasProxy.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox())));
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && IntStream.range(1, 3)
                .anyMatch(i -> order(outcomes.get(i).order().id).status == RewardOrder.Status.HELD)) {
            Thread.sleep(300);
            held.retry();
        }
        for (int i = 1; i < 3; i++) {
            RewardOrder sent = order(outcomes.get(i).order().id);
            assertEquals(RewardOrder.Status.DELIVERED, sent.status, sent.failureReason);
            assertEquals(1, atSandbox(sent.recipientEmail), "row " + (i + 1) + " sent once");
        }
        held.retry();
        RaasProxy.server.verify(2, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
    }
}
