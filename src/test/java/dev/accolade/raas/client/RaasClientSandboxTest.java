package dev.accolade.raas.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The client against the embedded sandbox, over real HTTP: every resource, and its refusals. */
@QuarkusTest
class RaasClientSandboxTest {

    static final String CUSTOMER = "ClientTests";
    static final String APPROVED = "4111111111111111";
    static final String DECLINED = "4000000000000002";

    @Inject
    RaasClient raas;

    @Test
    void anAccountIsCreatedAndReadBackWithItsBalanceInCents() throws Exception {
        String id = identifier();
        RaasAccount created = raas.createAccount(new AccountCreate(CUSTOMER, id, "finance@example.com"));
        assertEquals(id, created.identifier());
        assertEquals(CUSTOMER, created.customer());
        assertEquals(0L, created.availableBalance());

        raas.fund(new FundCreate(CUSTOMER, id, 12_345, "127.0.0.1", card(APPROVED, "12/39")));
        RaasAccount read = raas.account(CUSTOMER, id);
        assertEquals("finance@example.com", read.email());
        assertEquals(12_345L, read.availableBalance());
    }

    @Test
    void creatingTheSameAccountTwiceIsAlreadyExists() throws Exception {
        String id = account();
        RaasFailure.AlreadyExists e = assertThrows(RaasFailure.AlreadyExists.class,
                () -> raas.createAccount(new AccountCreate(CUSTOMER, id, "finance@example.com")));
        assertEquals(409, e.status());
        assertEquals(RaasEndpoint.ACCOUNT_CREATE, e.endpoint());
        assertTrue(e.errorMessage().isPresent());
    }

    @Test
    void anUnknownAccountIsNotFound() {
        RaasFailure.NotFound e = assertThrows(RaasFailure.NotFound.class, () -> raas.account(CUSTOMER, identifier()));
        assertEquals(404, e.status());
    }

    @Test
    void anInvalidIdentifierIsValidationFailedNamingTheField() {
        RaasFailure.ValidationFailed e = assertThrows(RaasFailure.ValidationFailed.class,
                () -> raas.createAccount(new AccountCreate(CUSTOMER, "bad id!", "finance@example.com")));
        assertEquals(403, e.status());
        assertEquals("Validation failed", e.statusReason().orElseThrow());
        assertTrue(e.invalidInputs().stream().anyMatch(i -> i.field().equals("identifier")), e.invalidInputs().toString());
    }

    @Test
    void fundingWithTheApprovedCardReturnsTheFundIdAndAmount() throws Exception {
        String id = account();
        FundReceipt receipt = raas.fund(new FundCreate(CUSTOMER, id, 100_000, "127.0.0.1", card(APPROVED, "12/39")));
        assertNotNull(receipt.fundId());
        assertEquals(100_000L, receipt.amount());
    }

    @Test
    void aDeclinedCardIsCardDeclinedWithAMessageForTheUser() throws Exception {
        String id = account();
        RaasFailure.CardDeclined e = assertThrows(RaasFailure.CardDeclined.class,
                () -> raas.fund(new FundCreate(CUSTOMER, id, 5_000, "127.0.0.1", card(DECLINED, "12/39"))));
        assertEquals(400, e.status());
        assertEquals("CC_DECLINED", e.denialCode());
        assertTrue(e.denialMessage().orElseThrow().contains("declined"));
        assertFalse(e.getMessage().contains(DECLINED), "the card number must not appear in the error");
        assertEquals(0L, raas.account(CUSTOMER, id).availableBalance());
    }

    @Test
    void aCardIsRegisteredChargedAndUnregistered() throws Exception {
        String id = account();
        CardRegistration registration = raas.registerCard(new CardRegister(CUSTOMER, id, "127.0.0.1",
                card(APPROVED, "2039-12")));
        assertNotNull(registration.ccToken());
        assertNotNull(registration.activeAt());

        FundReceipt receipt = raas.fundByCard(new CardFund(CUSTOMER, id, 2_500, "127.0.0.1",
                registration.ccToken(), "123"));
        assertEquals(2_500L, receipt.amount());
        assertEquals(2_500L, raas.account(CUSTOMER, id).availableBalance());

        CardRemoval removal = raas.unregisterCard(new CardUnregister(CUSTOMER, id, registration.ccToken()));
        assertEquals("This card is no longer present in the system.", removal.message());
        assertThrows(RaasFailure.NotFound.class, () -> raas.fundByCard(new CardFund(CUSTOMER, id, 2_500,
                "127.0.0.1", registration.ccToken(), "123")));
    }

