package dev.accolade.storefront.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.common.Formats;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.orders.RewardOrder;

/**
 * A card whose face value is in Canadian or Australian dollars (the catalog's {@code denomination} and
 * {@code currency_code}) says so, and separately what it costs the department in US dollars.
 */
@QuarkusTest
class ForeignCardsTest {

    @Inject
    DemoRaasAccounts demoAccounts;

    @BeforeEach
    void accounts() {
        demoAccounts.ensure();
    }

    @Test
    void moneyInAnotherCurrencyNamesIt() {
        assertEquals("$50.00", Formats.money(5000, "USD"));
        assertEquals("$1,234.05", Formats.money(123405, null));
        assertEquals("CAD 50.00", Formats.money(5000, "CAD"));
        assertEquals("AUD 1,000.00", Formats.money(100000, "AUD"));
    }

    @Test
    void theCatalogAndTheFormShowTheFaceValueAndTheCost() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/catalog?q=canada").then().statusCode(200)
                .body(containsString("CAD 50.00")).body(containsString("costs $50.00"));
        manager.get("/catalog?q=australia").then().statusCode(200).body(containsString("AUD 50.00"));
        manager.get("/send?sku=AMCA-E-5000-STD").then().statusCode(200)
                .body(containsString("a CAD 50.00 card, which costs your department $50.00 (US dollars)"))
                .body(containsString("value=\"CAD 50.00\" readonly"));
        // A US card reads as before: one amount, in dollars.
        manager.get("/send?sku=APPL-E-1000-STD").then().statusCode(200)
                .body(not(containsString("(US dollars)"))).body(not(containsString("USD 10.00")));
    }

    @Test
    void anOrderKeepsItsFaceValueBesideWhatItCost() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        String location = manager.post("/send", "token", UUID.randomUUID().toString(), "sku", "APAU-E-5000-STD",
                "recipientName", "", "recipientEmail", "grace.hopper@accolade.test", "amount", "", "subject", "",
                "message", "G'day", "from", "").getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        RewardOrder o = QuarkusTransaction.requiringNew().call(() -> RewardOrder.findById(id));
        assertEquals(RewardOrder.Status.DELIVERED, o.status, o.failureReason);
        assertEquals(5000L, o.faceValue);
        assertEquals("AUD", o.faceCurrency);
        assertEquals(5000L, o.amount, "the department pays the catalog's unit_price in US cents");
        manager.get("/rewards/" + id).then().statusCode(200)
                .body(containsString("<dt>Card value</dt><dd>AUD 50.00</dd>"))
                .body(containsString("<dt>Cost to the department</dt><dd>$50.00 (US dollars)</dd>"));
        manager.get("/rewards").then().body(containsString("AUD 50.00 card"));
        Browser.signedIn("hr@accolade.test").get("/orders/" + id).then().statusCode(200)
                .body(containsString("AUD 50.00"));
        // The recipient's email (the sandbox's inbox, open to this machine in tests) names the card's currency.
        io.restassured.RestAssured.given().queryParam("q", "grace.hopper").get("/raas-sandbox/inbox").then()
                .statusCode(200).body(containsString("iTunes Australia · AUD 50.00"));

        String us = manager.post("/send", "token", UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD",
                "recipientName", "", "recipientEmail", "grace.hopper@accolade.test", "amount", "", "subject", "",
                "message", "US", "from", "").getHeader("Location");
        RewardOrder usOrder = QuarkusTransaction.requiringNew().call(
                () -> RewardOrder.findById(Long.parseLong(us.substring(us.lastIndexOf('/') + 1))));
        assertNull(usOrder.faceCurrency);
        assertNull(usOrder.faceValue);
    }
}
