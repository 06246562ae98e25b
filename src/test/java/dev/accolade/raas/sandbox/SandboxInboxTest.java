package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The sandbox inbox at {@code /raas-sandbox/inbox}: every reward RaaS would have emailed (orders
 * with send_reward true, and their resends), showing what the recipient would get.
 */
@QuarkusTest
class SandboxInboxTest {

    static final Pattern EMAIL_LINK = Pattern.compile("href=\"(/raas-sandbox/inbox/[^\"]+)\"");

    @Test
    void aSentRewardIsListedWithSubjectFromMessageBrandAndAmount() {
        String email = Raas.uniqueEmail();
        order(email, "TNGO-E-V-STD", 2500L, true);
        given().queryParam("q", email).get("/raas-sandbox/inbox")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString(email))
                .body(containsString("Jane Roe"))
                .body(containsString("A thank-you from the team"))
                .body(containsString("From Priya Manager"))
                .body(containsString("Thanks for shipping the release on time."))
                .body(containsString("Tango Card"))
                .body(containsString("$25.00"));
    }

    @Test
    void theEmailShowsSubjectFromMessageBrandAmountAndHowToRedeem() {
        String email = Raas.uniqueEmail();
        order(email, "AMZN-E-V-STD", 3000L, true);
        String page = given().get(onlyEmailOf(email)).then().statusCode(200).extract().asString();
        assertThat(page, containsString("A thank-you from the team")); // subject
        assertThat(page, containsString("Priya Manager")); // from
        assertThat(page, containsString("Thanks for shipping the release on time.")); // message
        assertThat(page, containsString("Amazon.com")); // brand
        assertThat(page, containsString("$30.00")); // amount
        assertThat(page, containsString("How to redeem"));
        assertThat(page, containsString("Claim code"));
        assertThat(page, containsString("Jane Roe"));
        assertThat(page, containsString(email));
    }

    @Test
    void aTangoCardEmailLinksToItsRedemptionPage() {
        String email = Raas.uniqueEmail();
        order(email, "TNGO-E-V-STD", 1000L, true);
        String page = given().get(onlyEmailOf(email)).then().statusCode(200).extract().asString();
        Matcher redeem = Pattern.compile("href=\"(https?://[^\"]+/raas-sandbox/redeem/[^\"]+)\"").matcher(page);
        assertThat(page, redeem.find(), equalTo(true));
        given().get(redeem.group(1))
                .then().statusCode(200)
                .body(containsString("Redeem your Tango Card reward"));
    }

    @Test
    void aRewardWithoutSendRewardIsNotInTheInbox() {
        String email = Raas.uniqueEmail();
        order(email, "TNGO-E-V-STD", 1000L, false);
        String page = given().queryParam("q", email).get("/raas-sandbox/inbox")
                .then().statusCode(200).extract().asString();
        assertThat(page, containsString("0 emails"));
        assertThat(page, not(containsString("Jane Roe")));
        assertThat(emailLinks(page).isEmpty(), equalTo(true));
    }

    @Test
    void aResendShowsAsASecondSend() {
        String email = Raas.uniqueEmail();
        String orderId = order(email, "TNGO-E-V-STD", 1000L, true);
        SandboxDb.lastSentAgo(orderId, Duration.ofDays(2));
        raas().post("/raas/v1/orders/" + orderId + "/resend").then().statusCode(200);
        given().queryParam("q", email).get("/raas-sandbox/inbox")
                .then().statusCode(200)
                .body(containsString("sent 2 times"));
        given().get(onlyEmailOf(email)).then().statusCode(200).body(containsString("sent 2 times"));
    }

    @Test
    void theRecipientsTextIsShownAsTextNeverAsMarkup() {
        String email = Raas.uniqueEmail();
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        raas().body(Raas.orderJson(customer, id, "TNGO-E-V-STD", 1000L, email, true)
                        .replace("Thanks for shipping the release on time.", "<script>alert(1)</script>"))
                .post("/raas/v1/orders").then().statusCode(201);
        String page = given().get(onlyEmailOf(email)).then().statusCode(200).extract().asString();
        assertThat(page, not(containsString("<script>alert(1)</script>")));
        assertThat(page, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void anUnknownEmailIs404() {
        given().get("/raas-sandbox/inbox/no-such-token").then().statusCode(404);
        given().get("/raas-sandbox/redeem/no-such-token").then().statusCode(404);
    }

    @Test
    void theSearchTextIsUrlEncodedInThePageLinks() {
        // More matching emails than a page holds, to a recipient whose address has a '+' (a space
        // once decoded, if the link did not encode it).
        String email = "pager+" + System.nanoTime() + "@example.com";
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 100000);
        for (int i = 0; i <= SandboxInboxResource.PAGE_SIZE; i++) {
            raas().body(Raas.orderJson(customer, id, "TNGO-E-V-STD", 100L, email, true))
                    .post("/raas/v1/orders").then().statusCode(201);
        }
        String encoded = email.replace("+", "%2B").replace("@", "%40");
        given().queryParam("q", email).get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("/raas-sandbox/inbox?page=2&q=" + encoded + "\">Older"));
        given().queryParam("q", email).queryParam("page", 2).get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("/raas-sandbox/inbox?page=1&q=" + encoded + "\">Newer"));
    }

    @Test
    void theInboxNeedsNoPlatformCredentials() {
        given().get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("Delivered emails"));
    }

    private static String order(String email, String sku, Long amount, boolean sendReward) {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 10000);
        return raas().body(Raas.orderJson(customer, id, sku, amount, email, sendReward))
                .post("/raas/v1/orders")
                .then().statusCode(201).extract().path("order.order_id");
    }

    /** The link to the one email the inbox holds for this recipient. */
    private static String onlyEmailOf(String email) {
        String page = given().queryParam("q", email).get("/raas-sandbox/inbox")
                .then().statusCode(200).extract().asString();
        List<String> links = emailLinks(page);
        assertThat(page, links.size(), equalTo(1));
        return links.get(0);
    }

    private static List<String> emailLinks(String page) {
        List<String> links = new ArrayList<>();
        Matcher m = EMAIL_LINK.matcher(page);
        while (m.find()) {
            if (!m.group(1).equals("/raas-sandbox/inbox")) {
                links.add(m.group(1));
            }
        }
        return links;
    }
}