    @Test
    void aCardRegisteredTwiceOrExpiredIsCardDeclinedWithTheSandboxsDenial() throws Exception {
        String id = account();
        CardRegister register = new CardRegister(CUSTOMER, id, "127.0.0.1", card(APPROVED, "2039-12"));
        raas.registerCard(register);
        RaasFailure.CardDeclined twice = assertThrows(RaasFailure.CardDeclined.class, () -> raas.registerCard(register));
        assertEquals(400, twice.status());
        assertEquals("CC_DUPEREGISTER", twice.denialCode());
        assertTrue(twice.denialMessage().orElseThrow().startsWith("This payment method has already been registered"));

        RaasFailure.CardDeclined expired = assertThrows(RaasFailure.CardDeclined.class, () -> raas.registerCard(
                new CardRegister(CUSTOMER, id, "127.0.0.1", card(APPROVED, "2016-01"))));
        assertEquals("CC_DECLINED", expired.denialCode());
        assertEquals("The credit card has expired. Please use another card.", expired.denialMessage().orElseThrow());
    }

    @Test
    void theCatalogListsFixedAndVariableRewardsInCents() throws Exception {
        Catalog catalog = raas.catalog();
        assertFalse(catalog.brands().isEmpty());
        Catalog.Reward custom = catalog.reward("TNGO-E-V-STD").orElseThrow();
        assertTrue(custom.variablePrice());
        assertEquals(100L, custom.minPrice());
        assertEquals(100_000L, custom.maxPrice());
        Catalog.Reward fixed = catalog.reward("APPL-E-1500-STD").orElseThrow();
        assertFalse(fixed.variablePrice());
        assertEquals(1_500L, fixed.unitPrice());
        assertEquals(1_500L, fixed.denomination());
    }

    @Test
    void anOrderIsPlacedAndReadBack() throws Exception {
        String id = fundedAccount(10_000);
        RaasOrder placed = raas.placeOrder(order(id, "TNGO-E-V-STD", 1_000L, null));
        assertNotNull(placed.orderId());
        assertEquals(1_000L, placed.amount());
        assertEquals("john.doe@example.com", placed.recipient().email());
        assertNotNull(placed.deliveredAt());
        assertNull(placed.reward(), "a reward RaaS mailed itself has no credentials in the answer");

        RaasOrder read = raas.order(placed.orderId());
        assertEquals(placed.orderId(), read.orderId());
        assertEquals(id, read.accountIdentifier());
        assertEquals("Thank you!", read.rewardMessage());
        assertEquals(9_000L, raas.account(CUSTOMER, id).availableBalance());
    }

    @Test
    void aFixedPriceOrderSendsNoAmount() throws Exception {
        String id = fundedAccount(10_000);
        RaasOrder placed = raas.placeOrder(order(id, "APPL-E-1500-STD", null, null));
        assertEquals(1_500L, placed.amount());
    }

    @Test
    void anOrderNotMailedByRaasReturnsTheRewardCredentials() throws Exception {
        String id = fundedAccount(10_000);
        RaasOrder placed = raas.placeOrder(order(id, "TNGO-E-V-STD", 500L, false));
        assertNotNull(placed.reward());
        assertNotNull(placed.reward().token());
        assertNotNull(placed.reward().number());
        assertFalse(placed.reward().toString().contains(placed.reward().number()));
    }

    @Test
    void anOrderBeyondTheBalanceIsInsufficientFundsWithTheAvailableBalance() throws Exception {
        String id = fundedAccount(700);
        RaasFailure.InsufficientFunds e = assertThrows(RaasFailure.InsufficientFunds.class,
                () -> raas.placeOrder(order(id, "TNGO-E-V-STD", 1_000L, null)));
        assertEquals(400, e.status());
        assertEquals(700L, e.availableBalance().orElseThrow());
    }

