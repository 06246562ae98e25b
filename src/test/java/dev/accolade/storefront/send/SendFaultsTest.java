package dev.accolade.storefront.send;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.orders.OrderReconciler;
import dev.accolade.storefront.orders.RewardOrder;

/** What happens to a send when RaaS's answer is lost: never a second order, always a settled outcome. */
@QuarkusTest
@TestProfile(RaasProxy.Profile.class)
class SendFaultsTest {

    @Inject
    DemoRaasAccounts demoAccounts;

    @Inject
    OrderReconciler reconciler;

    /** This application's own address, where the embedded sandbox serves /raas/v1. */
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    String sandbox;

    @BeforeEach
    void proxyToTheSandbox() {
        String url = base.toString();
        sandbox = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        RaasProxy.server.resetAll();
        RaasProxy.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox)));
        demoAccounts.ensure();
    }

    private static RewardOrder order(String location) {
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.findById(id));
    }

    @Test
    void anOrderAcceptedByRaasWhoseAnswerTimesOutIsReconciledAsDeliveredAndPlacedOnce() throws Exception {
        // The sandbox commits the order, then answers after 3 s; the client gives up after 1.5 s.
        String email = "katherine.johnson@accolade.test";
        int before = SendRewardTest.raasOrdersTo(email);
        Browser b = Browser.signedIn("manager@accolade.test");
        String location = b.post("/send", SendRewardTest.form(UUID.randomUUID().toString(), "TNGO-E-V-STD", email,
                "7.00", "Lost answer")).getHeader("Location");
        RewardOrder sent = order(location);
        assertEquals(RewardOrder.Status.UNKNOWN, sent.status, sent.failureReason);
        // The page keeps asking for its own latest state (htmx polling) while the outcome is open.
        b.get(location).then().body(containsString("Being checked")).body(containsString("never be sent twice"))
                .body(containsString("hx-trigger=\"every 10s\""))
                // No answer is not an error answer, and the page says when the outcome will be known.
                .body(containsString("Being checked: no answer from RaaS")).body(containsString("RaaS did not answer"))
                .body(not(containsString("answered with an error"))).body(containsString("at the latest"));
        assertEquals("TIMEOUT", sent.unknownFault);
        org.junit.jupiter.api.Assertions.assertNull(sent.raasHttpStatus);
        // RaaS has the order although Accolade never heard back.
        long deadline = System.currentTimeMillis() + 15_000;
        while (SendRewardTest.raasOrdersTo(email) == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }

        reconciler.reconcile();

        RewardOrder settled = order(location);
        assertEquals(RewardOrder.Status.DELIVERED, settled.status);
        assertEquals(before + 1, SendRewardTest.raasOrdersTo(email), "exactly one order at RaaS");
        // WireMock journals the request once the sandbox's late answer has come back through it.
        deadline = System.currentTimeMillis() + 10_000;
        while (RaasProxy.server.findAll(postRequestedFor(urlPathEqualTo("/raas/v1/orders"))).isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
        RaasProxy.server.verify(1, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
        b.get(location).then().body(containsString("Delivered")).body(containsString(settled.raasOrderId))
                .body(not(containsString("hx-trigger")));
    }

    @Test
    void anOrderThatNeverReachedRaasIsSettledAsNotSentWithoutRetrying() throws Exception {
        RaasProxy.server.stubFor(post(urlPathEqualTo("/raas/v1/orders")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String email = "ada.lovelace@accolade.test";
        int before = SendRewardTest.raasOrdersTo(email);
        Browser b = Browser.signedIn("manager@accolade.test");
        String location = b.post("/send", SendRewardTest.form(UUID.randomUUID().toString(), "APPL-E-1000-STD", email,
                "", "Reset")).getHeader("Location");
        assertEquals(RewardOrder.Status.UNKNOWN, order(location).status);

        reconciler.reconcile();
        assertEquals(RewardOrder.Status.UNKNOWN, order(location).status, "too early to conclude anything");

        Thread.sleep(2500);
        reconciler.reconcile();
        assertEquals(RewardOrder.Status.FAILED, order(location).status);
        assertEquals(before, SendRewardTest.raasOrdersTo(email));
        RaasProxy.server.verify(1, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
        b.get(location).then().body(containsString("never placed"));
    }

    @Inject
    dev.accolade.storefront.catalog.CatalogCache catalog;

    @Test
    void theCatalogIsServedFromTheCacheWithANoticeWhenRaasIsDown() {
        catalog.refresh();
        RaasProxy.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/raas/v1/rewards"))
                .atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        catalog.refresh();
        try {
            Browser.signedIn("manager@accolade.test").get("/catalog").then().statusCode(200)
                    .body(containsString("RaaS cannot be reached right now"))
                    .body(containsString("Amazon.com"));
        } finally {
            RaasProxy.server.resetAll();
            RaasProxy.server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(sandbox)));
            catalog.refresh();
        }
    }

    @Test
    void aServerErrorOnPlacingTheOrderIsUnknownNotFailed() {
        RaasProxy.server.stubFor(post(urlPathEqualTo("/raas/v1/orders")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"success\":false,\"error_message\":\"RAAS:OC:1003\"}")));
        Browser b = Browser.signedIn("manager@accolade.test");
        String location = b.post("/send", SendRewardTest.form(UUID.randomUUID().toString(), "APPL-E-1000-STD",
                "grace.hopper@accolade.test", "", "Five hundred")).getHeader("Location");
        RewardOrder o = order(location);
        assertEquals(RewardOrder.Status.UNKNOWN, o.status);
        RaasProxy.server.verify(1, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
    }

    @Test
    void anErrorAnswerIsToldApartFromNoAnswerAndSaysWhenItWillBeKnown() throws Exception {
        // The sandbox's documented failing denomination answers 500 with RAAS:OC:1003.
        RaasProxy.server.stubFor(post(urlPathEqualTo("/raas/v1/orders")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"success\":false,\"error_message\":\"RAAS:OC:1003\"}")));
        String email = "grace.hopper@accolade.test";
        int before = SendRewardTest.raasOrdersTo(email);
        Browser b = Browser.signedIn("manager@accolade.test");
        String location = b.post("/send", SendRewardTest.form(UUID.randomUUID().toString(), "APPL-E-1000-STD",
                email, "", "Refused")).getHeader("Location");
        RewardOrder o = order(location);
        assertEquals(RewardOrder.Status.UNKNOWN, o.status, "an error answer is confirmed by the reconciler first");
        assertEquals("SERVER_ERROR", o.unknownFault);
        assertEquals(500, o.raasHttpStatus);
        assertEquals("RAAS:OC:1003", o.raasErrorCode);
        String knownBy = dev.accolade.common.Formats.displayClock(o.placedAt().plusSeconds(2).plusMinutes(1)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1));
        b.get(location).then().statusCode(200)
                .body(containsString("Being checked: RaaS answered with an error"))
                .body(containsString("HTTP 500, error code RAAS:OC:1003"))
                .body(not(containsString("RaaS did not answer")))
                .body(not(containsString("No reliable answer")))
                .body(containsString("By " + knownBy + " UTC at the latest"))
                .body(containsString("updates itself")).body(containsString("hx-trigger=\"every 10s\""));
        b.get("/rewards").then().body(containsString("Being checked: RaaS answered with an error"));

        Thread.sleep(2500);
        reconciler.reconcile();
        RewardOrder settled = order(location);
        assertEquals(RewardOrder.Status.FAILED, settled.status);
        assertEquals(before, SendRewardTest.raasOrdersTo(email));
        RaasProxy.server.verify(1, postRequestedFor(urlPathEqualTo("/raas/v1/orders")));
        b.get(location).then().body(containsString("Not sent")).body(containsString("RaaS refused this order"))
                .body(containsString("never placed")).body(not(containsString("hx-trigger")));
    }
}
