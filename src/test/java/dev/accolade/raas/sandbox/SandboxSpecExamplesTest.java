package dev.accolade.raas.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Every example request of the 2013 v1 README and of the 2015 v1 README, sent as written: the same
 * bodies, headers and query strings. Only what cannot be taken literally is changed: ids the sandbox
 * issued (cc_token, order_id) replace the README's sample ids, and the card expiries (02/20 and
 * 2016-11, months ahead when the READMEs were written and long past now, which a card processor
 * declines) are moved two years ahead of today.
 * The 2013 examples run as one platform and the 2015 examples as another, so both can create the
 * README's account 123456 of CompanyA.
 */
@QuarkusTest
class SandboxSpecExamplesTest {

    static final String ACCOUNT_CREATE = """
            {
            \t"identifier": "123456",
            \t"email"     : "demo@example.com",
            \t"customer"  : "CompanyA"
            }""";

    static final String FUNDS_2013 = """
            {
            \t"customer"          : "CompanyA",
            \t"account_identifier": "123456",
            \t"amount"            : 100000,
            \t"client_ip"         : "127.0.0.1",
            \t"credit_card"       : {
            \t\t"number"         : "4111111111111111",
            \t\t"expiration"     : "02/20",
            \t\t"security_code"  : "123",
            \t\t"billing_address": {
            \t\t\t"f_name" : "John",
            \t\t\t"l_name" : "Doe",
            \t\t\t"address": "123 Sesame St, Apt 1",
            \t\t\t"city"   : "Smallville",
            \t\t\t"state"  : "WA",
            \t\t\t"country": "USA",
            \t\t\t"zip"    : "11111",
            \t\t\t"email"  : "test@example.com"
            \t\t}
            \t}
            }""";

    static final String ORDER_CREATE = """
            {
            \t"customer"          : "CompanyA",
            \t"account_identifier": "123456",
            \t"recipient"         : {
            \t\t"name" : "John Doe",
            \t\t"email": "john.doe@example.com"
            \t},
            \t"sku"               : "TNGO-E-V-STD",
            \t"amount"            : 1000,
            \t"reward_message"    : "Thank you for participating in the XYZ survey.",
            \t"reward_subject"    : "XYZ Survey, thank you...",
            \t"reward_from"       : "Jon Survey Doe"
            }""";

    static final String CC_REGISTER = """
            {
              "customer": "CompanyA",
              "account_identifier": "123456",
              "client_ip": "55.44.33.22",
              "credit_card": {
                "number": "4111111111111111",
                "security_code": "123",
                "expiration": "2016-11",
                "billing_address": {
                  "f_name": "John",
                  "l_name": "Doe",
                  "address": "1234 Fake St",
                  "city": "Springfield",
                  "state": "WA",
                  "zip": "99196",
                  "country": "USA",
                  "email": "test@example.com"
                }
              }
            }""";

    static final String CC_FUND = """
            {
              "customer": "CompanyA",
              "account_identifier": "123456",
              "amount": 100000,
              "client_ip": "55.44.33.22",
              "security_code": "123",
              "cc_token": "152686945"
            }""";

    static final String CC_UNREGISTER = """
            {
              "customer": "CompanyA",
              "account_identifier": "123456",
              "cc_token": "152686945"
            }""";

    static final DateTimeFormatter MM_YY = DateTimeFormatter.ofPattern("MM/yy");

    /** A card expiry that is still ahead, as the READMEs' were when they were written. */
    static YearMonth ahead() {
        return YearMonth.now(ZoneOffset.UTC).plusYears(2);
    }

    /** Sends what the README shows: Basic auth, {@code Accept: *}{@code /*} and, for entities, exactly {@code Content-Type: application/json}. */
    static RequestSpecification asWritten(String platform, String key) {
        return given()
                .config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().preemptive().basic(platform, key)
                .header("Accept", "*/*");
    }

    static RequestSpecification posting(String platform, String key, String body) {
        return asWritten(platform, key).contentType("application/json").body(body);
    }

