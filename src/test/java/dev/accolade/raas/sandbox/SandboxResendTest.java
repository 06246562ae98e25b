package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST orders/{order_id}/resend}: only orders whose reward RaaS emailed, once every 24 hours
 * from the last send, at the platform level, and 404 for an order the platform does not own.
 */
@QuarkusTest
class SandboxResendTest {

    static final String SKU = "TNGO-E-V-STD";

    @Test
    void anOrderLastSentMoreThan24HoursAgoIsResent() {
        String orderId = sentOrder();
        SandboxDb.lastSentAgo(orderId, Duration.ofHours(25));
        raas().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true));
        assertThat(SandboxDb.sendCount(orderId), equalTo(2));
    }

    @Test
    void theResendNeedsNoBodyNoContentTypeAndNoAccept() {
        String orderId = sentOrder();
        SandboxDb.lastSentAgo(orderId, Duration.ofDays(3));
        HttpResponse<String> response = RawHttp.post("/raas/v1/orders/" + orderId + "/resend", new byte[0],
                "Authorization", RawHttp.demoAuth());
        assertThat(response.body(), response.statusCode(), equalTo(200));
        assertThat(response.body(), equalTo("{\"success\":true}"));
    }

    @Test
    void aResendWithin24HoursOfTheOriginalSendIsRefused() {
        String orderId = sentOrder();
        raas().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("error_message", matchesPattern(
                        "^Cannot send more than once every 24 hours \\(last send at "
                                + "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00\\)$"));
        assertThat(SandboxDb.sendCount(orderId), equalTo(1));
    }

    @Test
    void aResendWithin24HoursOfTheLastResendIsRefused() {
        String orderId = sentOrder();
        SandboxDb.lastSentAgo(orderId, Duration.ofHours(23).plusMinutes(59));
        raas().post("/raas/v1/orders/" + orderId + "/resend").then().statusCode(400);

        SandboxDb.lastSentAgo(orderId, Duration.ofHours(24).plusMinutes(1));
        raas().post("/raas/v1/orders/" + orderId + "/resend").then().statusCode(200);
        String lastSend = raas().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(400)
                .extract().path("error_message");
        assertThat(lastSend, matchesPattern(".*\\(last send at \\S+\\)$"));
        assertThat(SandboxDb.sendCount(orderId), equalTo(2));
    }

    @Test
    void anOrderPlacedWithSendRewardFalseCannotBeResent() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String orderId = raas().body(Raas.orderJson(customer, id, SKU, 1000L, Raas.uniqueEmail(), false))
                .post("/raas/v1/orders")
                .then().statusCode(201).extract().path("order.order_id");
        SandboxDb.lastSentAgo(orderId, Duration.ofDays(2));
        raas().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("error_message", equalTo("Unable to resend requested reward."));
    }

    @Test
    void anUnknownOrderIs404OrderNotFound() {
        raas().post("/raas/v1/orders/115-0112257739-32/resend")
                .then().statusCode(404)
                .body("success", equalTo(false))
                .body("error_message", equalTo("order not found"));
    }

    @Test
    void anotherPlatformsOrderIs404() {
        String orderId = sentOrder();
        SandboxDb.lastSentAgo(orderId, Duration.ofDays(2));
        Raas.other().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(404)
                .body("error_message", equalTo("order not found"));
        assertThat(SandboxDb.sendCount(orderId), equalTo(1));
    }

    @Test
    void resendWorksAtThePlatformLevelForAnyOfItsAccounts() {
        String first = sentOrder();
        String second = sentOrder();
        SandboxDb.lastSentAgo(first, Duration.ofDays(2));
        SandboxDb.lastSentAgo(second, Duration.ofDays(2));
        // The resend names no account or customer: the platform's credentials are enough for both.
        raas().post("/raas/v1/orders/" + first + "/resend").then().statusCode(200);
        raas().post("/raas/v1/orders/" + second + "/resend").then().statusCode(200);
    }

    @Test
    void resendNeedsAuthenticationLikeEveryCall() {
        String orderId = sentOrder();
        given().post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(401)
                .header("WWW-Authenticate", notNullValue());
        given().auth().preemptive().basic(Raas.PLATFORM, "wrong").post("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(403)
                .header("X-Status-Reason", "Authentication failed");
    }

    @Test
    void resendIsAPost() {
        String orderId = sentOrder();
        raas().get("/raas/v1/orders/" + orderId + "/resend")
                .then().statusCode(405)
                .body("success", equalTo(false));
    }

    /** An order on a new account of the demo platform, its reward emailed by RaaS (send_reward true). */
    private static String sentOrder() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        return raas().body(Raas.orderJson(customer, id, SKU, 1000L, Raas.uniqueEmail(), true))
                .post("/raas/v1/orders")
                .then().statusCode(201).extract().path("order.order_id");
    }
}
