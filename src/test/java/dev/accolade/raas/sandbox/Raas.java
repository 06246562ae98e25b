package dev.accolade.raas.sandbox;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/** Test helpers for calling the sandbox as the demo platform, the way v1 clients do. */
public final class Raas {

    public static final String PLATFORM = "accolade-demo";
    public static final String KEY = "sandbox-demo-key";
    public static final String APPROVED_CARD = "4111111111111111";

    private Raas() {
    }

    /** The demo platform, authenticated, JSON in and out. */
    public static RequestSpecification raas() {
        return given().auth().preemptive().basic(PLATFORM, KEY).contentType("application/json")
                .accept("application/json");
    }

    /** A second platform, configured for tests only. */
    public static RequestSpecification other() {
        return given().auth().preemptive().basic("other-platform", "other-key").contentType("application/json");
    }

    public static String uniqueIdentifier() {
        return "acct-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
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
        return """
                {
                    "customer": "%s", "account_identifier": "%s", "amount": %d, "client_ip": "127.0.0.1",
                    "credit_card": {
                        "number": "%s", "expiration": "%s", "security_code": "123",
                        "billing_address": {
                            "f_name": "John", "l_name": "Doe", "address": "123 Sesame St, Apt 1",
                            "city": "Smallville", "state": "WA", "country": "USA", "zip": "11111",
                            "email": "test@example.com"
                        }
                    }
                }""".formatted(customer, identifier, amount, card, expiration);
    }

    /** Creates an account and funds it with the approved test card. */
    public static String fundedAccount(String customer, long cents) {
        String id = createAccount(customer);
        raas().body(fundJson(customer, id, cents, APPROVED_CARD, "12/39")).post("/raas/v1/funds")
                .then().statusCode(200);
        return id;
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
}