    @Test
    void theDocumentedAmazonFailureIsOutcomeUnknownWithItsErrorCode() throws Exception {
        String id = fundedAccount(10_000);
        RaasOutcomeUnknown e = assertThrows(RaasOutcomeUnknown.class,
                () -> raas.placeOrder(order(id, "AMZN-E-V-STD", 2_000L, null)));
        assertEquals(RaasFaultKind.SERVER_ERROR, e.kind());
        assertEquals(500, e.status().orElseThrow());
        assertEquals("RAAS:OC:1003", e.errorCode().orElseThrow());
        // Reconciling shows that nothing was bought.
        assertTrue(raas.allOrders(OrderQuery.window(CUSTOMER, id, null, null)).isEmpty());
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertThrows(RaasFailure.NotFound.class, () -> raas.order("999-99999999-99"));
    }

    @Test
    void allOrdersReadsEveryPageOfAWindow() throws Exception {
        String id = fundedAccount(100_000);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.ofHours(2)).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            raas.placeOrder(order(id, "TNGO-E-V-STD", 100L + i, null));
        }
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.ofHours(-8)).plusMinutes(1);

        OrderPage first = raas.orders(new OrderQuery(CUSTOMER, id, before, after, 0, 2));
        assertEquals(2, first.orders().size());
        assertEquals(5L, first.totalCount());
        assertEquals(2, first.resultCount());

        List<RaasOrder> all = raas.allOrders(new OrderQuery(CUSTOMER, id, before, after, null, 2));
        assertEquals(5, all.size());
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L), all.stream().map(RaasOrder::amount).toList());

        assertTrue(raas.allOrders(OrderQuery.window(CUSTOMER, id, after, after.plusDays(1))).isEmpty());
    }

    @Test
    void anOrderMailedByRaasIsResentOnceThenRefusedFor24Hours() throws Exception {
        String id = fundedAccount(10_000);
        RaasOrder placed = raas.placeOrder(order(id, "TNGO-E-V-STD", 1_000L, null));
        // The original mail counts as the last send.
        RaasFailure.ResendRefused e = assertThrows(RaasFailure.ResendRefused.class, () -> raas.resend(placed.orderId()));
        assertTrue(e.errorMessage().orElseThrow().startsWith("Cannot send more than once every 24 hours"));
    }

    @Test
    void anOrderRaasDidNotMailCannotBeResent() throws Exception {
        String id = fundedAccount(10_000);
        RaasOrder placed = raas.placeOrder(order(id, "TNGO-E-V-STD", 1_000L, false));
        RaasFailure.ResendRefused e = assertThrows(RaasFailure.ResendRefused.class, () -> raas.resend(placed.orderId()));
        assertEquals("Unable to resend requested reward.", e.errorMessage().orElseThrow());
    }

    @Test
    void resendingAnUnknownOrderIsNotFound() {
        RaasFailure failure = assertThrows(RaasFailure.class, () -> raas.resend("999-99999999-99"));
        assertInstanceOf(RaasFailure.NotFound.class, failure);
    }

    // ---- helpers ----

    static String identifier() {
        return "client-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    String account() throws RaasException {
        String id = identifier();
        raas.createAccount(new AccountCreate(CUSTOMER, id, "finance@example.com"));
        return id;
    }

    String fundedAccount(long cents) throws RaasException {
        String id = account();
        raas.fund(new FundCreate(CUSTOMER, id, Math.max(cents, 100), "127.0.0.1", card(APPROVED, "12/39")));
        if (cents < 100) {
            throw new IllegalArgumentException("RaaS funds at least 100 cents");
        }
        return id;
    }

    static CreditCard card(String number, String expiration) {
        return new CreditCard(number, expiration, "123", new BillingAddress("John", "Doe", "123 Sesame St",
                "Smallville", "WA", "11111", "USA", "test@example.com"));
    }

    static OrderCreate order(String account, String sku, Long amount, Boolean send) {
        return new OrderCreate(CUSTOMER, account, new Recipient("John Doe", "john.doe@example.com"), sku, amount,
                "A thank you", "Thank you!", "Accolade", send);
    }
}
