package dev.accolade.storefront.send;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;

/**
 * A reward RaaS lists as available but at no amount (the sandbox's "Clean Water Fund $0.00 – $0.00",
 * which refuses every amount) is not offered: the catalog leaves it out, lists it as unavailable when
 * asked for everything, and its form and review say it cannot be sent.
 */
@QuarkusTest
class UnorderableRewardTest {

    static final String SKU = "CNWR-D-V-STD";

    @Test
    void theCatalogDoesNotOfferIt() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/catalog?q=clean").then().statusCode(200)
                .body(not(containsString("/send?sku=" + SKU)))
                .body(containsString("No rewards match"));
        b.get("/catalog?q=clean&all=on").then().statusCode(200)
                .body(containsString("Clean Water Fund"))
                .body(containsString("Unavailable"))
                .body(not(containsString("/send?sku=" + SKU)));
    }

    @Test
    void itsFormAndReviewSayItCannotBeSent() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/send?sku=" + SKU).then().statusCode(200)
                .body(containsString("This reward cannot be sent: RaaS offers it at no amount."));
        b.post("/send/review", SendRewardTest.form("t-" + SKU, SKU, "dana@accolade.test", "5.00", "Thanks"))
                .then().statusCode(200)
                .body(containsString("This reward cannot be sent: RaaS offers it at no amount."))
                .body(not(containsString("Nothing is sent until you confirm")));
    }
}
