package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.APPROVED_CARD;
import static dev.accolade.raas.sandbox.Raas.FUTURE_MM_YY;
import static dev.accolade.raas.sandbox.Raas.FUTURE_YYYY_MM;
import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Putting money into accounts: {@code POST funds} (2013) and {@code cc_register}, {@code cc_fund},
 * {@code cc_unregister} (2015), with the card activation delay off (the default).
 */
@QuarkusTest
class SandboxFundsTest {

    // ---- POST funds ----

    @Test
    void fundingWithTheApprovedCardCreditsTheAccount() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 100000, APPROVED_CARD, FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .body("fund_id", matchesPattern(Raas.FUND_ID))
                .body("amount", equalTo(100000));
        assertThat(Raas.balance("CompanyA", id), equalTo(100000L));

        Raas.fund("CompanyA", id, 2550);
        assertThat(Raas.balance("CompanyA", id), equalTo(102550L));
    }

    @Test
    void eachFundingHasItsOwnFundId() {
        String id = Raas.createAccount("CompanyA");
        String first = fundId(Raas.fundJson("CompanyA", id, 500, APPROVED_CARD, FUTURE_MM_YY));
        String second = fundId(Raas.fundJson("CompanyA", id, 500, APPROVED_CARD, FUTURE_MM_YY));
        assertThat(first, not(equalTo(second)));
    }

    @Test
    void fundingAnUnknownAccountIs404() {
        raas().body(Raas.fundJson("CompanyA", Raas.uniqueIdentifier(), 1000, APPROVED_CARD, FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(404)
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
    }

    @Test
    void fundingAnAccountUnderAnotherCustomerIs404() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyB", id, 1000, APPROVED_CARD, FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(404);
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
    }

    @Test
    void theFundAmountMustBeWithinTheSchemaLimits() {
        String id = Raas.createAccount("CompanyA");
        // fund_create: minimum 100, maximum 500000
        for (long amount : new long[] { 99, 500001, 0, -100 }) {
            raas().body(Raas.fundJson("CompanyA", id, amount, APPROVED_CARD, FUTURE_MM_YY))
                    .post("/raas/v1/funds")
                    .then().statusCode(403)
                    .header("X-Status-Reason", "Validation failed")
                    .body("invalid_inputs.field", hasItem("amount"));
        }
        Raas.fund("CompanyA", id, 100);
        Raas.fund("CompanyA", id, 500000);
        assertThat(Raas.balance("CompanyA", id), equalTo(500100L));
    }

    @Test
    void moneyIsWholeCents() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 0, APPROVED_CARD, FUTURE_MM_YY)
                        .replace("\"amount\": 0", "\"amount\": 1000.5"))
                .post("/raas/v1/funds")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("amount"));
        raas().body(Raas.fundJson("CompanyA", id, 0, APPROVED_CARD, FUTURE_MM_YY)
                        .replace("\"amount\": 0", "\"amount\": \"1000\""))
                .post("/raas/v1/funds")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("amount"));
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
    }

    @Test
    void aNestedSchemaFailureIsNamedByItsPath() {
        String id = Raas.createAccount("CompanyA");
        // The shape of the recorded sandbox failure: zip sent as a number.
        raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD, FUTURE_MM_YY)
                        .replace("\"zip\": \"11111\"", "\"zip\": 11111"))
                .post("/raas/v1/funds")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("success", equalTo(false))
                .body("error_message", notNullValue())
                .body("invalid_inputs.size()", equalTo(1))
                .body("invalid_inputs[0].field", equalTo("credit_card.billing_address.zip"))
                .body("invalid_inputs[0].error", allOf(containsString("integer"), containsString("string")));
    }

    @Test
    void aMissingNestedFieldIsNamedByItsPath() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD, FUTURE_MM_YY)
                        .replace("\"zip\": \"11111\",", ""))
                .post("/raas/v1/funds")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("credit_card.billing_address.zip"))
                .body("invalid_inputs.error", hasItem(containsString("zip")));
    }

    @Test
    void everyInvalidFieldIsListed() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 1000, "4111", "2039-12", "12")
                        .replace("\"client_ip\": \"127.0.0.1\"", "\"client_ip\": \"localhost\""))
                .post("/raas/v1/funds")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("client_ip"))
                .body("invalid_inputs.field", hasItem("credit_card.number"))
                .body("invalid_inputs.field", hasItem("credit_card.expiration"))
                .body("invalid_inputs.field", hasItem("credit_card.security_code"));
    }

    @Test
    void fundsTakesTheExpiryAsMonthSlashYear() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD, FUTURE_YYYY_MM))
                .post("/raas/v1/funds")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("credit_card.expiration"));
    }

    @Test
    void clientIpIsOptionalForFunds() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD, FUTURE_MM_YY)
                        .replace("\"client_ip\": \"127.0.0.1\",", ""))
                .post("/raas/v1/funds")
                .then().statusCode(200);
    }

    // ---- cc_register, cc_fund, cc_unregister ----

    @Test
    void aRegisteredCardIsActiveAtOnceAndFundsTheAccount() {
        // The test profile sets no activation delay; the default (5 minutes): SandboxCardActivationDelayTest.
        String id = Raas.createAccount("CompanyA");
        long before = Instant.now().getEpochSecond();
        JsonPath registered = raas().body(Raas.registerJson("CompanyA", id, APPROVED_CARD, FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .body("cc_token", matchesPattern("^\\d+$"))
                .body("active_date", notNullValue())
                .extract().jsonPath();
        long activeDate = registered.getLong("active_date");
        assertThat(activeDate, allOf(greaterThanOrEqualTo(before - 1), lessThanOrEqualTo(Instant.now().getEpochSecond() + 1)));

        String token = registered.getString("cc_token");
        raas().body(Raas.ccFundJson("CompanyA", id, 100000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("fund_id", matchesPattern(Raas.FUND_ID))
                .body("amount", equalTo(100000));
        assertThat(Raas.balance("CompanyA", id), equalTo(100000L));
    }

    @Test
    void ccFundHasNoUpperLimitInTheSchemaButIsWholeCentsFromOneDollar() {
        String id = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", id);
        raas().body(Raas.ccFundJson("CompanyA", id, 99, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("amount"));
        raas().body(Raas.ccFundJson("CompanyA", id, 1_000_000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200);
        assertThat(Raas.balance("CompanyA", id), equalTo(1_000_000L));
    }

    @Test
    void ccFundRefusesAmountsAboveTheSandboxsCeilingAndFractions() {
        String id = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", id);
        // the cc_fund schema sets no maximum; the sandbox takes at most $1,000,000 at once
        raas().body(Raas.ccFundJson("CompanyA", id, 100_000_001L, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("amount"))
                .body("invalid_inputs.error", hasItem(containsString("at most")));
        raas().body(Raas.ccFundJson("CompanyA", id, 0, token, "123").replace("\"amount\": 0", "\"amount\": 1e30"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(403)
                .body("invalid_inputs.error", hasItem(containsString("too large")));
        raas().body(Raas.ccFundJson("CompanyA", id, 0, token, "123").replace("\"amount\": 0", "\"amount\": 1000.25"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(403)
                .body("invalid_inputs.error", hasItem(containsString("whole number of cents")));
        raas().body(Raas.ccFundJson("CompanyA", id, 0, token, "123").replace("\"amount\": 0", "\"amount\": 1000.00"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200)
                .body("amount", equalTo(1000));
        assertThat(Raas.balance("CompanyA", id), equalTo(1000L));
    }

    @Test
    void ccFundRequiresEveryField() {
        raas().body("{}")
                .post("/raas/v1/cc_fund")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("customer"))
                .body("invalid_inputs.field", hasItem("account_identifier"))
                .body("invalid_inputs.field", hasItem("amount"))
                .body("invalid_inputs.field", hasItem("client_ip"))
                .body("invalid_inputs.field", hasItem("cc_token"))
                .body("invalid_inputs.field", hasItem("security_code"));
    }

    @Test
    void ccRegisterTakesTheExpiryAsYearDashMonth() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.registerJson("CompanyA", id, APPROVED_CARD, FUTURE_MM_YY, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("credit_card.expiration"));
    }

    @Test
    void ccRegisterForAnUnknownAccountIs404() {
        raas().body(Raas.registerJson("CompanyA", Raas.uniqueIdentifier(), APPROVED_CARD, FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(404)
                .body("success", equalTo(false));
    }

    @Test
    void anUnknownTokenCannotFund() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, "999999999999", "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(404)
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
    }

    @Test
    void aCardFundsOnlyTheAccountItWasRegisteredTo() {
        String mine = Raas.createAccount("CompanyA");
        String another = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", mine);
        raas().body(Raas.ccFundJson("CompanyA", another, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(404);
        assertThat(Raas.balance("CompanyA", another), equalTo(0L));
    }

    @Test
    void anUnregisteredCardIsGone() {
        String id = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", id);
        raas().body(Raas.unregisterJson("CompanyA", id, token))
                .post("/raas/v1/cc_unregister")
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .body("message", equalTo("This card is no longer present in the system."));

        raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(404);
        raas().body(Raas.unregisterJson("CompanyA", id, token))
                .post("/raas/v1/cc_unregister")
                .then().statusCode(404)
                .body("success", equalTo(false));
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
    }

    @Test
    void ccUnregisterAcceptsOrdinaryAccountIdentifiers() {
        // The published cc_unregister schema escapes its identifier pattern twice; the sandbox applies
        // the pattern every other schema uses, so the README's own example identifier is accepted.
        String id = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", id);
        raas().body(Raas.unregisterJson("CompanyA", id, token))
                .post("/raas/v1/cc_unregister")
                .then().statusCode(200);
        raas().body(Raas.unregisterJson("CompanyA", "bad id!", token))
                .post("/raas/v1/cc_unregister")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("account_identifier"));
    }

    @Test
    void aFundResponseCarriesNoCardDetails() {
        String id = Raas.createAccount("CompanyA");
        String body = raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD, FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(200)
                .body("$", not(hasKey("credit_card")))
                .extract().asString();
        assertThat(body, not(containsString(APPROVED_CARD)));
    }

    private static String fundId(String body) {
        return raas().body(body).post("/raas/v1/funds").then().statusCode(200).extract().path("fund_id");
    }
}
