package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** With a card activation delay configured, a registered card funds nothing until its active_date. */
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
    void aCardCannotFundBeforeItsActiveDate() {
        String id = Raas.createAccount("CompanyA");
        JsonPath registered = raas()
                .body(Raas.registerJson("CompanyA", id, Raas.APPROVED_CARD, Raas.FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200).extract().jsonPath();
        String token = registered.getString("cc_token");

        raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("success", equalTo(false))
                .body("invalid_inputs.field", hasItem("cc_token"))
                .body("invalid_inputs.error", hasItem(containsString(registered.getString("active_date"))));
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));

        SandboxDb.activateNow(token);
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200);
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
