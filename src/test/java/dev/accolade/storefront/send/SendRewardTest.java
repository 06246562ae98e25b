package dev.accolade.storefront.send;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.orders.RewardOrder;

@QuarkusTest
class SendRewardTest {

    @Inject
    DemoRaasAccounts demoAccounts;

    @Inject
    dev.accolade.storefront.security.RefusalTally refusals;

    @BeforeEach
    void accounts() {
        demoAccounts.ensure();
    }

    static Object[] form(String token, String sku, String email, String amount, String message) {
        return new Object[] { "token", token, "sku", sku, "recipientName", "", "recipientEmail", email,
                "amount", amount, "subject", "Thank you!", "message", message, "from", "Morgan" };
    }

    /** Orders RaaS holds for the engineering account and this recipient. */
    static int raasOrdersTo(String email) {
        return given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key")
                .get("/raas/v1/orders?customer=Accolade&account_identifier=accolade-engineering&limit=100")
                .then().statusCode(200).extract().jsonPath().getList("orders.findAll { it.recipient.email == '"
                        + email + "' }").size();
    }

    @Test
    void theCatalogListsBrandsFiltersThemAndShowsTheBalance() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/catalog").then().statusCode(200)
                .body(containsString("Amazon.com"))
                .body(containsString("iTunes"))
                .body(containsString("Engineering balance"))
                .body(containsString("/raas-sandbox/images/"));
        b.get("/catalog?q=itunes").then().statusCode(200)
                .body(containsString("iTunes E-Gift Card $25"))
                .body(not(containsString("Amazon E-Gift Card Custom")));
        b.get("/catalog?type=variable&q=amazon").then().statusCode(200)
                .body(containsString("Amazon E-Gift Card Custom"));
        b.get("/catalog?q=zzzz-no-such-brand").then().statusCode(200).body(containsString("No rewards match"));
    }

    @Test
    void theCatalogIsPagedTwelveBrandsAtATimeKeepingTheFilter() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/catalog").then().statusCode(200)
                .body(containsString("112 rewards from 49 brands, page 1 of 5."))
                .body(containsString("Blue Dolphin"))
                .body(not(containsString("Zappos")))
                .body(containsString("href=\"/catalog?page=2\" rel=\"next\""))
                .body(not(containsString("rel=\"prev\"")));
        b.get("/catalog?page=5").then().statusCode(200)
                .body(containsString("page 5 of 5."))
                .body(containsString("Zappos"))
                .body(not(containsString("Blue Dolphin")))
                .body(containsString("href=\"/catalog?page=4\" rel=\"prev\""))
                .body(not(containsString("rel=\"next\"")));
        b.get("/catalog?page=99").then().statusCode(200).body(containsString("page 5 of 5."));
        b.get("/catalog?page=nonsense").then().statusCode(200).body(containsString("page 1 of 5."));
        b.get("/catalog?type=variable&q=e&page=2").then().statusCode(200)
                .body(containsString("href=\"/catalog?q=e&amp;type=variable\" rel=\"prev\""));
    }

    @Test
    void theRecipientTypeAheadOffersOnlyTheManagersOwnColleagues() {
        Browser engineering = Browser.signedIn("manager@accolade.test");
        engineering.get("/send/colleagues?recipientEmail=HOP").then().statusCode(200)
                .body(containsString("<option value=\"grace.hopper@accolade.test\">Grace Hopper</option>"))
                .body(not(containsString("ada.lovelace")));
        engineering.get("/send/colleagues?recipientEmail=marie").then().statusCode(200)
                .body(not(containsString("marie.curie")));
        engineering.get("/send/colleagues").then().statusCode(200)
                .body(containsString("ada.lovelace@accolade.test"))
                .body(containsString("alan.turing@accolade.test"))
                .body(not(containsString("linus.pauling")));
        Browser sales = Browser.signedIn("sales.manager@accolade.test");
        sales.get("/send/colleagues?recipientEmail=marie").then().statusCode(200)
                .body(containsString("marie.curie@accolade.test"));
        sales.get("/send/colleagues").then().statusCode(200)
                .body(containsString("linus.pauling@accolade.test"))
                .body(not(containsString("grace.hopper")));
        Browser.signedIn("hr@accolade.test").get("/send/colleagues?recipientEmail=a").then().statusCode(403);
    }

    @Test
    void myRewardsTakesAnyPageAndSearchTextWithoutAnError() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/rewards?page=abc").then().statusCode(200).body(containsString("name=\"q\""));
        b.get("/rewards?page=-3&status=NOPE&q=x<y").then().statusCode(200)
                .body(containsString("value=\"x&lt;y\""));
    }

    @Test
    void sendButtonsAppearForManagersOnlyWhateverWasRenderedBefore() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        Browser hr = Browser.signedIn("hr@accolade.test");
        for (int round = 0; round < 2; round++) {
            manager.get("/catalog").then().statusCode(200)
                    .body(containsString("href=\"/send?sku=APPL-E-2500-STD\""));
            hr.get("/catalog").then().statusCode(200)
                    .body(containsString("iTunes E-Gift Card $25"))
                    .body(not(containsString("/send?sku=")));
            hr.get("/catalog?q=itunes").then().statusCode(200)
                    .body(containsString("6 rewards from 2 brands"))
                    .body(not(containsString("/send?sku=")));
            manager.get("/catalog?q=itunes&max=20").then().statusCode(200)
                    .body(containsString("href=\"/send?sku=APPL-E-1500-STD\""))
                    .body(not(containsString("APPL-E-2500-STD")));
        }
    }

    @Test
    void aManagerSendsAVariableRewardAndSeesItDeliveredAndInTheInbox() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        String email = "ada.lovelace@accolade.test";
        b.get("/send?sku=TNGO-E-V-STD").then().statusCode(200).body(containsString("Send Tango Card E-Custom"))
                .body(containsString("Ada Lovelace"));
        b.post("/send/review?sku=TNGO-E-V-STD", "token", token, "sku", "TNGO-E-V-STD", "recipientEmail", email,
                "recipientName", "", "amount", "12.50", "subject", "Thanks", "message", "Great talk", "from", "Morgan")
                .then().statusCode(200).body(containsString("Review your reward"))
                .body(containsString("Ada Lovelace")).body(containsString("$12.50"));
        int before = raasOrdersTo(email);
        Response r = b.post("/send", form(token, "TNGO-E-V-STD", email, "12.50", "Great talk"));
        r.then().statusCode(303).header("Location", containsString("/rewards/"));
        String location = r.getHeader("Location");
        b.get(location).then().statusCode(200).body(containsString("Delivered"))
                .body(containsString("Your reward is on its way to Ada Lovelace"));
        assertEquals(before + 1, raasOrdersTo(email));
        given().get("/raas-sandbox/inbox?q=ada.lovelace").then().statusCode(200).body(containsString("Thank you!"));
        b.get("/rewards").then().statusCode(200).body(containsString("Ada Lovelace")).body(containsString("$12.50"));
    }

    @Test
    void sendingTheSameFormTwiceOrdersOnce() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        String email = "grace.hopper@accolade.test";
        int before = raasOrdersTo(email);
        String first = b.post("/send", form(token, "APPL-E-1500-STD", email, "", "Once")).getHeader("Location");
        Response again = b.post("/send", form(token, "APPL-E-1500-STD", email, "", "Once"));
        assertEquals(first, again.getHeader("Location"));
        b.get(first).then().body(containsString("already sent once"));
        assertEquals(before + 1, raasOrdersTo(email));
    }

    @Test
    void twentyConcurrentSubmissionsOfOneFormOrderOnce() throws Exception {
        Browser b = Browser.signedIn("manager@accolade.test");
        String token = UUID.randomUUID().toString();
        String email = "alan.turing@accolade.test";
        int before = raasOrdersTo(email);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return b.post("/send", form(token, "APPL-E-1000-STD", email, "", "Concurrent")).getHeader("Location");
            }));
        }
        start.countDown();
        Set<String> locations = new HashSet<>();
        for (Future<String> f : results) {
            locations.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, locations.size(), "every submission shows the same order: " + locations);
        assertEquals(before + 1, raasOrdersTo(email));
        long rows = QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", token));
        assertEquals(1, rows);
    }

    @Test
    void invalidInputIsExplainedNextToEachField() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.post("/send/review", "token", UUID.randomUUID().toString(), "sku", "TNGO-E-V-STD", "recipientEmail",
                "not-an-email", "recipientName", "X", "amount", "5000", "message", "hi").then().statusCode(200)
                .body(containsString("Enter a valid email address"))
                .body(containsString("Choose an amount from $1.00 to $1,000.00"))
                .body(containsString("at least 2 characters"))
                .body(containsString("aria-invalid=\"true\""));
    }

    @Test
    void theDirectoryFillsInOnlyTheManagersOwnColleagues() {
        Browser b = Browser.signedIn("manager@accolade.test");
        // A colleague from Engineering: the name comes from the directory.
        b.post("/send/review", "token", UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD", "recipientEmail",
                "grace.hopper@accolade.test")
                .then().statusCode(200).body(containsString("Grace Hopper &lt;grace.hopper@accolade.test&gt;"));
        // Someone from Sales is, to an Engineering manager, any other address: their name must be typed.
        b.post("/send/review", "token", UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD", "recipientEmail",
                "marie.curie@accolade.test")
                .then().statusCode(200)
                .body(containsString("name (at least 2 characters)"))
                .body(not(containsString("Marie Curie")));
    }

    @Test
    void insufficientFundsFailsWithTheBalanceAndMovesNoMoney() {
        Browser b = Browser.signedIn("manager@accolade.test");
        // Sales starts with $5,000; a $1,000 Tango Card per send drains it, and the sixth is refused.
        Browser sales = Browser.signedIn("sales.manager@accolade.test");
        String last = null;
        for (int i = 0; i < 6; i++) {
            last = sales.post("/send", form(UUID.randomUUID().toString(), "TNGO-E-V-STD", "marie.curie@accolade.test",
                    "1000", "Round " + i)).getHeader("Location");
        }
        sales.get(last).then().statusCode(200).body(containsString("Not sent"))
                .body(containsString("does not cover this reward"));
        assertTrue(b.get("/").statusCode() == 200);
    }

    @Test
    void anotherDepartmentsOrderIsNotFound() {
        Browser engineering = Browser.signedIn("manager@accolade.test");
        String location = engineering.post("/send", form(UUID.randomUUID().toString(), "APPL-E-1000-STD",
                "katherine.johnson@accolade.test", "", "Mine")).getHeader("Location");
        Browser sales = Browser.signedIn("sales.manager@accolade.test");
        sales.get(location).then().statusCode(404).body(containsString("Reward not found"));
        sales.post(location + "/resend").then().statusCode(404);
        sales.get("/rewards/not-a-number").then().statusCode(404);
    }

    @Test
    void sendingWithoutTheCsrfTokenIsRefused() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.request().contentType("application/x-www-form-urlencoded").formParam("token", UUID.randomUUID().toString())
                .formParam("sku", "APPL-E-1000-STD").formParam("recipientEmail", "ada.lovelace@accolade.test")
                .post("/send").then().statusCode(400);
    }

    @Test
    void onlyManagersSend() throws Exception {
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/send?sku=APPL-E-1000-STD").then().statusCode(403).body(containsString("Not allowed"));
        hr.get("/rewards").then().statusCode(403);
        long deadline = System.currentTimeMillis() + 5000;
        while (QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.audit.AuditEvent.count(
                "actor = 'hr@accolade.test' and action = 'ACCESS_REFUSED' and detail like '%last: /rewards (%'")) == 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the refusal is audited");
            refusals.flushBefore(Long.MAX_VALUE);
            Thread.sleep(20);
        }
    }

    @Test
    void aResendIsOfferedOnlyOnceADayHasPassedAndARefusalIsExplainedWithoutRaasText() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String location = b.post("/send", form(UUID.randomUUID().toString(), "APPL-E-2000-STD",
                "grace.hopper@accolade.test", "", "Resend me")).getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // Just delivered: RaaS would refuse, so there is no button, only when it can be sent again.
        b.get(location).then().body(containsString("can be sent again after"))
                .body(not(containsString("Send the email again")))
                .body(not(containsString("action=\"/rewards/" + id + "/resend\"")));
        // A stale page posting anyway is told the same, and RaaS is not asked.
        b.post(location + "/resend").then().statusCode(303).header("Location", location);
        b.get(location).then().body(containsString("The email was not sent again: RaaS sends a reward&#39;s email at "
                + "most once every 24 hours. It can be sent again after"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.audit.AuditEvent.count(
                "action = 'RESEND' and outcome = 'REFUSED' and target = ?1", "order " + id) == 1));

        // A day later by Accolade's record, but RaaS sent the email again in the meantime (say, a resend
        // made outside Accolade): the button is offered, RaaS refuses, and the page says so plainly.
        QuarkusTransaction.requiringNew().run(() -> RewardOrder.update("deliveredAt = ?1 where id = ?2",
                java.time.OffsetDateTime.now().minusHours(25), id));
        b.get(location).then().body(containsString("Send the email again"))
                .body(containsString("action=\"/rewards/" + id + "/resend\""));
        b.post(location + "/resend").then().statusCode(303);
        b.get(location).then().body(containsString("The email was not sent again: RaaS declined to resend it."))
                .body(not(containsString("Cannot send more than once")))
                .body(not(containsString("last send at")));
        // RaaS's own text is kept for the audit trail (and the log), not shown to the manager.
        assertTrue(QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.audit.AuditEvent.count(
                "action = 'RESEND' and outcome = 'FAILED' and target = ?1 and detail like ?2", "order " + id,
                "%Cannot send more than once every 24 hours%") == 1));
    }

    @Test
    void pagingPastTheLastPageOfMyRewardsGoesToTheLastPage() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.post("/send", form(UUID.randomUUID().toString(), "APPL-E-1000-STD", "alan.turing@accolade.test", "", "Paged"))
                .then().statusCode(303);
        Response past = b.get("/rewards?page=99999");
        past.then().statusCode(303).header("Location", org.hamcrest.Matchers.matchesPattern(".*/rewards(\\?page=\\d+)?"));
        b.get(past.getHeader("Location")).then().statusCode(200)
                .body(containsString("<table class=\"data stacks\">"))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*Page (\\d+) of \\1\\b.*"))
                .body(not(containsString("No rewards here yet")));
        // Filters are kept; nothing matching says so, with the way back to every reward.
        b.get("/rewards?q=nobody by this name&status=FAILED&page=7").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/rewards?status=FAILED&q=nobody%20by%20this%20name"));
        b.get("/rewards?status=FAILED&q=nobody by this name").then().statusCode(200)
                .body(containsString("No rewards match"))
                .body(containsString("<a href=\"/rewards\">Show all your rewards</a>"))
                .body(not(containsString("No rewards here yet")));
    }
}
