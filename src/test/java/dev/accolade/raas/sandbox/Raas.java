package dev.accolade.raas.sandbox;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/** Test helpers for calling the sandbox as the demo platform, the way v1 clients do. */
public final class Raas {

    public static final String PLATFORM = "accolade-demo";
    public static final String KEY = "sandbox-demo-key";
    public static final String OTHER_PLATFORM = "other-platform";
    public static final String OTHER_KEY = "other-key";
    public static final String APPROVED_CARD = "4111111111111111";
    /** A card expiry in the future, in the {@code POST funds} format (MM/YY). */
    public static final String FUTURE_MM_YY = "12/39";
    /** A card expiry in the future, in the {@code POST cc_register} format (YYYY-MM). */
    public static final String FUTURE_YYYY_MM = "2039-12";

    /** Order ids look like {@code 113-08258652-15}. */
    public static final String ORDER_ID = "^1\\d{2}-\\d{8}-\\d{2}$";
    /** Fund ids look like {@code RF13-09261098-12}. */
    public static final String FUND_ID = "^RF\\d{2}-\\d{8}-\\d{2}$";
    /** ISO 8601 with an offset, as RaaS writes it: {@code 2013-03-12T15:17:16+00:00}. */
    public static final String ISO_WITH_OFFSET = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$";

    private Raas() {
    }

    /** The demo platform, authenticated, JSON in and out. */
    public static RequestSpecification raas() {
        return given().auth().preemptive().basic(PLATFORM, KEY).contentType("application/json")
                .accept("application/json");
    }

    /** A second platform, configured for tests only. */
    public static RequestSpecification other() {
        return given().auth().preemptive().basic(OTHER_PLATFORM, OTHER_KEY).contentType("application/json");
    }

    public static String uniqueIdentifier() {
        return "acct-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** A customer name no other test uses, so that order lists can be filtered down to one test. */
    public static String uniqueCustomer() {
        return "Cust-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A recipient address no other test uses, to find one test's emails in the inbox. */
    public static String uniqueEmail() {
        return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    public static String accountJson(String identifier, String customer) {
        return """
                {"identifier": "%s", "email": "finance@example.com", "customer": "%s"}""".formatted(identifier, customer);
    }

    public static String createAccount(String customer) {
        String id = uniqueIdentifier();
        raas().body(accountJson(id, customer)).post("/raas/v1/accounts").then().statusCode(201);
        return id;
    }

    public static String fundJson(String customer, String identifier, long amount, String card, String expiration) {
        return fundJson(customer, identifier, amount, card, expiration, "123");
    }

    public static String fundJson(String customer, String identifier, long amount, String card, String expiration,
            String securityCode) {
        return """
                {
                    "customer": "%s", "account_identifier": "%s", "amount": %d, "client_ip": "127.0.0.1",
                    "credit_card": {
                        "number": "%s", "expiration": "%s", "security_code": "%s",
                        "billing_address": {
                            "f_name": "John", "l_name": "Doe", "address": "123 Sesame St, Apt 1",
                            "city": "Smallville", "state": "WA", "country": "USA", "zip": "11111",
                            "email": "test@example.com"
                        }
                    }
                }""".formatted(customer, identifier, amount, card, expiration, securityCode);
    }

    /** Funds an account with the approved test card through {@code POST funds}. */
    public static void fund(String customer, String identifier, long cents) {
        raas().body(fundJson(customer, identifier, cents, APPROVED_CARD, FUTURE_MM_YY)).post("/raas/v1/funds")
                .then().statusCode(200);
    }

    /** Creates an account and funds it with the approved test card. */
    public static String fundedAccount(String customer, long cents) {
        String id = createAccount(customer);
        fund(customer, id, cents);
        return id;
    }

    public static long balance(String customer, String identifier) {
        return raas().get("/raas/v1/accounts/{customer}/{identifier}", customer, identifier)
                .then().statusCode(200)
                .extract().jsonPath().getLong("account.available_balance");
    }

    public static String registerJson(String customer, String identifier, String card, String expiration,
            String securityCode) {
        return """
                {
                  "customer": "%s", "account_identifier": "%s", "client_ip": "55.44.33.22",
                  "credit_card": {
                    "number": "%s", "security_code": "%s", "expiration": "%s",
                    "billing_address": {
                      "f_name": "John", "l_name": "Doe", "address": "1234 Fake St", "city": "Springfield",
                      "state": "WA", "zip": "99196", "country": "USA", "email": "test@example.com"
                    }
                  }
                }""".formatted(customer, identifier, card, securityCode, expiration);
    }

    /** Registers the approved test card to the account and returns its {@code cc_token}. */
    public static String registerCard(String customer, String identifier) {
        return raas().body(registerJson(customer, identifier, APPROVED_CARD, FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200)
                .extract().jsonPath().getString("cc_token");
    }

    public static String ccFundJson(String customer, String identifier, long amount, String token,
            String securityCode) {
        return """
                {"customer": "%s", "account_identifier": "%s", "amount": %d, "client_ip": "55.44.33.22",
                 "security_code": "%s", "cc_token": "%s"}""".formatted(customer, identifier, amount, securityCode,
                token);
    }

    public static String unregisterJson(String customer, String identifier, String token) {
        return """
                {"customer": "%s", "account_identifier": "%s", "cc_token": "%s"}""".formatted(customer, identifier,
                token);
    }

    public static String orderJson(String customer, String identifier, String sku, Long amount) {
        return """
                {
                    "customer": "%s", "account_identifier": "%s",
                    "recipient": {"name": "John Doe", "email": "john.doe@example.com"},
                    "sku": "%s",%s
                    "reward_message": "Thank you for participating in the XYZ survey.",
                    "reward_subject": "XYZ Survey, thank you...",
                    "reward_from": "Jon Survey Doe"
                }""".formatted(customer, identifier, sku, amount == null ? "" : " \"amount\": " + amount + ",");
    }

    /** An order to the given recipient, with {@code send_reward} set explicitly. */
    public static String orderJson(String customer, String identifier, String sku, Long amount, String email,
            boolean sendReward) {
        return """
                {
                    "customer": "%s", "account_identifier": "%s",
                    "recipient": {"name": "Jane Roe", "email": "%s"},
                    "sku": "%s",%s
                    "reward_message": "Thanks for shipping the release on time.",
                    "reward_subject": "A thank-you from the team",
                    "reward_from": "Priya Manager",
                    "send_reward": %s
                }""".formatted(customer, identifier, email, sku,
                amount == null ? "" : " \"amount\": " + amount + ",", sendReward);
    }

    /** Places an order that must succeed and returns its {@code order_id}. */
    public static String placeOrder(String customer, String identifier, String sku, Long amount) {
        return raas().body(orderJson(customer, identifier, sku, amount)).post("/raas/v1/orders")
                .then().statusCode(201)
                .extract().jsonPath().getString("order.order_id");
    }
}
