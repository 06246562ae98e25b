package dev.accolade.storefront.budgets;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.approvals.ApprovalRequest;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * The money people see and rely on: the budget-against-actual CSV, the catalog marking what the
 * manager cannot afford, and a send over the manager's allowance going to approval instead of failing.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class BudgetMoneyShownTest {

    @Inject
    dev.accolade.raas.client.RaasClient raas;

    @Inject
    CatalogCache catalog;

    private static Allowance allowance(Budget budget, AppUser manager, long cents) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Allowance a = new Allowance();
            a.budgetId = budget.id;
            a.userId = manager.id;
            a.amount = cents;
            a.persist();
            return a;
        });
    }

    @Test
    void theBudgetCsvHasItsHeaderALinePerDepartmentAndManagerAndNoFormulas() throws Exception {
        Department d = BudgetFixtures.department("=SUM(A1) Budget csv");
        AppUser manager = BudgetFixtures.user("csv", Role.MANAGER, d);
        Budget b = BudgetFixtures.monthBudget(d, 500_00);
        allowance(b, manager, 100_00);
        QuarkusTransaction.requiringNew().run(() -> Budget.update("settled = 12345, reserved = 2000 where id = ?1", b.id));
        String label = BudgetPeriod.MONTH.label(BudgetPeriod.MONTH.startOf(LocalDate.now(ZoneOffset.UTC), 1));

        Response r = Browser.signedIn("hr@accolade.test").get("/reports/budgets/export.csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.getContentType().startsWith("text/csv"), r.getContentType());
        assertEquals("attachment; filename=\"budget-vs-actual-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"",
                r.getHeader("Content-Disposition"));
        String body = r.asString();
        assertTrue(body.startsWith("Department,Manager,Period,Budget (USD),Spent (USD),Reserved (USD),Left (USD)\r\n"), body);

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        List<CSVRecord> ours = rows.stream().filter(row -> row.get("Department").contains(d.name)).toList();
        assertEquals(2, ours.size(), body);
        CSVRecord department = ours.get(0);
        assertEquals("'" + d.name, department.get("Department"), "a name a spreadsheet would run is kept as text");
        assertEquals("", department.get("Manager"));
        assertEquals(label, department.get("Period"));
        assertEquals("500.00", department.get("Budget (USD)"));
        assertEquals("123.45", department.get("Spent (USD)"));
        assertEquals("20.00", department.get("Reserved (USD)"));
        assertEquals("356.55", department.get("Left (USD)"));
        CSVRecord person = ours.get(1);
        assertEquals(manager.email, person.get("Manager"));
        assertEquals("100.00", person.get("Budget (USD)"));
        assertEquals("0.00", person.get("Spent (USD)"));
        assertEquals("100.00", person.get("Left (USD)"));
    }

    /** The catalog's line of one reward, from its name to the end of its item. */
    private static String item(String page, String reward) {
        Matcher m = Pattern.compile("<span class=\"reward-name\">" + Pattern.quote(reward) + "</span>(.*?)</li>",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), reward + " is listed: " + page);
        return m.group(1);
    }

    @Test
    void theCatalogMarksWhatTheManagerCannotAffordByBudgetAndByAllowance() {
        catalog.refresh();
        Department d = BudgetFixtures.department("Catalog mark", raas);
        AppUser manager = BudgetFixtures.user("marked", Role.MANAGER, d);
        Budget b = BudgetFixtures.monthBudget(d, 20_00);
        Browser browser = Browser.signedIn(manager.email);

        String page = browser.get("/catalog?q=iTunes").then().statusCode(200).extract().asString();
        assertFalse(item(page, "iTunes Gift Card $10").contains("Over your budget"), page);
        assertFalse(item(page, "iTunes E-Gift Card $20").contains("Over your budget"), "exactly what is left is affordable");
        assertTrue(item(page, "iTunes E-Gift Card $25").contains("Over your budget"), page);
        assertTrue(item(page, "iTunes E-Gift Card $50").contains("Over your budget"), page);

        // An allowance lower than the budget is what the manager can spend.
        allowance(b, manager, 12_00);
        page = browser.get("/catalog?q=iTunes").asString();
        assertFalse(item(page, "iTunes Gift Card $10").contains("Over your budget"), page);
        assertTrue(item(page, "iTunes E-Gift Card $15").contains("Over your budget"), page);

        // HR cannot send, so nothing is marked for them; another department without a budget sees no mark.
        String hr = Browser.signedIn("hr@accolade.test").get("/catalog?q=iTunes").asString();
        assertFalse(hr.contains("Over your budget"), hr);
        Department free = BudgetFixtures.department("Catalog free", raas);
        AppUser freeManager = BudgetFixtures.user("unmarked", Role.MANAGER, free);
        String unmarked = Browser.signedIn(freeManager.email).get("/catalog?q=iTunes").asString();
        assertFalse(unmarked.contains("Over your budget"), unmarked);
    }

    @Test
    void aSendOverTheAllowanceGoesToApprovalAndOneWithinItIsSent() {
        catalog.refresh();
        Department d = BudgetFixtures.department("Over allowance", raas);
        AppUser manager = BudgetFixtures.user("allowance", Role.MANAGER, d);
        Budget b = BudgetFixtures.monthBudget(d, 500_00);
        Allowance a = allowance(b, manager, 20_00);
        Browser browser = Browser.signedIn(manager.email);

        String token = UUID.randomUUID().toString();
        Object[] form = { "token", token, "sku", "APPL-E-2500-STD", "recipientName", "Allowance Recipient",
                "recipientEmail", "over-" + UUID.randomUUID() + "@example.com", "amount", "", "subject", "Thanks",
                "message", "For the release", "from", "A Tester" };
        browser.post("/send/review", form).then().statusCode(200).body(containsString("Ask for approval"))
                .body(containsString("over your allowance ($20.00 left)"));
        Response sent = browser.post("/send", form);
        assertEquals(303, sent.statusCode(), sent.asString());
        assertTrue(sent.getHeader("Location").contains("/approvals/"), sent.getHeader("Location"));
        ApprovalRequest request = QuarkusTransaction.requiringNew()
                .call(() -> ApprovalRequest.<ApprovalRequest> find("token", token).firstResult());
        assertNotNull(request, "an approval request, not a failure");
        assertEquals(ApprovalRequest.State.AWAITING, request.state);
        assertTrue(request.reasons.contains("allowance"), request.reasons);
        browser.get("/approvals/" + request.id).then().statusCode(200).body(containsString("Waiting for approval"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", token)),
                "nothing is placed before approval");
        assertEquals(25_00, BudgetFixtures.budget(b.id).reserved, "the department's budget holds it meanwhile");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Allowance.<Allowance> findById(a.id)).reserved,
                "not charged to the allowance it is over");

        // Within the allowance, a send goes out at once and is charged to the allowance.
        String within = UUID.randomUUID().toString();
        Response direct = browser.post("/send", "token", within, "sku", "APPL-E-1000-STD", "recipientName",
                "Allowance Recipient", "recipientEmail", "within-" + UUID.randomUUID() + "@example.com", "amount", "",
                "subject", "Thanks", "message", "For the fix", "from", "A Tester");
        assertEquals(303, direct.statusCode(), direct.asString());
        assertTrue(direct.getHeader("Location").contains("/rewards/"), direct.getHeader("Location"));
        assertEquals(10_00, QuarkusTransaction.requiringNew().call(() -> Allowance.<Allowance> findById(a.id)).settled);
    }
}
