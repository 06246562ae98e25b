package dev.accolade.storefront.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

import dev.accolade.raas.client.Catalog;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.raas.client.RaasException;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.HeldOrders;
import dev.accolade.storefront.orders.OrderPlacement;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;

/**
 * A send nobody is watching, during a RaaS outage (circuit breaker open): held, not failed; sent
 * exactly once when RaaS is back; failed with nothing charged only past the give-up time. A send a
 * person is waiting for still fails at once.
 */
@QuarkusTest
@TestProfile(ReconcileProfile.class)
class HeldSendsTest {

    static final Catalog.Reward REWARD = new Catalog.Reward("Tango Card E-Custom", "TNGO-E-V-STD", "USD", -1L, true,
            100L, 100000L, null, "USD", "en_US");
    static final Catalog.Brand BRAND = new Catalog.Brand("Tango Card", null, List.of(REWARD));

    @Inject
    DemoRaasAccounts demoAccounts;
    @Inject
    OrderPlacement placement;
    @Inject
    HeldOrders held;
    @Inject
    RaasClient raas;
    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    Actors actors;

    /** Who places the orders here: a job for the unattended sends, the form's stand-in for the others. */
    static final Actor JOB = Actor.system("system:scheduled-sends");
    static final Actor FORM = Actor.system("system:send-form-test");

    private RewardOrder unattended(OrderRequest request) {
        return actors.runAs(JOB, () -> placement.placeUnattended(request, manager).order());
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    Requester manager;
    Department department;

    @BeforeEach
    void proxyToTheSandbox() {
        raasIsBack();
        breakers.resetAll();
        demoAccounts.ensure();
        AppUser user = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.findByEmail("manager@accolade.test").orElseThrow());
        department = QuarkusTransaction.requiringNew().call(() -> Department.<Department> findById(user.departmentId));
        manager = new Requester(user.id, user.email, department.ref());
    }

    private void raasIsBack() {
        String url = base.toString();
        String sandbox = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        RaasProxy.server.resetAll();
        RaasProxy.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox)));
    }

    private void outage() {
        RaasProxy.server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        for (int i = 0; i < 4 && breakers.currentState("raas") != CircuitBreakerState.OPEN; i++) {
            try {
                raas.account(department.raasCustomer, department.raasAccountIdentifier);
            } catch (RaasException expected) {
                // each read is one more fault for the breaker
            }
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("raas"));
    }

    private long balance() throws RaasException {
        return raas.account(department.raasCustomer, department.raasAccountIdentifier).availableBalance();
    }

    private OrderRequest request(String what) {
        return new OrderRequest(UUID.randomUUID().toString(), BRAND, REWARD, 700, "Ada Lovelace",
                "ada.lovelace@accolade.test", null, "Thank you", what + " " + UUID.randomUUID(), "The team");
    }

    private static RewardOrder order(long id) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> findById(id));
    }

    @Test
    void anUnattendedSendDuringAnOutageIsHeldAndGoesOutOnceWhenRaasIsBack() throws Exception {
        long before = balance();
        outage();
        RewardOrder sent = unattended(request("Held"));
        assertEquals(RewardOrder.Status.HELD, sent.status, sent.failureReason);
        held.retry();
        assertEquals(RewardOrder.Status.HELD, order(sent.id).status, "still held while the breaker is open");
        Browser.signedIn("manager@accolade.test").get("/rewards?status=HELD").then().statusCode(200)
                .body(containsString("Waiting for RaaS, will retry"));
        Browser.signedIn("admin@accolade.test").get("/admin/status").then().statusCode(200)
                .body(containsString("waiting for RaaS, nothing sent yet"));

        raasIsBack();
        long deadline = System.currentTimeMillis() + 20_000;
        while (order(sent.id).status == RewardOrder.Status.HELD && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
            held.retry();
        }
        RewardOrder delivered = order(sent.id);
        assertEquals(RewardOrder.Status.DELIVERED, delivered.status, delivered.failureReason);
        RaasProxy.server.verify(1, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
        held.retry();
        RaasProxy.server.verify(1, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
        assertEquals(before - 700, balance());
    }

    @Test
    void aHeldSendFailsOnlyPastTheGiveUpTimeAndNothingIsCharged() throws Exception {
        long before = balance();
        outage();
        RewardOrder sent = unattended(request("Too long"));
        assertEquals(RewardOrder.Status.HELD, sent.status);
        QuarkusTransaction.requiringNew().run(() -> RewardOrder.getEntityManager().createNativeQuery(
                // Seven hours pass: past the give-up time, and past the hold's next try (up to 0.5 s away
                // here), which a fast machine could otherwise reach before the retry runs.
                "update reward_order set created_at = created_at - interval '7' hour,"
                        + " next_check_at = next_check_at - interval '7' hour where id = ?1")
                .setParameter(1, sent.id).executeUpdate());
        held.retry();
        RewardOrder failed = order(sent.id);
        assertEquals(RewardOrder.Status.FAILED, failed.status);
        assertEquals(true, failed.failureReason.contains("nothing was charged"), failed.failureReason);
        raasIsBack();
        breakers.resetAll();
        assertEquals(before, balance());
        RaasProxy.server.verify(0, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
    }

    @Test
    void aSendSomeoneIsWaitingForStillFailsAtOnce() {
        outage();
        RewardOrder sent = actors.runAs(FORM, () -> placement.place(request("Attended"), manager).order());
        assertEquals(RewardOrder.Status.FAILED, sent.status);
        assertEquals(true, sent.failureReason.contains("nothing was sent"), sent.failureReason);
    }

    @Test
    void theStatusPageShowsTheOrdersBeingChecked() {
        RaasProxy.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/raas/v1/orders"))
                .atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RewardOrder sent = actors.runAs(FORM, () -> placement.place(request("Lost"), manager).order());
        assertEquals(RewardOrder.Status.UNKNOWN, sent.status);
        Browser.signedIn("admin@accolade.test").get("/admin/status").then().statusCode(200)
                .body(containsString("whose outcome the reconciler is still looking for at RaaS"))
                .body(containsString("next check at the reconciler"));
    }
}
