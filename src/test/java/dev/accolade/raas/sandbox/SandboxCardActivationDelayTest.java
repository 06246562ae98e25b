package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * With the real sandbox's five-minute card activation delay (2015 v1 README, cc_register: "In the
 * sandbox environment the credit card registration delay is set to 5 minutes ... reflected in
 * active_date"), a registered card funds nothing until its active_date.
 */
@QuarkusTest
@TestProfile(TunedSandboxProfile.class)
class SandboxCardActivationDelayTest {

    @Test
    void activeDateIsTheRegistrationPlusTheDelay() {
        String id = Raas.createAccount("CompanyA");
        long before = Instant.now().getEpochSecond();
        long activeDate = raas().body(Raas.registerJson("CompanyA", id, Raas.APPROVED_CARD, Raas.FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200)
                .extract().jsonPath().getLong("active_date");
        long after = Instant.now().getEpochSecond();
        assertThat(activeDate, allOf(greaterThanOrEqualTo(before + 300 - 1), lessThanOrEqualTo(after + 300 + 1)));
    }

    @Test
    void aCardChargedBeforeItsActiveDateIsAPaymentErrorInReviewThatSaysWhenItCanFund() {
        String id = Raas.createAccount("CompanyA");
        JsonPath registered = raas()
                .body(Raas.registerJson("CompanyA", id, Raas.APPROVED_CARD, Raas.FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200).extract().jsonPath();
        String token = registered.getString("cc_token");
        long activeDate = registered.getLong("active_date");
        String activeAt = RaasDates.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(activeDate), ZoneOffset.UTC));

        Map<String, Object> body = raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(400)
                .header("X-Status-Reason", "Credit card authorization failure.")
                .header("Content-Type", "application/json; charset=utf-8")
                .extract().jsonPath().getMap("$");
        assertThat(body.keySet(), containsInAnyOrder("success", "denial_code", "denial_message", "system_message"));
        assertThat(body.get("success"), equalTo(false));
        assertThat(body.get("denial_code"), equalTo("CC_REVIEW"));
        assertThat(body.get("denial_message"), equalTo("This credit card is still being approved and can fund the "
                + "account from " + activeAt + " (active_date " + activeDate + "). Please try again then."));
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
        assertThat(SandboxDb.fundsOf(Raas.PLATFORM, id), equalTo(0L));

        SandboxDb.activateNow(token);
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("amount", equalTo(1000));
        assertThat(Raas.balance("CompanyA", id), equalTo(1000L));
    }

    @Test
    void theDelayDoesNotApplyToFundsWithCardDetails() {
        String id = Raas.createAccount("CompanyA");
        Raas.fund("CompanyA", id, 1000);
        assertThat(Raas.balance("CompanyA", id), equalTo(1000L));
    }

    @Test
    void aCardAwaitingActivationCanStillBeUnregistered() {
        String id = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", id);
        raas().body(Raas.unregisterJson("CompanyA", id, token))
                .post("/raas/v1/cc_unregister")
                .then().statusCode(200);
    }
}