    @Test
    void theExamplesOfThe2013ReadmeWorkAsWritten() {
        String p = Raas.PLATFORM;
        String k = Raas.KEY;

        // POST /raas/v1/accounts
        posting(p, k, ACCOUNT_CREATE).post("/raas/v1/accounts")
                .then().statusCode(201)
                .contentType("application/json")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Location", endsWith("/raas/v1/accounts/CompanyA/123456"))
                .body("success", equalTo(true))
                .body("account.identifier", equalTo("123456"))
                .body("account.email", equalTo("demo@example.com"))
                .body("account.customer", equalTo("CompanyA"))
                .body("account.available_balance", equalTo(0));

        // GET /raas/v1/accounts/CompanyA/123456
        asWritten(p, k).get("/raas/v1/accounts/CompanyA/123456")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("account.identifier", equalTo("123456"))
                .body("account.email", equalTo("demo@example.com"))
                .body("account.customer", equalTo("CompanyA"))
                .body("account.available_balance", equalTo(0));

        // POST /raas/v1/funds
        posting(p, k, FUNDS_2013.replace("\"02/20\"", "\"" + ahead().format(MM_YY) + "\""))
                .post("/raas/v1/funds")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("fund_id", matchesPattern(Raas.FUND_ID))
                .body("amount", equalTo(100000));

        // GET /raas/v1/rewards
        rewardsExample(p, k);

        // POST /raas/v1/orders
        String orderId = orderExample(p, k);

        // GET /raas/v1/orders/123-12345678-12 (the order just placed)
        asWritten(p, k).get("/raas/v1/orders/" + orderId)
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("order.order_id", equalTo(orderId))
                .body("order.account_identifier", equalTo("123456"))
                .body("order.sku", equalTo("TNGO-E-V-STD"))
                .body("order.amount", equalTo(1000))
                .body("order.reward_message", equalTo("Thank you for participating in the XYZ survey."))
                .body("order.reward_subject", equalTo("XYZ Survey, thank you..."))
                .body("order.reward_from", equalTo("Jon Survey Doe"))
                .body("order.delivered_at", matchesPattern(Raas.ISO_WITH_OFFSET))
                .body("order.recipient.name", equalTo("John Doe"))
                .body("order.recipient.email", equalTo("john.doe@example.com"));

        assertThat(Raas.balance("CompanyA", "123456"), equalTo(99000L));
    }

    @Test
    void theOrderListExampleReturnsTheReadmesTwoOrders() {
        // The README lists two March 2013 orders of account 12345678; the sandbox is given the same.
        Raas.raas().body(Raas.accountJson("12345678", "CompanyA")).post("/raas/v1/accounts").then().statusCode(201);
        Raas.fund("CompanyA", "12345678", 5000);
        String abc = Raas.raas().body("""
                {"customer": "CompanyA", "account_identifier": "12345678",
                 "recipient": {"name": "John Doe", "email": "john.doe@example.com"},
                 "sku": "TNGO-E-V-STD", "amount": 1000,
                 "reward_message": "Thank you for participating in the ABC survey."}""")
                .post("/raas/v1/orders")
                .then().statusCode(201).extract().path("order.order_id");
        String xyz = Raas.raas().body(ORDER_CREATE.replace("123456", "12345678")).post("/raas/v1/orders")
                .then().statusCode(201).extract().path("order.order_id");
        SandboxDb.deliveredAt(abc, OffsetDateTime.parse("2013-03-11T22:20:56+00:00"));
        SandboxDb.deliveredAt(xyz, OffsetDateTime.parse("2013-03-12T15:17:16+00:00"));
        Raas.placeOrder("CompanyA", "12345678", "TNGO-E-V-STD", 500L); // today: outside the window

        asWritten(Raas.PLATFORM, Raas.KEY).urlEncodingEnabled(false)
                .get("/raas/v1/orders?start_date=2013-03-01T00:00:00-08:00&end_date=2013-04-01T00:00:00-08:00"
                        + "&offset=0&limit=2&account_identifier=12345678&customer=CompanyA")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("orders.order_id", contains(abc, xyz))
                .body("orders[0].account_identifier", equalTo("12345678"))
                .body("orders[0].sku", equalTo("TNGO-E-V-STD"))
                .body("orders[0].amount", equalTo(1000))
                .body("orders[0].reward_message", equalTo("Thank you for participating in the ABC survey."))
                .body("orders[0].reward_subject", nullValue())
                .body("orders[0].delivered_at", equalTo("2013-03-11T22:20:56+00:00"))
                .body("orders[0].recipient.name", equalTo("John Doe"))
                .body("orders[0].recipient.email", equalTo("john.doe@example.com"))
                .body("orders[1].reward_message", equalTo("Thank you for participating in the XYZ survey."))
                .body("orders[1].reward_subject", equalTo("XYZ Survey, thank you..."))
                .body("orders[1].reward_from", equalTo("Jon Survey Doe"))
                .body("orders[1].delivered_at", equalTo("2013-03-12T15:17:16+00:00"))
                .body("offset", equalTo(0))
                .body("limit", equalTo(2))
                .body("total_count", equalTo(2))
                .body("result_count", equalTo(2));
    }

