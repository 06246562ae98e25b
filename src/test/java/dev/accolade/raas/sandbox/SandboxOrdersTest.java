package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code POST orders} and {@code GET orders/{order_id}}: prices, SKUs, funds, reward credentials when
 * RaaS does not send the reward itself, the documented Amazon $20 failure, and the order's shape.
 */
@QuarkusTest
class SandboxOrdersTest {

    static final String VARIABLE = "TNGO-E-V-STD";
    static final String FIXED = "APPL-E-1500-STD";
    static final String UNAVAILABLE = "AMCA-E-1000-STD";
    static final String AMAZON = "AMZN-E-V-STD";
    static final String DONATION = "AMRS-D-V-STD";

    @Test
    void anOrderIs201WithTheOrderAndItsLocation() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        JsonPath order = raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .contentType("application/json")
                .body("success", equalTo(true))
                .body("order.order_id", matchesPattern(Raas.ORDER_ID))
                .body("order.customer", equalTo("CompanyA"))
                .body("order.account_identifier", equalTo(id))
                .body("order.sku", equalTo(VARIABLE))
                .body("order.amount", equalTo(1000))
                .body("order.reward_message", equalTo("Thank you for participating in the XYZ survey."))
                .body("order.reward_subject", equalTo("XYZ Survey, thank you..."))
                .body("order.reward_from", equalTo("Jon Survey Doe"))
                .body("order.delivered_at", matchesPattern(Raas.ISO_WITH_OFFSET))
                .body("order.recipient.name", equalTo("John Doe"))
                .body("order.recipient.email", equalTo("john.doe@example.com"))
                // send_reward defaults to true: RaaS emails the reward and returns no credentials
                .body("order", not(hasKey("reward")))
                .extract().jsonPath();
        assertThat(order.getString("order.order_id"), notNullValue());
        assertThat(Raas.balance("CompanyA", id), equalTo(4000L));
    }

    @Test
    void theLocationHeaderPointsAtTheOrder() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        var response = raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L)).post("/raas/v1/orders");
        String orderId = response.then().statusCode(201).extract().path("order.order_id");
        String location = response.header("Location");
        assertThat(location, endsWith("/raas/v1/orders/" + orderId));
        given().auth().preemptive().basic(Raas.PLATFORM, Raas.KEY).get(location)
                .then().statusCode(200)
                .body("order.order_id", equalTo(orderId));
    }

    @Test
    void anOrderCanBeReadBack() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        JsonPath placed = raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1234L)).post("/raas/v1/orders")
                .then().statusCode(201).extract().jsonPath();
        String orderId = placed.getString("order.order_id");
        raas().get("/raas/v1/orders/" + orderId)
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .body("order.order_id", equalTo(orderId))
                .body("order.customer", equalTo("CompanyA"))
                .body("order.account_identifier", equalTo(id))
                .body("order.sku", equalTo(VARIABLE))
                .body("order.amount", equalTo(1234))
                .body("order.reward_subject", equalTo("XYZ Survey, thank you..."))
                .body("order.reward_message", equalTo("Thank you for participating in the XYZ survey."))
                .body("order.reward_from", equalTo("Jon Survey Doe"))
                .body("order.delivered_at", equalTo(placed.getString("order.delivered_at")))
                .body("order.recipient.email", equalTo("john.doe@example.com"))
                .body("order", not(hasKey("reward")));
    }

    @Test
    void anUnknownOrderIs404() {
        raas().get("/raas/v1/orders/199-99999999-99")
                .then().statusCode(404)
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
    }

    @Test
    void optionalMessageFieldsMayBeLeftOutAndComeBackNull() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body("""
                {"customer": "CompanyA", "account_identifier": "%s", "sku": "%s", "amount": 500,
                 "recipient": {"name": "Jo", "email": "jo@example.com"}}""".formatted(id, VARIABLE))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.reward_message", nullValue())
                .body("order.reward_subject", nullValue())
                .body("order", hasKey("reward_message"))
                .body("order", hasKey("reward_subject"));
    }

    @Test
    void theLongestTextsTheSchemaAllowsAreAccepted() {
        // order_create limits names and messages to 255 characters, counted as characters (each here is
        // two UTF-16 units), and gives the recipient's email a pattern but no length.
        String id = Raas.fundedAccount("CompanyA", 5000);
        String party = "\uD83C\uDF89".repeat(255);
        String email = "r." + "x".repeat(1000) + "@example.com";
        String escaped = "\\uD83C\\uDF89".repeat(255);
        String orderId = raas().body("""
                {"customer": "CompanyA", "account_identifier": "%s", "sku": "%s", "amount": 500,
                 "recipient": {"name": "%s", "email": "%s"},
                 "reward_subject": "%s", "reward_message": "%s", "reward_from": "%s"}"""
                .formatted(id, VARIABLE, escaped, email, escaped, escaped, escaped))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.recipient.name", equalTo(party))
                .body("order.recipient.email", equalTo(email))
                .body("order.reward_message", equalTo(party))
                .extract().jsonPath().getString("order.order_id");
        raas().get("/raas/v1/orders/{id}", orderId)
                .then().statusCode(200)
                .body("order.reward_subject", equalTo(party))
                .body("order.reward_from", equalTo(party))
                .body("order.recipient.email", equalTo(email));
    }

    @Test
    void aMessageOneCharacterOverTheSchemasLimitIs403() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body("""
                {"customer": "CompanyA", "account_identifier": "%s", "sku": "%s", "amount": 500,
                 "recipient": {"name": "Jo", "email": "jo@example.com"}, "reward_message": "%s"}"""
                .formatted(id, VARIABLE, "\\uD83C\\uDF89".repeat(256)))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("reward_message"));
    }

    // ---- prices ----

    @Test
    void aFixedPriceSkuCostsItsUnitPrice() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, FIXED, null))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.amount", equalTo(1500));
        assertThat(Raas.balance("CompanyA", id), equalTo(3500L));
    }

    @Test
    void anAmountIsRefusedForAFixedPriceSku() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        for (long amount : new long[] { 1500, 1000 }) {
            raas().body(Raas.orderJson("CompanyA", id, FIXED, amount))
                    .post("/raas/v1/orders")
                    .then().statusCode(403)
                    .header("X-Status-Reason", "Validation failed")
                    .body("success", equalTo(false))
                    .body("invalid_inputs.field", hasItem("amount"));
        }
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void anAmountIsRequiredForAVariablePriceSku() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, null))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("amount"));
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void aVariableAmountMustBeWithinTheSkusRange() {
        String id = Raas.fundedAccount("CompanyA", 500000);
        // TNGO-E-V-STD: min_price 100, max_price 100000
        for (long amount : new long[] { 99, 100001, 0 }) {
            raas().body(Raas.orderJson("CompanyA", id, VARIABLE, amount))
                    .post("/raas/v1/orders")
                    .then().statusCode(403)
                    .header("X-Status-Reason", "Validation failed")
                    .body("invalid_inputs.field", hasItem("amount"));
        }
        assertThat(Raas.balance("CompanyA", id), equalTo(500000L));
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 100L)).post("/raas/v1/orders")
                .then().statusCode(201).body("order.amount", equalTo(100));
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 100000L)).post("/raas/v1/orders")
                .then().statusCode(201).body("order.amount", equalTo(100000));
        assertThat(Raas.balance("CompanyA", id), equalTo(500000L - 100 - 100000));
    }

    @Test
    void aSkuWithALowerMinimumTakesSmallAmounts() {
        String id = Raas.fundedAccount("CompanyA", 1000);
        // AMRS-D-V-STD: min_price 1
        raas().body(Raas.orderJson("CompanyA", id, DONATION, 1L)).post("/raas/v1/orders")
                .then().statusCode(201).body("order.amount", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.5", "\"1000\"", "1e400", "-5" })
    void anAmountMustBeWholePositiveCents(String amount) {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 0L).replace("\"amount\": 0", "\"amount\": " + amount))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("amount"));
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void aWholeAmountWrittenWithADecimalPointIsAccepted() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 0L).replace("\"amount\": 0", "\"amount\": 1000.0"))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.amount", equalTo(1000));
    }

    // ---- SKUs ----

    @Test
    void anUnknownSkuIsRefused() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, "NOPE-E-V-STD", 1000L))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("sku"));
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void anUnavailableSkuIsRefused() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, UNAVAILABLE, null))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("sku"))
                .body("invalid_inputs.error", hasItem(containsString("not available")));
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
        assertThat(SandboxDb.ordersOf(Raas.PLATFORM, id), equalTo(0L));
    }

    // ---- funds ----

    @Test
    void anOrderTheBalanceCannotCoverIs400FundingFailed() {
        String id = Raas.fundedAccount("CompanyA", 999);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L))
                .post("/raas/v1/orders")
                .then().statusCode(400)
                .header("X-Status-Reason", "Funding Failed")
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error_message", notNullValue())
                .body("available_balance", equalTo(999));
        assertThat(Raas.balance("CompanyA", id), equalTo(999L));
        assertThat(SandboxDb.ordersOf(Raas.PLATFORM, id), equalTo(0L));
    }

    @Test
    void anOrderMayUseTheWholeBalance() {
        String id = Raas.fundedAccount("CompanyA", 1000);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L)).post("/raas/v1/orders").then().statusCode(201);
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 100L))
                .post("/raas/v1/orders")
                .then().statusCode(400)
                .header("X-Status-Reason", "Funding Failed")
                .body("available_balance", equalTo(0));
    }

    @Test
    void anOrderFromAnUnknownAccountIs404() {
        raas().body(Raas.orderJson("CompanyA", Raas.uniqueIdentifier(), VARIABLE, 1000L))
                .post("/raas/v1/orders")
                .then().statusCode(404)
                .body("success", equalTo(false));
    }

    @Test
    void anOrderNamingTheWrongCustomerIs404() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyB", id, VARIABLE, 1000L))
                .post("/raas/v1/orders")
                .then().statusCode(404);
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    // ---- send_reward false: the reward's credentials ----

    @Test
    void withoutSendRewardAnAmazonOrderReturnsItsClaimCode() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, AMAZON, 2500L, Raas.uniqueEmail(), false))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.reward.token", matchesPattern("^[0-9a-f]{14}\\.\\d{8}$"))
                .body("order.reward.number", matchesPattern("^[A-Z0-9]{4}-[A-Z0-9]{6}-[A-Z0-9]{4}$"))
                .body("order.reward", not(hasKey("pin")))
                .body("order.reward", not(hasKey("redemption_url")));
    }

    @Test
    void withoutSendRewardATangoCardOrderReturnsNumberPinAndRedemptionPage() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        JsonPath order = raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 2500L, Raas.uniqueEmail(), false))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.reward.token", notNullValue())
                .body("order.reward.number", matchesPattern("^\\d{16}$"))
                .body("order.reward.pin", matchesPattern("^\\d+$"))
                .body("order.reward.redemption_url", startsWith("http"))
                .extract().jsonPath();
        given().get(order.getString("order.reward.redemption_url"))
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString(order.getString("order.reward.number")))
                .body(containsString(order.getString("order.reward.pin")));
    }

    @Test
    void withoutSendRewardADonationReturnsARedemptionPageOnly() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, DONATION, 2500L, Raas.uniqueEmail(), false))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.reward.token", notNullValue())
                .body("order.reward.redemption_url", startsWith("http"))
                .body("order.reward", not(hasKey("number")))
                .body("order.reward", not(hasKey("pin")));
    }

    @Test
    void withoutSendRewardAGiftCardReturnsNumberAndPin() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, FIXED, null, Raas.uniqueEmail(), false))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.reward.token", notNullValue())
                .body("order.reward.number", matchesPattern("^\\d{16}$"))
                .body("order.reward.pin", matchesPattern("^\\d{4}$"));
    }

    @Test
    void theCredentialsComeBackWhenTheOrderIsReadButNotInLists() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        JsonPath placed = raas().body(Raas.orderJson(customer, id, AMAZON, 2500L, Raas.uniqueEmail(), false))
                .post("/raas/v1/orders")
                .then().statusCode(201).extract().jsonPath();
        String orderId = placed.getString("order.order_id");
        raas().get("/raas/v1/orders/" + orderId)
                .then().statusCode(200)
                .body("order.reward.token", equalTo(placed.getString("order.reward.token")))
                .body("order.reward.number", equalTo(placed.getString("order.reward.number")));
        raas().queryParam("customer", customer).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("orders.size()", equalTo(1))
                .body("orders[0]", not(hasKey("reward")));
    }

    @Test
    void sendRewardMustBeABoolean() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L, Raas.uniqueEmail(), false)
                        .replace("\"send_reward\": false", "\"send_reward\": \"false\""))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("send_reward"));
    }

    // ---- the documented sandbox failure ----

    @Test
    void amazonTwentyDollarsFailsWithRaasOc1003AndMovesNoMoney() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        raas().body(Raas.orderJson(customer, id, AMAZON, 2000L))
                .post("/raas/v1/orders")
                .then().statusCode(500)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error_message", equalTo("RAAS:OC:1003"));
        assertThat(Raas.balance(customer, id), equalTo(5000L));
        raas().queryParam("customer", customer).get("/raas/v1/orders")
                .then().statusCode(200).body("total_count", equalTo(0));

        // other Amazon denominations work
        raas().body(Raas.orderJson(customer, id, AMAZON, 2500L)).post("/raas/v1/orders").then().statusCode(201);
        assertThat(Raas.balance(customer, id), equalTo(2500L));
    }

    // ---- schema ----

    @Test
    void theRecipientIsValidatedByItsPath() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L)
                        .replace("\"name\": \"John Doe\"", "\"name\": \"J\"")
                        .replace("\"email\": \"john.doe@example.com\"", "\"email\": \"no-at-sign\""))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("recipient.name"))
                .body("invalid_inputs.field", hasItem("recipient.email"));
        raas().body("""
                {"customer": "CompanyA", "account_identifier": "%s", "sku": "%s", "amount": 500,
                 "recipient": {"name": "Jo"}}""".formatted(id, VARIABLE))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("recipient.email"));
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void anEmptySubjectIsRefusedButAnEmptyMessageIsNot() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L)
                        .replace("\"reward_subject\": \"XYZ Survey, thank you...\"", "\"reward_subject\": \"\""))
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("reward_subject"));
        raas().body(Raas.orderJson("CompanyA", id, VARIABLE, 1000L)
                        .replace("\"reward_message\": \"Thank you for participating in the XYZ survey.\"",
                                "\"reward_message\": \"\""))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order.reward_message", equalTo(""));
    }

    @Test
    void unknownOrderFieldsAreIgnored() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body("""
                {"customer": "CompanyA", "account_identifier": "%s", "sku": "%s", "amount": 500,
                 "campaign": "spring", "external_id": "x-1",
                 "recipient": {"name": "Jo", "email": "jo@example.com", "phone": "555-0100"}}""".formatted(id, VARIABLE))
                .post("/raas/v1/orders")
                .then().statusCode(201)
                .body("order", not(hasKey("campaign")))
                .body("order.recipient", not(hasKey("phone")));
    }

    @Test
    void everyRequiredFieldIsNamed() {
        raas().body("{}")
                .post("/raas/v1/orders")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("customer"))
                .body("invalid_inputs.field", hasItem("account_identifier"))
                .body("invalid_inputs.field", hasItem("recipient"))
                .body("invalid_inputs.field", hasItem("sku"));
    }
}
