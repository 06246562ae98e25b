package dev.accolade.storefront.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;

/**
 * Reconciliation finds seeded discrepancies of each kind: an order placed at RaaS directly (outside
 * Accolade), a delivered local order RaaS does not know, and local orders whose amount, SKU or
 * recipient differ from RaaS's; a faithful pair matches.
 */
@QuarkusTest
class ReconciliationTest {

    static final String SKU = "APPL-E-1000-STD";

    @Inject
    DemoRaasAccounts demoAccounts;

    @Inject
    Reconciliation reconciliation;

    @Inject
    Actors actors;

    @BeforeEach
    void accounts() {
        demoAccounts.ensure();
    }

    /** Places an order at the sandbox directly, as a program outside Accolade would. */
    static String raasOrder(String email) {
        return given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key").contentType("application/json")
                .accept("application/json").body("""
                        {"customer": "Accolade", "account_identifier": "accolade-engineering",
                         "recipient": {"name": "Outside Order", "email": "%s"}, "sku": "%s",
                         "reward_message": "From outside", "reward_subject": "Hi", "reward_from": "Someone"}"""
                        .formatted(email, SKU))
                .post("/raas/v1/orders").then().statusCode(201).extract().jsonPath().getString("order.order_id");
    }

    static long localOrder(String raasOrderId, String sku, long amount, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Department d = Department.findByName("Engineering").orElseThrow();
            AppUser u = AppUser.find("email", "manager@accolade.test").firstResult();
            RewardOrder o = new RewardOrder();
            o.sendToken = "recon-" + UUID.randomUUID();
            o.requesterId = u.id;
            o.requesterEmail = u.email;
            o.departmentId = d.id;
            o.raasCustomer = d.raasCustomer;
            o.raasAccountIdentifier = d.raasAccountIdentifier;
            o.sku = sku;
            o.brand = "iTunes";
            o.rewardDescription = "iTunes $10";
            o.amount = amount;
            o.recipientName = "Someone";
            o.recipientEmail = email;
            o.status = RewardOrder.Status.DELIVERED;
            o.raasOrderId = raasOrderId;
            o.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            o.deliveredAt = o.createdAt;
            o.resolvedAt = o.createdAt;
            o.persist();
            return o.id;
        });
    }

    @Test
    void eachKindOfDiscrepancyIsFoundAndStored() {
        String outside = raasOrder("outside@example.com");
        String faithful = raasOrder("same@example.com");
        long faithfulLocal = localOrder(faithful, SKU, 1000, "SAME@example.com");
        String amount = raasOrder("amount@example.com");
        long amountLocal = localOrder(amount, SKU, 1500, "amount@example.com");
        String sku = raasOrder("sku@example.com");
        long skuLocal = localOrder(sku, "OTHER-SKU", 1000, "sku@example.com");
        String recipient = raasOrder("right@example.com");
        long recipientLocal = localOrder(recipient, SKU, 1000, "wrong@example.com");
        long ghost = localOrder("199-99999999-99", SKU, 1000, "ghost@example.com");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReconciliationRun run = actors.runAs(new Actor("hr@accolade.test", null),
                () -> reconciliation.run(today, today, "MANUAL"));
        assertEquals("COMPLETE", run.status, run.error);
        List<ReconciliationItem> items = QuarkusTransaction.requiringNew()
                .call(() -> ReconciliationItem.<ReconciliationItem>list("runId", run.id));

        ReconciliationItem raasOnly = find(items, outside, null);
        assertEquals(ReconciliationItem.Kind.RAAS_ONLY, raasOnly.kind);
        assertEquals(1000L, raasOnly.raasAmount);
        assertEquals("outside@example.com", raasOnly.raasRecipient);

        ReconciliationItem localOnly = find(items, "199-99999999-99", ghost);
        assertEquals(ReconciliationItem.Kind.LOCAL_ONLY, localOnly.kind);

        ReconciliationItem a = find(items, amount, amountLocal);
        assertEquals(ReconciliationItem.Kind.DIFFERING, a.kind);
        assertEquals("amount $15.00 here, $10.00 at RaaS", a.detail);
        ReconciliationItem s = find(items, sku, skuLocal);
        assertEquals("SKU OTHER-SKU here, " + SKU + " at RaaS", s.detail);
        ReconciliationItem r = find(items, recipient, recipientLocal);
        assertEquals("recipient wrong@example.com here, right@example.com at RaaS", r.detail);

        assertFalse(items.stream().anyMatch(i -> faithful.equals(i.raasOrderId) || Long.valueOf(faithfulLocal).equals(i.localOrderId)),
                "a faithful pair is matched, not a discrepancy");
        assertTrue(run.matched >= 1);
        assertEquals(items.size(), run.getDiscrepancies());

        // The run can be reopened; HR's home page counts the latest run's discrepancies.
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/reconciliation/" + run.id).then().statusCode(200).body(containsString(outside))
                .body(containsString("amount $15.00 here, $10.00 at RaaS"))
                .body(containsString("Ordered at RaaS outside Accolade"));
        hr.get("/reconciliation/" + run.id + "?kind=LOCAL_ONLY").then().body(containsString("199-99999999-99"));
        hr.get("/reconciliation").then().body(containsString("/reconciliation/" + run.id));
        hr.get("/").then().body(containsString(run.getDiscrepancies() + " discrepanc"))
                .body(containsString("/reconciliation/" + run.id));
    }

    @Test
    void hrStartsARunFromThePageAndBadPeriodsAreExplained() {
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/reconciliation");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Response r = hr.post("/reconciliation", "from", today.minusDays(1).toString(), "to", today.toString());
        assertEquals(303, r.statusCode());
        String location = r.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        assertTrue(location.matches("/reconciliation/\\d+"), location);
        hr.get(location).then().statusCode(200).body(containsString("Reconciliation finished"));

        hr.get("/reconciliation");
        assertEquals(303, hr.post("/reconciliation", "from", "tomorrow", "to", "2021-01-01").statusCode());
        hr.get("/reconciliation").then().body(containsString("Give the period as two dates"));
        hr.post("/reconciliation", "from", "2021-05-01", "to", "2021-01-01");
        hr.get("/reconciliation").then().body(containsString("The start date is after the end date"));
        hr.post("/reconciliation", "from", "2020-01-01", "to", "2021-01-01");
        hr.get("/reconciliation").then().body(containsString("at most 92 days"));
    }

    @Test
    void aPeriodBefore2000OrEndingInTheFutureIsRefusedWithTheReasonAndNotRun() {
        Browser hr = Browser.signedIn("hr@accolade.test");
        long runs = QuarkusTransaction.requiringNew().call(() -> ReconciliationRun.count());
        hr.get("/reconciliation");
        assertEquals(303, hr.post("/reconciliation", "from", "1999-01-01", "to", "1999-01-02").statusCode());
        hr.get("/reconciliation").then().body(containsString("Choose a start date from 2000-01-01 on."))
                .body(not(containsString("at most 92 days")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        hr.post("/reconciliation", "from", "2030-01-01", "to", "2030-01-05");
        hr.get("/reconciliation").then().body(containsString("Choose an end date up to today (" + today + ")"));
        hr.post("/reconciliation", "from", today.minusDays(2).toString(), "to", today.plusDays(1).toString());
        hr.get("/reconciliation").then().body(containsString("Choose an end date up to today (" + today + ")"));
        assertEquals(runs, QuarkusTransaction.requiringNew().call(() -> ReconciliationRun.count()), "no run was made");
        // The date pickers offer the same bounds, so a date outside is not chosen in the first place.
        hr.get("/reconciliation").then()
                .body(containsString("name=\"from\" type=\"date\" value=\"" + today.minusDays(7) + "\" min=\"2000-01-01\" max=\""
                        + today + "\""))
                .body(containsString("name=\"to\" type=\"date\" value=\"" + today + "\" min=\"2000-01-01\" max=\"" + today + "\""));
    }

    @Test
    void eachProblemOfAPeriodIsNamed() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        assertNull(ReconciliationResource.problem(today, today, today));
        assertNull(ReconciliationResource.problem(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 4, 1), today));
        assertEquals("The start date is after the end date.",
                ReconciliationResource.problem(today, today.minusDays(1), today));
        assertEquals("Choose a start date from 2000-01-01 on.",
                ReconciliationResource.problem(LocalDate.of(1999, 1, 1), LocalDate.of(1999, 1, 2), today));
        assertEquals("Choose an end date up to today (2026-11-29): a reconciliation covers days that have begun.",
                ReconciliationResource.problem(today, today.plusDays(1), today));
        assertEquals("A reconciliation covers at most 92 days: choose a shorter period.",
                ReconciliationResource.problem(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 4, 2), today));
    }

    @Test
    void theNightlyJobReconcilesYesterday() {
        ReconciliationRun run = reconciliation.runNightly();
        assertEquals("NIGHTLY", run.triggerKind);
        assertEquals("COMPLETE", run.status, run.error);
        assertEquals(LocalDate.now(ZoneOffset.UTC).minusDays(1), run.periodStart.toLocalDate());
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> ReconciliationRun.findById(run.id)));
    }

    private static ReconciliationItem find(List<ReconciliationItem> items, String raasId, Long localId) {
        return items.stream().filter(i -> raasId.equals(i.raasOrderId) && (localId == null || localId.equals(i.localOrderId)))
                .findFirst().orElseThrow(() -> new AssertionError("no discrepancy for " + raasId + " in " + items.size()));
    }
}
