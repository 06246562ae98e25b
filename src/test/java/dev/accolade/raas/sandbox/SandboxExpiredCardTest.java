package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.APPROVED_CARD;
import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A card past its expiry month is declined, as a card processor declines it: the spec's "Fund Create -
 * Payment Error (Credit Card)" (400, {@code X-Status-Reason: Credit card authorization failure.},
 * {@code denial_code} CC_DECLINED) on every authorization, {@code cc_register}, {@code POST funds} and
 * {@code cc_fund} of a registered card that has expired since. A card is valid through its expiry month.
 */
@QuarkusTest
class SandboxExpiredCardTest {

    static final String EXPIRED_MESSAGE = "The credit card has expired. Please use another card.";

    static void assertExpired(ValidatableResponse response) {
        Map<String, Object> body = response.statusCode(400)
                .header("X-Status-Reason", "Credit card authorization failure.")
                .header("Content-Type", "application/json; charset=utf-8")
                .extract().jsonPath().getMap("$");
        assertThat(body.keySet(), containsInAnyOrder("success", "denial_code", "denial_message"));
        assertThat(body.get("success"), equalTo(false));
        assertThat(body.get("denial_code"), equalTo("CC_DECLINED"));
        assertThat(body.get("denial_message"), equalTo(EXPIRED_MESSAGE));
    }

    static YearMonth thisMonth() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    @Test
    void ccRegisterDeclinesACardThatExpiredLongAgo() {
        // 2016-01 is the expiry of the v1.1 README's own cc_register example, valid when it was written.
        String id = Raas.createAccount("CompanyA");
        assertExpired(raas().body(Raas.registerJson("CompanyA", id, APPROVED_CARD, "2016-01", "123"))
                .post("/raas/v1/cc_register")
                .then());
        assertThat(SandboxDb.cardsOf(Raas.PLATFORM, id), equalTo(0L));
    }

    @Test
    void ccRegisterDeclinesLastMonthAndAcceptsThisMonth() {
        String id = Raas.createAccount("CompanyA");
        assertExpired(raas().body(Raas.registerJson("CompanyA", id, APPROVED_CARD,
                thisMonth().minusMonths(1).toString(), "123"))
                .post("/raas/v1/cc_register")
                .then());
        raas().body(Raas.registerJson("CompanyA", id, APPROVED_CARD, thisMonth().toString(), "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200)
                .body("success", equalTo(true));
        assertThat(SandboxDb.cardsOf(Raas.PLATFORM, id), equalTo(1L));
    }

    @Test
    void postFundsDeclinesAnExpiredCardAndMovesNoMoney() {
        String id = Raas.createAccount("CompanyA");
        assertExpired(raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD, "02/20"))
                .post("/raas/v1/funds")
                .then());
        assertExpired(raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD,
                thisMonth().minusMonths(1).format(DateTimeFormatter.ofPattern("MM/yy"))))
                .post("/raas/v1/funds")
                .then());
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
        assertThat(SandboxDb.fundsOf(Raas.PLATFORM, id), equalTo(0L));

        raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD,
                thisMonth().format(DateTimeFormatter.ofPattern("MM/yy"))))
                .post("/raas/v1/funds")
                .then().statusCode(200);
        assertThat(Raas.balance("CompanyA", id), equalTo(1000L));
    }

    @Test
    void anExpiredNumberThatWouldBeDeclinedAnywayIsDeclinedAsExpired() {
        String id = Raas.createAccount("CompanyA");
        assertExpired(raas().body(Raas.registerJson("CompanyA", id, "4000000000000119", "2016-01", "123"))
                .post("/raas/v1/cc_register")
                .then());
    }

    @Test
    void aRegisteredCardThatHasExpiredSinceIsDeclinedByCcFund() {
        String id = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", id);
        SandboxDb.cardExpires(token, thisMonth().minusMonths(1).toString());
        assertExpired(raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then());
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
        assertThat(SandboxDb.fundsOf(Raas.PLATFORM, id), equalTo(0L));

        SandboxDb.cardExpires(token, thisMonth().toString());
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200);
        assertThat(Raas.balance("CompanyA", id), equalTo(1000L));
    }
}
