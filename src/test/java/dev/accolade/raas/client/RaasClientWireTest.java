package dev.accolade.raas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.accolade.raas.client.RaasClientFaultsTest.ORDER;
import static dev.accolade.raas.client.RaasClientFaultsTest.ORDERS;
import static dev.accolade.raas.client.RaasClientFaultsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * What the client sends and how it reads what comes back: headers, query encoding, every error
 * body of the spec, fields added or left out, system messages and metrics.
 */
@QuarkusTest
@TestProfile(WireMockRaasProfile.class)
class RaasClientWireTest {

    static final String KEY = "sandbox-demo-key";
    static final String ACCOUNT = "/raas/v1/accounts/CompanyA/acct-12345";
    static final List<Handler> CAPTURING = new ArrayList<>();

    @Inject
    RaasClient raas;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MeterRegistry registry;

    WireMockServer wm;

    @AfterEach
    void stopCapturing() {
        CAPTURING.forEach(Logger.getLogger("")::removeHandler);
        CAPTURING.clear();
    }

    @BeforeEach
    void reset() {
        wm = WireMockRaas.server();
        wm.resetAll();
        breakers.reset("raas");
    }

    @Test
    void everyCallSendsBasicAuthJsonContentTypeAndAccept() throws Exception {
        wm.stubFor(post(ORDERS).willReturn(json(201, RaasClientFaultsTest.ORDER_BODY)));

        raas.placeOrder(ORDER);

        String basic = "Basic " + Base64.getEncoder().encodeToString("accolade-demo:sandbox-demo-key"
                .getBytes(StandardCharsets.UTF_8));
        wm.verify(postRequestedFor(urlEqualTo(ORDERS))
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"customer": "CompanyA", "account_identifier": "acct-12345",
                         "recipient": {"name": "John Doe", "email": "john.doe@example.com"},
                         "sku": "TNGO-E-V-STD", "amount": 1000, "reward_message": "Thanks"}""")));
    }

    @Test
    void aRefusedConnectionIsRecognisedAsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RaasApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("http://localhost:" + closedPort + "/raas/v1"))
                .build(RaasApi.class);

        Exception e = assertThrows(Exception.class, () -> api.placeOrder(ORDER));

        assertEquals(RaasFaultKind.NOT_CONNECTED, RaasFault.of(e).kind, e.toString());
    }

    // ---- every error of the spec, typed ----

    @Test
    void a401IsAuthenticationNeeded() {
        wm.stubFor(get(ACCOUNT).willReturn(json(401, "{\"success\": false, \"error_message\": \"credentials required\"}")
                .withHeader("WWW-Authenticate", "Basic realm=\"api.tangocard.com\"")));

        RaasFailure.AuthenticationNeeded e = assertThrows(RaasFailure.AuthenticationNeeded.class,
                () -> raas.account("CompanyA", "acct-12345"));

        assertEquals(401, e.status());
        wm.verify(1, getRequestedFor(urlEqualTo(ACCOUNT)));
    }

    @Test
    void a403AuthenticationFailedIsTypedAndNeverShowsTheCredentials() {
        List<String> logged = captureLogs();
        wm.stubFor(post(ORDERS).willReturn(json(403, "{\"success\": false, \"error_message\": \"bad platform key\"}")
                .withHeader("X-Status-Reason", "Authentication failed")));

        RaasFailure.AuthenticationFailed e = assertThrows(RaasFailure.AuthenticationFailed.class,
                () -> raas.placeOrder(ORDER));

        assertEquals(403, e.status());
        String encoded = Base64.getEncoder().encodeToString(("accolade-demo:" + KEY).getBytes(StandardCharsets.UTF_8));
        for (String text : concat(List.of(e.getMessage(), e.toString()), logged)) {
            assertFalse(text.contains(KEY) || text.contains(encoded), text);
        }
        wm.verify(1, postRequestedFor(urlEqualTo(ORDERS)));
    }

    @Test
    void a403ValidationFailedCarriesTheInvalidInputs() {
        wm.stubFor(post(ORDERS).willReturn(json(403, """
                {"success": false, "error_message": "The supplied input entity was invalid.",
                 "invalid_inputs": [{"field": "recipient.email", "error": "does not match the pattern"},
                                    {"field": "sku", "error": "required"}]}""")
                .withHeader("X-Status-Reason", "Validation failed")));

        RaasFailure.ValidationFailed e = assertThrows(RaasFailure.ValidationFailed.class, () -> raas.placeOrder(ORDER));

        assertEquals(List.of(new InvalidInput("recipient.email", "does not match the pattern"),
                new InvalidInput("sku", "required")), e.invalidInputs());
    }

    @Test
    void a403WithInvalidInputsButNoReasonHeaderIsStillValidationFailed() {
        wm.stubFor(post("/raas/v1/funds").willReturn(json(403, """
                {"success": false, "error_message": "The supplied input entity was invalid.",
                 "invalid_inputs": [{"field": "credit_card.billing_address.zip",
                                     "error": "integer value found, but a string is required "}]}""")));

        RaasFailure.ValidationFailed e = assertThrows(RaasFailure.ValidationFailed.class,
                () -> raas.fund(new FundCreate("CompanyA", "acct-12345", 1000, "127.0.0.1",
                        RaasClientSandboxTest.card("4111111111111111", "12/39"))));

        assertEquals("credit_card.billing_address.zip", e.invalidInputs().get(0).field());
    }

    @Test
    void each400IsToldApartByItsHeaderAndBody() {
        wm.stubFor(post("/raas/v1/accounts").willReturn(json(400, """
                {"success": false, "error_message": "bad Accept", "content_types": ["application/json"]}""")));
        RaasFailure.UnacceptableAccept accept = assertThrows(RaasFailure.UnacceptableAccept.class,
                () -> raas.createAccount(new AccountCreate("CompanyA", "acct-12345", "a@example.com")));
        assertEquals(List.of("application/json"), accept.contentTypes());

        wm.stubFor(post("/raas/v1/cc_register").willReturn(json(400, """
                {"success": false, "denial_code": "CC_DUPEREGISTER", "denial_message": "Already registered."}""")
                .withHeader("X-Status-Reason", "Credit card authorization failure.")));
        RaasFailure.CardDeclined declined = assertThrows(RaasFailure.CardDeclined.class,
                () -> raas.registerCard(new CardRegister("CompanyA", "acct-12345", "127.0.0.1",
                        RaasClientSandboxTest.card("4111111111111111", "2039-12"))));
        assertEquals("CC_DUPEREGISTER", declined.denialCode());
        assertEquals("Already registered.", declined.denialMessage().orElseThrow());
        assertFalse(declined.getMessage().contains("4111111111111111"));

        wm.stubFor(post(ORDERS).willReturn(json(400, """
                {"success": false, "error_message": "There was insufficient available funds.", "available_balance": 0}""")
                .withHeader("X-Status-Reason", "Funding Failed")));
        RaasFailure.InsufficientFunds funds = assertThrows(RaasFailure.InsufficientFunds.class, () -> raas.placeOrder(ORDER));
        assertEquals(0L, funds.availableBalance().orElseThrow());

        wm.stubFor(post("/raas/v1/cc_unregister").willReturn(json(400,
                "{\"success\": false, \"error_message\": \"The entity provided does not match the content type.\"}")));
        assertThrows(RaasFailure.InvalidEntity.class,
                () -> raas.unregisterCard(new CardUnregister("CompanyA", "acct-12345", "152686945")));

        wm.stubFor(post("/raas/v1/orders/123-1/resend").willReturn(json(400,
                "{\"success\": false, \"error_message\": \"Cannot send more than once every 24 hours (last send at 2015-02-18T20:17:31+00:00)\"}")));
        assertThrows(RaasFailure.ResendRefused.class, () -> raas.resend("123-1"));
    }

    @Test
    void notFoundExistsAndOtherRefusalsAreTyped() {
        wm.stubFor(get(ACCOUNT).willReturn(json(404, "{\"success\": false, \"error_message\": \"not found\"}")));
        assertThrows(RaasFailure.NotFound.class, () -> raas.account("CompanyA", "acct-12345"));

        wm.stubFor(post("/raas/v1/accounts").willReturn(json(409,
                "{\"success\": false, \"error_message\": \"The account already exists for the platform.\"}")));
        RaasFailure.AlreadyExists exists = assertThrows(RaasFailure.AlreadyExists.class,
                () -> raas.createAccount(new AccountCreate("CompanyA", "acct-12345", "a@example.com")));
        assertEquals("The account already exists for the platform.", exists.errorMessage().orElseThrow());

        wm.stubFor(post(ORDERS).willReturn(json(413, "{\"success\": false, \"error_message\": \"too large\"}")));
        RaasFailure.Rejected rejected = assertThrows(RaasFailure.Rejected.class, () -> raas.placeOrder(ORDER));
        assertEquals(413, rejected.status());
    }

    // ---- fields added or left out ----

    @Test
    void fieldsRaasAddsAreIgnoredAtEveryLevel() throws Exception {
        wm.stubFor(post(ORDERS).willReturn(json(201, """
                {"success": true, "brand_new": {"nested": [1, 2]}, "order": {
                  "order_id": "115-07734196-29", "account_identifier": "acct-12345", "customer": "CompanyA",
                  "sku": "AMZUK-E-V-STD", "amount": 1550, "currency": "GBP",
                  "reward_message": "Test", "reward_subject": {"data": ""}, "reward_from": "Jane Doe",
                  "delivered_at": "2015-07-29T22:46:36+00:00",
                  "recipient": {"name": "John Doe", "email": "john.doe@example.com", "locale": "en_GB"},
                  "reward": {"token": "55b957d0c54b69.57249418", "number": "27VP-CJRLS6-HFV7",
                             "expiration": "2025-07-29", "barcode": "x"}}}""")));

        RaasOrder order = raas.placeOrder(ORDER);

        assertEquals("115-07734196-29", order.orderId());
        assertEquals(1550L, order.amount());
        assertNull(order.rewardSubject(), "an object where text was expected is read as no subject");
        assertEquals("27VP-CJRLS6-HFV7", order.reward().number());
        assertEquals("2025-07-29", order.reward().expiration());
        assertEquals(OffsetDateTime.of(2015, 7, 29, 22, 46, 36, 0, ZoneOffset.UTC), order.deliveredAt());
    }

    @Test
    void optionalFieldsMayBeAbsent() throws Exception {
        wm.stubFor(get("/raas/v1/orders/123-6").willReturn(json(200, """
                {"success": true, "order": {"order_id": "123-6", "account_identifier": "acct-12345",
                 "sku": "TNGO-E-V-STD", "amount": 1000, "reward_subject": null,
                 "delivered_at": "2013-03-11T22:20:56+00:00",
                 "recipient": {"name": "John Doe", "email": "john.doe@example.com"}}}""")));
        RaasOrder order = raas.order("123-6");
        assertNull(order.customer());
        assertNull(order.rewardMessage());
        assertNull(order.rewardSubject());
        assertNull(order.rewardFrom());
        assertNull(order.reward());

        // The spec's own catalog example gives min/max as strings; fixed prices may lack a denomination.
        wm.stubFor(get("/raas/v1/rewards").willReturn(json(200, """
                {"success": true, "brands": [{"description": "Tango Card", "rewards": [
                  {"description": "Tango Card E-Custom", "sku": "TNGO-E-V-STD", "currency_type": "USD",
                   "unit_price": -1, "available": true, "min_price": "100", "max_price": "100000"},
                  {"description": "iTunes E-Gift Card $15", "sku": "APPL-E-1500-STD", "currency_type": "USD",
                   "unit_price": 1500, "available": true}]}]}""")));
        Catalog catalog = raas.catalog();
        assertNull(catalog.brands().get(0).imageUrl());
        assertEquals(100_000L, catalog.reward("TNGO-E-V-STD").orElseThrow().maxPrice());
        assertNull(catalog.reward("APPL-E-1500-STD").orElseThrow().denomination());

        // A 2013 order list has no paging fields: one short page is all there is.
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(json(200, """
                {"success": true, "orders": [{"order_id": "123-7", "amount": 1000}]}""")));
        List<RaasOrder> all = raas.allOrders(OrderQuery.window("CompanyA", "acct-12345", null, null));
        assertEquals(1, all.size());
        assertNull(raas.orders(OrderQuery.window(null, null, null, null)).totalCount());
    }

    // ---- order lists ----

    @Test
    void orderListDatesKeepTheirOffsetPercentEncoded() throws Exception {
        wm.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(json(200,
                "{\"success\": true, \"orders\": [], \"offset\": 0, \"limit\": 100, \"total_count\": 0, \"result_count\": 0}")));

        raas.orders(new OrderQuery("CompanyA", "acct-12345", OffsetDateTime.parse("2013-03-01T00:00:00-08:00"),
                OffsetDateTime.parse("2013-04-01T00:00:00+02:00"), 0, 2));

        String url = wm.getAllServeEvents().get(0).getRequest().getUrl();
        assertTrue(url.contains("start_date=2013-03-01T00%3A00%3A00-08%3A00"), url);
        assertTrue(url.contains("end_date=2013-04-01T00%3A00%3A00%2B02%3A00"), url);
        wm.verify(getRequestedFor(urlPathEqualTo(ORDERS))
                .withQueryParam("end_date", equalTo("2013-04-01T00:00:00+02:00"))
                .withQueryParam("offset", equalTo("0")).withQueryParam("limit", equalTo("2"))
                .withQueryParam("customer", equalTo("CompanyA"))
                .withQueryParam("account_identifier", equalTo("acct-12345")));
    }

    @Test
    void allOrdersFollowsTotalCountAcrossPages() throws Exception {
        wm.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("offset", equalTo("0")).willReturn(json(200, """
                {"success": true, "offset": 0, "limit": 2, "total_count": 3, "result_count": 2,
                 "orders": [{"order_id": "1", "amount": 100}, {"order_id": "2", "amount": 200}]}""")));
        wm.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("offset", equalTo("2")).willReturn(json(200, """
                {"success": true, "offset": 2, "limit": 2, "total_count": 3, "result_count": 1,
                 "orders": [{"order_id": "3", "amount": 300}]}""")));

        List<RaasOrder> all = raas.allOrders(new OrderQuery("CompanyA", "acct-12345", null, null, null, 2));

        assertEquals(List.of("1", "2", "3"), all.stream().map(RaasOrder::orderId).toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo(ORDERS)));
    }

    // ---- system messages and metrics ----

    @Test
    void aSystemMessageIsCapturedLoggedOnceCountedAndClearedWhenRaasStopsSendingIt() throws Exception {
        List<String> logged = captureLogs();
        String note = "Planned maintenance " + System.nanoTime();
        String account = """
                {"success": true, "account": {"identifier": "acct-12345", "email": "a@example.com",
                 "customer": "CompanyA", "available_balance": 5000}%s}""";
        wm.stubFor(get(ACCOUNT).willReturn(json(200, account.formatted(", \"system_message\": \"" + note + "\""))));
        double before = registry.counter("raas.system_messages").count();

        raas.account("CompanyA", "acct-12345");
        raas.account("CompanyA", "acct-12345");

        assertEquals(note, raas.systemMessage().orElseThrow().text());
        assertEquals(2.0, registry.counter("raas.system_messages").count() - before);
        assertEquals(1, logged.stream().filter(line -> line.contains(note)).count(), logged.toString());

        wm.stubFor(get(ACCOUNT).willReturn(json(200, account.formatted(""))));
        raas.account("CompanyA", "acct-12345");
        assertTrue(raas.systemMessage().isEmpty());
    }

    @Test
    void aSystemMessageOnAnErrorIsCapturedToo() {
        wm.stubFor(post(ORDERS).willReturn(json(500,
                "{\"success\": false, \"error_message\": \"RAAS:OC:1003\", \"system_message\": \"Degraded service\"}")));

        assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));

        assertEquals("Degraded service", raas.systemMessage().orElseThrow().text());
    }

    @Test
    void everyCallIsTimedByEndpointAndOutcome() {
        wm.stubFor(post(ORDERS).willReturn(aResponse().withStatus(503)));
        wm.stubFor(get(anyUrl()).willReturn(json(404, "{\"success\": false}")));
        long unknown = count("POST orders", "unknown");
        long failure = count("GET orders/{order_id}", "failure");

        assertThrows(RaasOutcomeUnknown.class, () -> raas.placeOrder(ORDER));
        assertThrows(RaasFailure.NotFound.class, () -> raas.order("123-8"));

        assertEquals(unknown + 1, count("POST orders", "unknown"));
        assertEquals(failure + 1, count("GET orders/{order_id}", "failure"));
    }

    long count(String endpoint, String outcome) {
        Timer timer = registry.find("raas.client.calls").tag("endpoint", endpoint).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    /** Every log line written from now on (all categories), formatted with its parameters. */
    static List<String> captureLogs() {
        List<String> lines = new ArrayList<>();
        Logger root = Logger.getLogger("");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] parameters = record.getParameters();
                synchronized (lines) {
                    lines.add(record.getMessage() + " " + (parameters == null ? "" : Arrays.toString(parameters))
                            + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        root.addHandler(handler);
        CAPTURING.add(handler);
        return lines;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        synchronized (b) {
            all.addAll(b);
        }
        return all;
    }
}