    @Test
    void theExamplesOfThe2015ReadmeWorkAsWritten() {
        String p = Raas.OTHER_PLATFORM;
        String k = Raas.OTHER_KEY;

        // POST /raas/v1/accounts and GET /raas/v1/accounts/CompanyA/123456 (as in 2013)
        posting(p, k, ACCOUNT_CREATE).post("/raas/v1/accounts")
                .then().statusCode(201)
                .header("Location", endsWith("/raas/v1/accounts/CompanyA/123456"))
                .body("account.available_balance", equalTo(0));
        asWritten(p, k).get("/raas/v1/accounts/CompanyA/123456")
                .then().statusCode(200)
                .body("account.identifier", equalTo("123456"));

        // POST /raas/v1/cc_register
        long before = Instant.now().getEpochSecond();
        JsonPath registered = posting(p, k, CC_REGISTER.replace("\"2016-11\"", "\"" + ahead() + "\""))
                .post("/raas/v1/cc_register")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("cc_token", matchesPattern("^\\d+$"))
                .extract().jsonPath();
        assertThat(registered.getLong("active_date"), greaterThan(before - 2));
        String token = registered.getString("cc_token");

        // POST /raas/v1/cc_fund (with the cc_token the sandbox issued)
        posting(p, k, CC_FUND.replace("152686945", token)).post("/raas/v1/cc_fund")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("fund_id", matchesPattern(Raas.FUND_ID))
                .body("amount", equalTo(100000));

        // POST /raas/v1/cc_unregister
        posting(p, k, CC_UNREGISTER.replace("152686945", token)).post("/raas/v1/cc_unregister")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("message", equalTo("This card is no longer present in the system."));

        // GET /raas/v1/rewards, with the 2015 fields of fixed-price rewards
        rewardsExample(p, k);

        // POST /raas/v1/orders (the same body as in 2013)
        String orderId = orderExample(p, k);

        // POST /raas/v1/orders/123-12345678-12/resend: first within 24 hours of the original email...
        asWritten(p, k).post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("error_message", matchesPattern(
                        "^Cannot send more than once every 24 hours \\(last send at .+\\)$"));
        // ... then a day later
        SandboxDb.lastSentAgo(orderId, Duration.ofHours(25));
        asWritten(p, k).post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true));

        // "Order Not Found": POST /raas/v1/orders/115-0112257739-32/resend
        asWritten(p, k).post("/raas/v1/orders/115-0112257739-32/resend")
                .then().statusCode(404)
                .body("success", equalTo(false))
                .body("error_message", equalTo("order not found"));

        // GET /raas/v1/orders/123-12345678-12 (the order just placed)
        asWritten(p, k).get("/raas/v1/orders/" + orderId)
                .then().statusCode(200)
                .body("order.order_id", equalTo(orderId))
                .body("order.customer", equalTo("CompanyA"))
                .body("order.account_identifier", equalTo("123456"));

        // GET /raas/v1/orders with the README's query: nothing of account 12345678 on this platform
        asWritten(p, k).urlEncodingEnabled(false)
                .get("/raas/v1/orders?start_date=2013-03-01T00:00:00-08:00&end_date=2013-04-01T00:00:00-08:00"
                        + "&offset=0&limit=2&account_identifier=12345678&customer=CompanyA")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("orders", empty())
                .body("offset", equalTo(0))
                .body("limit", equalTo(2))
                .body("total_count", equalTo(0))
                .body("result_count", equalTo(0));

        assertThat(balanceOf(p, k), equalTo(99000L));
    }

    private static void rewardsExample(String platform, String key) {
        asWritten(platform, key).get("/raas/v1/rewards")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("brands.description", hasItems("Tango Card", "Amazon.com"))
                .body("brands.rewards.flatten().sku", hasItems("TNGO-E-V-STD", "AMZN-E-V-STD", "APPL-E-1500-STD",
                        "APPL-E-2500-STD", "APPL-E-5000-STD"))
                .body("brands.find { it.description == 'Tango Card' }.rewards[0].unit_price", equalTo(-1))
                .body("brands.find { it.description == 'Tango Card' }.rewards[0].min_price", equalTo(100))
                .body("brands.find { it.description == 'Tango Card' }.rewards[0].max_price", equalTo(100000))
                .body("brands.rewards.flatten().find { it.sku == 'APPL-E-2500-STD' }.unit_price", equalTo(2500))
                .body("brands.rewards.flatten().find { it.sku == 'APPL-E-2500-STD' }.denomination", equalTo(2500))
                .body("brands.rewards.flatten().find { it.sku == 'APPL-E-2500-STD' }.currency_code", equalTo("USD"))
                .body("brands.rewards.flatten().find { it.sku == 'APPL-E-2500-STD' }.locale", equalTo("en_US"));
    }

    private static String orderExample(String platform, String key) {
        var response = posting(platform, key, ORDER_CREATE).post("/raas/v1/orders");
        String orderId = response.then().statusCode(201)
                .header("Content-Type", "application/json; charset=utf-8")
                .body("success", equalTo(true))
                .body("order.order_id", matchesPattern(Raas.ORDER_ID))
                .body("order.customer", equalTo("CompanyA"))
                .body("order.account_identifier", equalTo("123456"))
                .body("order.sku", equalTo("TNGO-E-V-STD"))
                .body("order.amount", equalTo(1000))
                .body("order.reward_message", equalTo("Thank you for participating in the XYZ survey."))
                .body("order.reward_subject", equalTo("XYZ Survey, thank you..."))
                .body("order.reward_from", equalTo("Jon Survey Doe"))
                .body("order.delivered_at", matchesPattern(Raas.ISO_WITH_OFFSET))
                .body("order.recipient.name", equalTo("John Doe"))
                .body("order.recipient.email", equalTo("john.doe@example.com"))
                .body("order", not(hasKey("reward")))
                .extract().path("order.order_id");
        assertThat(response.header("Location"), endsWith("/raas/v1/orders/" + orderId));
        return orderId;
    }

    private static long balanceOf(String platform, String key) {
        return asWritten(platform, key).get("/raas/v1/accounts/CompanyA/123456")
                .then().statusCode(200).extract().jsonPath().getLong("account.available_balance");
    }
}
