package dev.accolade.raas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The client against a RaaS that misbehaves: every fault ends in a typed outcome, a fault on a
 * write is "unknown" and never "failed", and no write is ever sent twice.
 */
@QuarkusTest
@TestProfile(WireMockRaasProfile.class)
class RaasClientFaultsTest {

    static final String ORDERS = "/raas/v1/orders";
    static final String ORDER_BODY = """
            {"success": true, "order": {"order_id": "123-12345678-12", "account_identifier": "acct-12345",
             "customer": "CompanyA", "sku": "TNGO-E-V-STD", "amount": 1000,
             "reward_message": "Thanks", "reward_subject": "Hi", "reward_from": "Jon",
             "delivered_at": "2013-03-12T15:17:16+00:00",
             "recipient": {"name": "John Doe", "email": "john.doe@example.com"}}}""";
    static final OrderCreate ORDER = new OrderCreate("CompanyA", "acct-12345",
            new Recipient("John Doe", "john.doe@example.com"), "TNGO-E-V-STD", 1000L, null, "Thanks", null, null);

    @Inject
    RaasClient raas;

    @Inject
    CircuitBreakerMaintenance breakers;

    WireMockServer wm;

    @BeforeEach
    void reset() {
        wm = WireMockRaas.server();
        wm.resetAll();
        breakers.reset("raas");
    }

    // ---- writes: unknown, never failed, never twice ----

