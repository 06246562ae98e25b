package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Platforms come from configuration and several exist; one platform's accounts, cards and orders are
 * 404 to another, whatever it tries, and nothing it does moves the first platform's money.
 */
@QuarkusTest
class SandboxPlatformIsolationTest {

    static final String SKU = "TNGO-E-V-STD";

    @Test
    void anotherPlatformCannotSeeTheAccount() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        Raas.other().get("/raas/v1/accounts/CompanyA/" + id)
                .then().statusCode(404)
                .body("success", equalTo(false));
    }

    @Test
    void anotherPlatformCannotFundTheAccount() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        Raas.other().body(Raas.fundJson("CompanyA", id, 1000, Raas.APPROVED_CARD, Raas.FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(404);
        Raas.other().body(Raas.registerJson("CompanyA", id, Raas.APPROVED_CARD, Raas.FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(404);
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void anotherPlatformCannotUseOrRemoveTheCard() {
        String id = Raas.createAccount("CompanyA");
        String token = Raas.registerCard("CompanyA", id);
        // even with an account of the same name on its own side
        Raas.other().body(Raas.accountJson(id, "CompanyA")).post("/raas/v1/accounts").then().statusCode(201);
        Raas.other().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(404);
        Raas.other().body(Raas.unregisterJson("CompanyA", id, token))
                .post("/raas/v1/cc_unregister")
                .then().statusCode(404);
        raas().body(Raas.ccFundJson("CompanyA", id, 1000, token, "123"))
                .post("/raas/v1/cc_fund")
                .then().statusCode(200);
    }

    @Test
    void anotherPlatformCannotOrderFromTheAccount() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        Raas.other().body(Raas.orderJson("CompanyA", id, SKU, 1000L))
                .post("/raas/v1/orders")
                .then().statusCode(404);
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void anAccountOfTheSameNameOnAnotherPlatformIsAnotherAccount() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        Raas.other().body(Raas.accountJson(id, "CompanyA")).post("/raas/v1/accounts")
                .then().statusCode(201)
                .body("account.available_balance", equalTo(0));
        Raas.other().body(Raas.orderJson("CompanyA", id, SKU, 1000L))
                .post("/raas/v1/orders")
                .then().statusCode(400)
                .header("X-Status-Reason", "Funding Failed")
                .body("available_balance", equalTo(0));
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
    }

    @Test
    void anotherPlatformCannotReadOrResendTheOrder() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String orderId = Raas.placeOrder(customer, id, SKU, 1000L);
        SandboxDb.lastSentAgo(orderId, Duration.ofDays(2));
        Raas.other().get("/raas/v1/orders/" + orderId)
                .then().statusCode(404)
                .body("success", equalTo(false));
        Raas.other().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(404);
        Raas.other().queryParam("customer", customer).queryParam("account_identifier", id).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("total_count", equalTo(0));
        raas().get("/raas/v1/orders/" + orderId).then().statusCode(200);
    }
}
