package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET orders}: the filters (start_date, end_date, customer, account_identifier), paging with
 * offset and limit (default 100, at most 100), and total_count and result_count.
 */
@QuarkusTest
class SandboxOrderListTest {

    static final String SKU = "TNGO-E-V-STD";

    @Test
    void aListCarriesPagingFieldsAndOrdersInTheSpecShape() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String orderId = Raas.placeOrder(customer, id, SKU, 1000L);
        raas().queryParam("customer", customer).get("/raas/v1/orders")
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true))
                .body("offset", equalTo(0))
                .body("limit", equalTo(100))
                .body("total_count", equalTo(1))
                .body("result_count", equalTo(1))
                .body("orders[0].order_id", equalTo(orderId))
                .body("orders[0].customer", equalTo(customer))
                .body("orders[0].account_identifier", equalTo(id))
                .body("orders[0].sku", equalTo(SKU))
                .body("orders[0].amount", equalTo(1000))
                .body("orders[0].reward_message", equalTo("Thank you for participating in the XYZ survey."))
                .body("orders[0].reward_subject", equalTo("XYZ Survey, thank you..."))
                .body("orders[0].delivered_at", matchesPattern(Raas.ISO_WITH_OFFSET))
                .body("orders[0].recipient.name", equalTo("John Doe"))
                .body("orders[0].recipient.email", equalTo("john.doe@example.com"))
                .body("orders[0]", not(hasKey("reward")));
    }

    @Test
    void offsetAndLimitPageThroughTheOrdersOldestFirst() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 10000);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(Raas.placeOrder(customer, id, SKU, 100L + i));
        }
        page(customer, 0, 2).then()
                .body("offset", equalTo(0)).body("limit", equalTo(2))
                .body("total_count", equalTo(5)).body("result_count", equalTo(2))
                .body("orders.order_id", contains(placed.get(0), placed.get(1)));
        page(customer, 2, 2).then()
                .body("total_count", equalTo(5)).body("result_count", equalTo(2))
                .body("orders.order_id", contains(placed.get(2), placed.get(3)));
        page(customer, 4, 2).then()
                .body("total_count", equalTo(5)).body("result_count", equalTo(1))
                .body("orders.order_id", contains(placed.get(4)));
        page(customer, 5, 2).then()
                .body("offset", equalTo(5))
                .body("total_count", equalTo(5)).body("result_count", equalTo(0))
                .body("orders", empty());
        page(customer, 1000, 2).then()
                .body("total_count", equalTo(5)).body("result_count", equalTo(0));
    }

    @Test
    void theLimitDefaultsTo100AndCannotBeMoreThan100() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 200000);
        for (int i = 0; i < 105; i++) {
            Raas.placeOrder(customer, id, SKU, 100L);
        }
        raas().queryParam("customer", customer).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("limit", equalTo(100))
                .body("total_count", equalTo(105))
                .body("result_count", equalTo(100))
                .body("orders.size()", equalTo(100));
        raas().queryParam("customer", customer).queryParam("limit", 500).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("limit", equalTo(100))
                .body("result_count", equalTo(100));
        raas().queryParam("customer", customer).queryParam("limit", 100).queryParam("offset", 100)
                .get("/raas/v1/orders")
                .then().statusCode(200)
                .body("total_count", equalTo(105))
                .body("result_count", equalTo(5));
    }

    @Test
    void badPagingValuesAreValidationFailures() {
        for (String[] bad : new String[][] { { "limit", "0" }, { "limit", "-1" }, { "limit", "ten" },
                { "offset", "-1" }, { "offset", "1.5" } }) {
            raas().queryParam(bad[0], bad[1]).get("/raas/v1/orders")
                    .then().statusCode(403)
                    .header("X-Status-Reason", "Validation failed")
                    .body("invalid_inputs.field", hasItem(bad[0]));
        }
    }

    @Test
    void customerAndAccountFilterTheList() {
        String customer = Raas.uniqueCustomer();
        String first = Raas.fundedAccount(customer, 5000);
        String second = Raas.fundedAccount(customer, 5000);
        String elsewhere = Raas.uniqueCustomer();
        String third = Raas.fundedAccount(elsewhere, 5000);
        Raas.placeOrder(customer, first, SKU, 100L);
        Raas.placeOrder(customer, first, SKU, 200L);
        Raas.placeOrder(customer, second, SKU, 300L);
        Raas.placeOrder(elsewhere, third, SKU, 400L);

        raas().queryParam("customer", customer).get("/raas/v1/orders")
                .then().body("total_count", equalTo(3))
                .body("orders.customer", everyItem(equalTo(customer)));
        raas().queryParam("account_identifier", first).get("/raas/v1/orders")
                .then().body("total_count", equalTo(2))
                .body("orders.account_identifier", everyItem(equalTo(first)));
        raas().queryParam("customer", customer).queryParam("account_identifier", second).get("/raas/v1/orders")
                .then().body("total_count", equalTo(1))
                .body("orders[0].amount", equalTo(300));
        raas().queryParam("customer", customer).queryParam("account_identifier", third).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("total_count", equalTo(0))
                .body("orders", empty());
        raas().queryParam("account_identifier", Raas.uniqueIdentifier()).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("total_count", equalTo(0));
    }

    @Test
    void withoutFiltersTheListHoldsEveryOrderOfThePlatform() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String orderId = Raas.placeOrder(customer, id, SKU, 100L);
        JsonPath all = raas().queryParam("limit", 100).get("/raas/v1/orders")
                .then().statusCode(200).extract().jsonPath();
        int total = all.getInt("total_count");
        // the newest order is on the last page
        raas().queryParam("offset", total - 1).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("orders.order_id", hasItem(orderId));
    }

    @Test
    void startAndEndDatesBoundTheListWhateverTheirOffset() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String march11 = Raas.placeOrder(customer, id, SKU, 100L);
        String march12 = Raas.placeOrder(customer, id, SKU, 200L);
        String april = Raas.placeOrder(customer, id, SKU, 300L);
        String today = Raas.placeOrder(customer, id, SKU, 400L);
        SandboxDb.deliveredAt(march11, OffsetDateTime.parse("2013-03-11T22:20:56+00:00"));
        SandboxDb.deliveredAt(march12, OffsetDateTime.parse("2013-03-12T15:17:16+00:00"));
        SandboxDb.deliveredAt(april, OffsetDateTime.parse("2013-04-01T12:00:00+00:00"));

        // The spec's example window: March 2013 in US Pacific time.
        raas().queryParam("customer", customer)
                .queryParam("start_date", "2013-03-01T00:00:00-08:00")
                .queryParam("end_date", "2013-04-01T00:00:00-08:00")
                .get("/raas/v1/orders")
                .then().statusCode(200)
                .body("total_count", equalTo(2))
                .body("orders.order_id", contains(march11, march12))
                .body("orders[1].delivered_at", equalTo("2013-03-12T15:17:16+00:00"));
        // 2013-03-12T17:00+02:00 is 15:00 UTC: the order of 15:17 UTC is after it
        raas().queryParam("customer", customer)
                .queryParam("start_date", "2013-03-12T17:00:00+02:00")
                .queryParam("end_date", "2013-04-30T00:00:00Z")
                .get("/raas/v1/orders")
                .then().body("orders.order_id", contains(march12, april));
        raas().queryParam("customer", customer)
                .queryParam("start_date", "2014-01-01T00:00:00+00:00")
                .get("/raas/v1/orders")
                .then().body("orders.order_id", contains(today));
        raas().queryParam("customer", customer)
                .queryParam("end_date", "2013-03-12T00:00:00+00:00")
                .get("/raas/v1/orders")
                .then().body("orders.order_id", contains(march11));
    }

    @Test
    void anUnencodedPlusInAnOffsetIsReadAsPlus() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String order = Raas.placeOrder(customer, id, SKU, 100L);
        SandboxDb.deliveredAt(order, OffsetDateTime.parse("2013-03-12T15:17:16+00:00"));
        // '+' left unencoded in a query string arrives as a space
        raas().urlEncodingEnabled(false)
                .get("/raas/v1/orders?customer=" + customer
                        + "&start_date=2013-03-12T17:00:00+02:00&end_date=2013-03-12T17:30:00+02:00")
                .then().statusCode(200)
                .body("orders.order_id", contains(order));
    }

    @Test
    void badDatesAreValidationFailures() {
        raas().queryParam("start_date", "yesterday").get("/raas/v1/orders")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("start_date"));
        raas().queryParam("end_date", "2013-13-45T00:00:00Z").get("/raas/v1/orders")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("end_date"));
        raas().queryParam("start_date", "2013-04-01T00:00:00Z").queryParam("end_date", "2013-03-01T00:00:00Z")
                .get("/raas/v1/orders")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("end_date"));
    }

    @Test
    void anotherPlatformsOrdersAreNeverListed() {
        String customer = Raas.uniqueCustomer();
        String id = Raas.fundedAccount(customer, 5000);
        String orderId = Raas.placeOrder(customer, id, SKU, 100L);
        Raas.other().queryParam("customer", customer).get("/raas/v1/orders")
                .then().statusCode(200)
                .body("total_count", equalTo(0))
                .body("orders", empty());
        JsonPath theirs = Raas.other().queryParam("limit", 100).get("/raas/v1/orders")
                .then().statusCode(200).extract().jsonPath();
        assertThat(theirs.getList("orders.order_id"), not(hasItem(orderId)));
    }

    private static io.restassured.response.Response page(String customer, int offset, int limit) {
        io.restassured.response.Response response = raas().queryParam("customer", customer)
                .queryParam("offset", offset).queryParam("limit", limit).get("/raas/v1/orders");
        response.then().statusCode(200);
        return response;
    }
}