    @Test
    void aTimeoutOnPlacingAnOrderIsOutcomeUnknownAndIsNotRetried() throws Exception {
        int delay = WireMockRaasProfile.READ_TIMEOUT_MS + 1000;
        wm.stubFor(post(ORDERS).willReturn(json(201, ORDER_BODY).withFixedDelay(delay)));

        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));

        assertEquals(RaasFaultKind.TIMEOUT, e.kind());
        assertTrue(e.kind().requestMayHaveArrived());
        Thread.sleep(delay); // let any second attempt show up in the journal
        wm.verify(1, postRequestedFor(urlEqualTo(ORDERS)));
    }

    @ParameterizedTest
    @EnumSource(value = RaasEndpoint.class, names = { "ORDER_CREATE", "FUND_CREATE", "CARD_FUND", "ORDER_RESEND" })
    void aConnectionResetOnAMoneyOrMailWriteIsOutcomeUnknownAndSentOnce(RaasEndpoint endpoint) {
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class, () -> write(endpoint));

        assertEquals(endpoint, e.endpoint());
        assertEquals(RaasFaultKind.CONNECTION_LOST, e.kind());
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aConnectionClosedWithoutAnyResponseIsOutcomeUnknown() {
        wm.stubFor(post(ORDERS).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));

        assertEquals(RaasFaultKind.CONNECTION_LOST, e.kind());
        wm.verify(1, postRequestedFor(urlEqualTo(ORDERS)));
    }

    @Test
    void aCreatedWithAnEmptyBodyIsOutcomeUnknown() {
        wm.stubFor(post(ORDERS).willReturn(aResponse().withStatus(201)));

        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));

        assertEquals(RaasFaultKind.UNREADABLE_RESPONSE, e.kind());
        assertEquals(201, e.status().orElseThrow());
        wm.verify(1, postRequestedFor(urlEqualTo(ORDERS)));
    }

    @Test
    void malformedJsonOnPlacingAnOrderIsOutcomeUnknownNotAFailure() {
        wm.stubFor(post(ORDERS).willReturn(json(201, "{\"success\": true, \"order\": {\"order_id\": ")));

        RaasException e = assertThrows(RaasException.class, () -> raas.placeOrder(ORDER));

        RaasOutcomeUnknown unknown = (RaasOutcomeUnknown) e;
        assertEquals(RaasFaultKind.UNREADABLE_RESPONSE, unknown.kind());
        wm.verify(1, postRequestedFor(urlEqualTo(ORDERS)));
    }

    @Test
    void aCreatedOrderWithoutItsIdIsOutcomeUnknown() {
        wm.stubFor(post(ORDERS).willReturn(json(201, "{\"success\": true, \"order\": {\"amount\": 1000}}")));

        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));

        assertEquals(RaasFaultKind.UNREADABLE_RESPONSE, e.kind());
    }

    @Test
    void aServerErrorWithACodeOnPlacingAnOrderIsOutcomeUnknownAndKeepsTheCode() {
        wm.stubFor(post(ORDERS).willReturn(json(500, "{\"success\": false, \"error_message\": \"RAAS:OC:1003\"}")));

        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));

        assertEquals(RaasFaultKind.SERVER_ERROR, e.kind());
        assertEquals(500, e.status().orElseThrow());
        assertEquals("RAAS:OC:1003", e.errorCode().orElseThrow());
        wm.verify(1, postRequestedFor(urlEqualTo(ORDERS)));
    }

    @Test
    void aBadGatewayPageOnFundingIsOutcomeUnknownWithoutACode() {
        wm.stubFor(post("/raas/v1/cc_fund").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));

        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class, () -> write(RaasEndpoint.CARD_FUND));

        assertEquals(RaasFaultKind.SERVER_ERROR, e.kind(), e.getMessage());
        assertEquals(502, e.status().orElseThrow());
        assertTrue(e.errorCode().isEmpty());
    }

    // ---- reads: bounded retries, then a typed outcome ----

    @Test
    void aServerErrorOnAReadIsRetriedThenReportedAsSystemErrorWithItsCode() {
        wm.stubFor(get("/raas/v1/orders/123-1").willReturn(json(500, "{\"success\": false, \"error_message\": \"RAAS:OG:1000\"}")));

        RaasFailure.SystemError e = assertThrows(RaasFailure.SystemError.class, () -> raas.order("123-1"));

        assertEquals("RAAS:OG:1000", e.errorCode());
        wm.verify(1 + WireMockRaasProfile.MAX_RETRIES, getRequestedFor(urlEqualTo("/raas/v1/orders/123-1")));
    }

    @Test
    void aReadThatTimesOutIsRetriedABoundedNumberOfTimesThenUnavailable() {
        wm.stubFor(get("/raas/v1/rewards").willReturn(json(200, "{\"success\": true, \"brands\": []}")
                .withFixedDelay(WireMockRaasProfile.READ_TIMEOUT_MS + 500)));

        RaasUnavailable e = assertThrows(RaasUnavailable.class, () -> raas.catalog());

        assertEquals(RaasFaultKind.TIMEOUT, e.kind());
        wm.verify(1 + WireMockRaasProfile.MAX_RETRIES, getRequestedFor(urlEqualTo("/raas/v1/rewards")));
    }

    @Test
    void aReadSucceedsWhenARetryGetsThrough() throws Exception {
        String url = "/raas/v1/accounts/CompanyA/acct-12345";
        wm.stubFor(get(url).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        wm.stubFor(get(url).inScenario("flaky").whenScenarioStateIs("up").willReturn(json(200, """
                {"success": true, "account": {"identifier": "acct-12345", "email": "a@example.com",
                 "customer": "CompanyA", "available_balance": 5000}}""")));

        assertEquals(5000L, raas.account("CompanyA", "acct-12345").availableBalance());
        wm.verify(2, getRequestedFor(urlEqualTo(url)));
    }

    @Test
    void malformedJsonOnAReadIsRetriedThenUnavailable() {
        wm.stubFor(get("/raas/v1/orders/123-2").willReturn(json(200, "<html>not json</html>")));

        RaasUnavailable e = assertThrows(RaasUnavailable.class, () -> raas.order("123-2"));

        assertEquals(RaasFaultKind.UNREADABLE_RESPONSE, e.kind());
        wm.verify(1 + WireMockRaasProfile.MAX_RETRIES, getRequestedFor(urlEqualTo("/raas/v1/orders/123-2")));
    }

    @Test
    void aRefusalIsNeverRetried() {
        wm.stubFor(get("/raas/v1/orders/123-3").willReturn(json(404, "{\"success\": false, \"error_message\": \"order not found\"}")));

        assertThrows(RaasFailure.NotFound.class, () -> raas.order("123-3"));

        wm.verify(1, getRequestedFor(urlEqualTo("/raas/v1/orders/123-3")));
    }

    // ---- the circuit breaker ----

    @Test
    void aDeadRaasOpensTheCircuitAndLaterCallsFailFastWithoutBeingSent() throws Exception {
        wm.stubFor(post(ORDERS).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < WireMockRaasProfile.CIRCUIT_VOLUME; i++) {
            assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));
        }

        RaasUnavailable write = assertThrows(RaasUnavailable.class, () -> raas.placeOrder(ORDER));
        RaasUnavailable read = assertThrows(RaasUnavailable.class, () -> raas.order("123-4"));

        assertEquals(RaasFaultKind.CIRCUIT_OPEN, write.kind());
        assertTrue(write.notSent());
        assertEquals(RaasFaultKind.CIRCUIT_OPEN, read.kind());
        wm.verify(WireMockRaasProfile.CIRCUIT_VOLUME, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusalsDoNotOpenTheCircuit() throws Exception {
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{\"success\": false, \"error_message\": \"order not found\"}")));
        for (int i = 0; i < WireMockRaasProfile.CIRCUIT_VOLUME * 2; i++) {
            assertThrows(RaasFailure.NotFound.class, () -> raas.order("123-5"));
        }
        wm.verify(WireMockRaasProfile.CIRCUIT_VOLUME * 2, anyRequestedFor(anyUrl()));
    }

    // ---- helpers ----

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    Object write(RaasEndpoint endpoint) throws RaasException {
        switch (endpoint) {
            case ORDER_CREATE:
                return raas.placeOrder(ORDER);
            case FUND_CREATE:
                return raas.fund(new FundCreate("CompanyA", "acct-12345", 1000, "127.0.0.1",
                        RaasClientSandboxTest.card("4111111111111111", "12/39")));
            case CARD_FUND:
                return raas.fundByCard(new CardFund("CompanyA", "acct-12345", 1000, "127.0.0.1", "152686945", "123"));
            case ORDER_RESEND:
                raas.resend("123-12345678-12");
                return null;
            default:
                throw new IllegalArgumentException(endpoint.name());
        }
    }
}
