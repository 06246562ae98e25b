package dev.accolade.storefront.orders;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.demo.DemoRaasAccounts;

/**
 * HR and administrators open any order read-only, from the audit trail and the reports that name it;
 * managers keep "My rewards", each within their own department.
 */
@QuarkusTest
class OrderViewTest {

    @Inject
    DemoRaasAccounts demoAccounts;

    @BeforeEach
    void accounts() {
        demoAccounts.ensure();
    }

    /** An order sent by the Engineering manager through the form, with a message only its recipient should read. */
    private static long sent(String message) {
        Browser manager = Browser.signedIn("manager@accolade.test");
        String location = manager.post("/send", "token", UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD",
                "recipientName", "", "recipientEmail", "grace.hopper@accolade.test", "amount", "", "subject",
                "Private subject", "message", message, "from", "Zebediah Secret").getHeader("Location");
        assertTrue(location != null && location.matches(".*/rewards/\\d+"), "sent: " + location);
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void hrAndAdminsReadAnyOrderWithoutItsMessageOrAResendButton() {
        long id = sent("A private thank-you " + UUID.randomUUID());
        RewardOrder order = QuarkusTransaction.requiringNew().call(() -> RewardOrder.findById(id));
        assertEquals(RewardOrder.Status.DELIVERED, order.status);
        for (String who : List.of("hr@accolade.test", "admin@accolade.test")) {
            Browser b = Browser.signedIn(who);
            b.get("/orders/" + id).then().statusCode(200)
                    .body(containsString("Order " + id))
                    .body(containsString("grace.hopper@accolade.test"))
                    .body(containsString("Engineering"))
                    .body(containsString("manager@accolade.test"))
                    .body(containsString("$10.00"))
                    .body(containsString("Delivered"))
                    .body(containsString(order.raasOrderId))
                    .body(containsString("Read-only"))
                    .body(not(containsString(order.rewardMessage)))
                    .body(not(containsString("Private subject")))
                    .body(not(containsString("Zebediah")))
                    .body(not(containsString("/resend")))
                    .body(not(containsString("Send the email again")));
            // Nothing changes through it: there is no resend behind the read-only page.
            int status = b.post("/orders/" + id + "/resend").statusCode();
            assertTrue(status == 404 || status == 405, "resend on the read-only page answered " + status);
            b.get("/orders/999999999").then().statusCode(404).body(containsString("Order not found"));
            b.get("/orders/not-a-number").then().statusCode(404);
        }
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'RESEND' and target = ?1", "order " + id)));
    }

    @Test
    void theRoleMatrix() {
        long id = sent("Role matrix");
        // Managers use "My rewards": their own department's order there, and no read-only page of any.
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/rewards/" + id).then().statusCode(200);
        manager.get("/orders/" + id).then().statusCode(403);
        Browser otherManager = Browser.signedIn("sales.manager@accolade.test");
        otherManager.get("/orders/" + id).then().statusCode(403);
        otherManager.get("/rewards/" + id).then().statusCode(404);
        // HR and admins read it on its own page; the manager's page with its resend stays the manager's.
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/orders/" + id).then().statusCode(200);
        hr.get("/rewards/" + id).then().statusCode(403);
        Browser.signedIn("admin@accolade.test").get("/orders/" + id).then().statusCode(200);
        int anonymous = new Browser().get("/orders/" + id).statusCode();
        assertTrue(anonymous == 302 || anonymous == 303 || anonymous == 401, "anonymous: " + anonymous);
    }

    @Test
    void theAuditTrailLinksToTheOrderAndFiltersItsRows() {
        long id = sent("Audit links");
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/audit?action=SEND_").then().statusCode(200)
                .body(containsString("<a href=\"/orders/" + id + "\">order " + id + "</a>"))
                // Codes read as words, with the code beside them for the filter.
                .body(containsString("Reward submitted")).body(containsString("SEND_ATTEMPT"));
        // As a browser sends the page's link /audit?target=order+N: the + is a space.
        hr.request().queryParam("target", "order " + id).get("/audit").then().statusCode(200)
                .body(containsString("2 rows match"))
                .body(containsString("Showing the rows about"))
                .body(containsString("href=\"/orders/" + id + "\""));
        hr.get("/orders/" + id).then().body(containsString("href=\"/audit?target=order+" + id + "\""));
        // The download lists the same rows, newest first like the page.
        String[] lines = hr.request().queryParam("target", "order " + id).get("/audit/export.csv").asString()
                .split("\r\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertTrue(lines[1].contains(",SEND_OUTCOME,order " + id + ",DELIVERED,"), lines[1]);
        assertTrue(lines[2].contains(",SEND_ATTEMPT,order " + id + ",PENDING,"), lines[2]);
    }

    @Test
    void theWholeAuditDownloadIsNewestFirst() {
        sent("Newest first");
        String csv = Browser.signedIn("hr@accolade.test").get("/audit/export.csv").asString();
        List<org.apache.commons.csv.CSVRecord> rows;
        try {
            rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setSkipHeaderRecord(true).setHeader().get()
                    .parse(new java.io.StringReader(csv)).getRecords();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(rows.size() > 2, "rows: " + rows.size());
        long previous = Long.MAX_VALUE;
        for (var r : rows) {
            long row = Long.parseLong(r.get("Row"));
            assertTrue(row < previous, "row " + row + " after row " + previous);
            previous = row;
        }
    }
}
