package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A configured system_message is added to every response, successes and errors alike. */
@QuarkusTest
@TestProfile(TunedSandboxProfile.class)
class SandboxSystemMessageTest {

    static final String MESSAGE = TunedSandboxProfile.SYSTEM_MESSAGE;

    @Test
    void successesCarryTheSystemMessage() {
        raas().get("/raas/v1/rewards")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("system_message", equalTo(MESSAGE));
        String customer = Raas.uniqueCustomer();
        String id = Raas.uniqueIdentifier();
        raas().body(Raas.accountJson(id, customer)).post("/raas/v1/accounts")
                .then().statusCode(201).body("system_message", equalTo(MESSAGE));
        raas().get("/raas/v1/accounts/" + customer + "/" + id)
                .then().statusCode(200).body("system_message", equalTo(MESSAGE));
        raas().body(Raas.fundJson(customer, id, 5000, Raas.APPROVED_CARD, Raas.FUTURE_MM_YY)).post("/raas/v1/funds")
                .then().statusCode(200).body("system_message", equalTo(MESSAGE));
        String token = raas()
                .body(Raas.registerJson(customer, id, Raas.APPROVED_CARD, Raas.FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(200).body("system_message", equalTo(MESSAGE))
                .extract().path("cc_token");
        raas().body(Raas.unregisterJson(customer, id, token)).post("/raas/v1/cc_unregister")
                .then().statusCode(200).body("system_message", equalTo(MESSAGE));
        String orderId = raas().body(Raas.orderJson(customer, id, "TNGO-E-V-STD", 1000L)).post("/raas/v1/orders")
                .then().statusCode(201).body("system_message", equalTo(MESSAGE))
                .extract().path("order.order_id");
        raas().get("/raas/v1/orders/" + orderId)
                .then().statusCode(200).body("system_message", equalTo(MESSAGE));
        raas().queryParam("customer", customer).get("/raas/v1/orders")
                .then().statusCode(200).body("system_message", equalTo(MESSAGE));
        SandboxDb.lastSentAgo(orderId, Duration.ofDays(2));
        raas().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(200).body("system_message", equalTo(MESSAGE));
    }

    @Test
    void authenticationErrorsCarryTheSystemMessage() {
        given().get("/raas/v1/rewards")
                .then().statusCode(401).body("system_message", equalTo(MESSAGE));
        given().auth().preemptive().basic(Raas.PLATFORM, "wrong").get("/raas/v1/rewards")
                .then().statusCode(403).body("system_message", equalTo(MESSAGE));
    }

    @Test
    void requestErrorsCarryTheSystemMessage() {
        raas().body("{}").post("/raas/v1/accounts")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("system_message", equalTo(MESSAGE));
        raas().body("[]").post("/raas/v1/accounts")
                .then().statusCode(400).body("system_message", equalTo(MESSAGE));
        raas().get("/raas/v1/orders/199-99999999-99")
                .then().statusCode(404).body("system_message", equalTo(MESSAGE));
        raas().get("/raas/v1/funds")
                .then().statusCode(405).body("system_message", equalTo(MESSAGE));
        raas().header("Accept", "text/html").get("/raas/v1/rewards")
                .then().statusCode(400).body("system_message", equalTo(MESSAGE));
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.accountJson(id, "CompanyA")).post("/raas/v1/accounts")
                .then().statusCode(409).body("system_message", equalTo(MESSAGE));
        HttpResponse<String> tooLarge = RawHttp.post("/raas/v1/accounts",
                SandboxEntityLimitsTest.padded(Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA"), 70_000),
                "Authorization", RawHttp.demoAuth());
        assertThat(tooLarge.statusCode(), equalTo(413));
        assertThat(JsonPath.from(tooLarge.body()).getString("system_message"), equalTo(MESSAGE));
    }

    @Test
    void resourceErrorsCarryTheSystemMessage() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.createAccount(customer);
        raas().body(Raas.fundJson(customer, id, 1000, "4000000000000002", Raas.FUTURE_MM_YY)).post("/raas/v1/funds")
                .then().statusCode(400)
                .header("X-Status-Reason", "Credit card authorization failure.")
                .body("system_message", equalTo(MESSAGE));
        raas().body(Raas.orderJson(customer, id, "TNGO-E-V-STD", 1000L)).post("/raas/v1/orders")
                .then().statusCode(400)
                .header("X-Status-Reason", "Funding Failed")
                .body("system_message", equalTo(MESSAGE));
        Raas.fund(customer, id, 5000);
        raas().body(Raas.orderJson(customer, id, "AMZN-E-V-STD", 2000L)).post("/raas/v1/orders")
                .then().statusCode(500)
                .body("error_message", equalTo("RAAS:OC:1003"))
                .body("system_message", equalTo(MESSAGE));
    }
}
