package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.APPROVED_CARD;
import static dev.accolade.raas.sandbox.Raas.FUTURE_YYYY_MM;
import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The same card registered twice to one account. The recorded sandbox response for cc_register
 * (recorded/bonusly-tangocard/tangocard_helpers.v1@ee88347.json, "sample_register_credit_card_response
 * [failure]") is a 400 with {@code success: false}, {@code denial_code: CC_DUPEREGISTER} and the
 * denial_message below; the spec's "Fund Create - Payment Error (Credit Card)" gives that body shape
 * its {@code X-Status-Reason}. The same card is the same number and expiry on the same account, until
 * it is unregistered ("This card is no longer present in the system.").
 */
@QuarkusTest
class SandboxDuplicateCardTest {

    static final String DUPLICATE_MESSAGE = "This payment method has already been registered, it can not be added "
            + "again. If there are any questions, please call our operations team directly at 1-877-558-2646 "
            + "(Monday - Friday, 8am - 6pm PDT).";

    static ExtractableResponse<Response> register(String customer, String id, String card, String expiration) {
        return raas().body(Raas.registerJson(customer, id, card, expiration, "123"))
                .post("/raas/v1/cc_register")
                .then().extract();
    }

    static void assertDuplicate(ExtractableResponse<Response> response) {
        assertThat(response.statusCode(), equalTo(400));
        assertThat(response.header("X-Status-Reason"), equalTo("Credit card authorization failure."));
        assertThat(response.header("Content-Type"), equalTo("application/json; charset=utf-8"));
        Map<String, Object> body = response.jsonPath().getMap("$");
        assertThat(body.keySet(), containsInAnyOrder("success", "denial_code", "denial_message"));
        assertThat(body.get("success"), equalTo(false));
        assertThat(body.get("denial_code"), equalTo("CC_DUPEREGISTER"));
        assertThat(body.get("denial_message"), equalTo(DUPLICATE_MESSAGE));
    }

    @Test
    void theSameCardRegisteredTwiceToOneAccountIsRefusedAsRecorded() {
        String id = Raas.createAccount("CompanyA");
        String token = register("CompanyA", id, APPROVED_CARD, FUTURE_YYYY_MM).jsonPath().getString("cc_token");

        assertDuplicate(register("CompanyA", id, APPROVED_CARD, FUTURE_YYYY_MM));
        assertThat(SandboxDb.cardsOf(Raas.PLATFORM, id), equalTo(1L));

        // the first registration is untouched and still funds
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200);
        assertThat(Raas.balance("CompanyA", id), equalTo(1000L));
    }

    @Test
    void theSameNumberWrittenWithSpacesOrDashesIsTheSameCard() {
        String id = Raas.createAccount("CompanyA");
        Raas.registerCard("CompanyA", id);
        assertDuplicate(register("CompanyA", id, "4111 1111 1111 1111", FUTURE_YYYY_MM));
        assertDuplicate(register("CompanyA", id, "4111-1111-1111-1111", FUTURE_YYYY_MM));
        assertThat(SandboxDb.cardsOf(Raas.PLATFORM, id), equalTo(1L));
    }

    @Test
    void aNewExpiryAnotherAccountOrAnotherPlatformIsANewRegistration() {
        String id = Raas.createAccount("CompanyA");
        String first = Raas.registerCard("CompanyA", id);

        // the card reissued with a new expiry
        String renewed = register("CompanyA", id, APPROVED_CARD, "2038-06").jsonPath().getString("cc_token");
        assertThat(register("CompanyA", id, APPROVED_CARD, "2038-06").statusCode(), equalTo(400));
        assertThat(renewed, not(equalTo(first)));

        // the same card on another account of the platform
        String another = Raas.createAccount("CompanyA");
        assertThat(register("CompanyA", another, APPROVED_CARD, FUTURE_YYYY_MM).statusCode(), equalTo(200));

        // and on an account of another platform
        String foreign = Raas.uniqueIdentifier();
        Raas.other().body(Raas.accountJson(foreign, "CompanyA")).post("/raas/v1/accounts").then().statusCode(201);
        Raas.other().body(Raas.registerJson("CompanyA", foreign, APPROVED_CARD, FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200)
                .body("success", equalTo(true));
        assertThat(SandboxDb.cardsOf(Raas.PLATFORM, id), equalTo(2L));
    }

    @Test
    void anUnregisteredCardCanBeRegisteredAgainUnderANewToken() {
        String id = Raas.createAccount("CompanyA");
        String old = Raas.registerCard("CompanyA", id);
        raas().body(Raas.unregisterJson("CompanyA", id, old))
                .post("/raas/v1/cc_unregister")
                .then().statusCode(200);

        ExtractableResponse<Response> again = register("CompanyA", id, APPROVED_CARD, FUTURE_YYYY_MM);
        assertThat(again.statusCode(), equalTo(200));
        assertThat(again.jsonPath().getBoolean("success"), equalTo(true));
        String renewed = again.jsonPath().getString("cc_token");
        assertThat(renewed, not(equalTo(old)));
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, old, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(404);
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, renewed, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200);
        assertDuplicate(register("CompanyA", id, APPROVED_CARD, FUTURE_YYYY_MM));
    }

    @Test
    void registrationsOfOneCardAtTheSameTimeRegisterItOnce() throws Exception {
        String id = Raas.createAccount("CompanyA");
        int attempts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return register("CompanyA", id, APPROVED_CARD, FUTURE_YYYY_MM);
                }));
            }
            start.countDown();
            int registered = 0;
            for (Future<ExtractableResponse<Response>> f : responses) {
                ExtractableResponse<Response> r = f.get(60, TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    registered++;
                } else {
                    assertDuplicate(r);
                }
            }
            assertThat(registered, equalTo(1));
        } finally {
            pool.shutdownNow();
        }
        assertThat(SandboxDb.cardsOf(Raas.PLATFORM, id), equalTo(1L));
    }
}
