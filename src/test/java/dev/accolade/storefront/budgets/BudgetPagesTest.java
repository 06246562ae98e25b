package dev.accolade.storefront.budgets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * The forms of {@code /budgets/<department>} as HR uses them: a budget, a change in its period, a
 * manager's allowance and the spending policy are saved and shown; wrong input is answered with a
 * message next to its field and changes nothing; managers are refused.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class BudgetPagesTest {

    private static final String CHECK = "Please check the highlighted fields.";

    /** Posts a form of the department's page, expects the redirect back to it and returns the page shown after it. */
    private static String submit(Browser hr, Department d, String form, Object... fields) {
        Response r = hr.post("/budgets/" + d.id + "/" + form, fields);
        assertEquals(303, r.statusCode(), r.asString());
        assertEquals("/budgets/" + d.id, java.net.URI.create(r.getHeader("Location")).getPath());
        Response page = hr.get("/budgets/" + d.id);
        assertEquals(200, page.statusCode());
        return page.asString();
    }

    private static Budget budgetOf(Department d) {
        return QuarkusTransaction.requiringNew().call(() -> Budget.find("departmentId", d.id).<Budget> firstResult());
    }

    private static Allowance allowanceOf(Budget b) {
        return QuarkusTransaction.requiringNew().call(() -> Allowance.find("budgetId", b.id).<Allowance> firstResult());
    }

    private static long audited(String action, String detailLike) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and detail like ?2", action,
                detailLike));
    }

    @Test
    void aBudgetSetAndChangedFromTheFormIsSavedShownAndAudited() {
        Department d = BudgetFixtures.department("Pages set");
        Browser hr = Browser.signedIn("hr@accolade.test");
        String label = BudgetPeriod.MONTH.label(BudgetPeriod.MONTH.startOf(LocalDate.now(ZoneOffset.UTC), 1));

        String page = submit(hr, d, "set", "period", "MONTH", "amount", "1500.50");
        assertTrue(page.contains("The budget for " + label + " is set."), page);
        assertTrue(page.contains("$1,500.50 left"), page);
        Budget b = budgetOf(d);
        assertEquals(150_050, b.amount);
        assertEquals(BudgetPeriod.MONTH, b.periodKind);
        assertEquals(1, audited("BUDGET_SET", d.name + ", " + label + ": $1,500.50%"));
        hr.get("/budgets").then().statusCode(200).body(containsString(d.name)).body(containsString("$1,500.50"));

        page = submit(hr, d, "change", "amount", "2000");
        assertTrue(page.contains("The budget is changed for the rest of " + label + "."), page);
        assertTrue(page.contains("$2,000.00 left"), page);
        assertEquals(200_000, budgetOf(d).amount);
        assertEquals(1, audited("BUDGET_CHANGE", label + ": $1,500.50 to $2,000.00%"));

        // Setting it again for the same period is refused: change the one there is.
        page = submit(hr, d, "set", "period", "QUARTER", "amount", "9000");
        assertTrue(page.contains("already has a budget for part of"), page);
        assertEquals(200_000, budgetOf(d).amount);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Budget.count("departmentId", d.id)));

        // Never below what is already spent and reserved.
        QuarkusTransaction.requiringNew().run(() -> Budget.update("reserved = 50000 where id = ?1", b.id));
        page = submit(hr, d, "change", "amount", "100");
        assertTrue(page.contains("The budget cannot be lower than what is already spent and reserved ($500.00)."), page);
        assertEquals(200_000, budgetOf(d).amount);
    }

    @Test
    void wrongBudgetInputIsAnsweredNextToItsFieldAndChangesNothing() {
        Department d = BudgetFixtures.department("Pages wrong");
        Browser hr = Browser.signedIn("hr@accolade.test");

        String page = submit(hr, d, "set", "period", "MONTH", "amount", "lots");
        assertTrue(page.contains(CHECK), page);
        assertTrue(page.contains("id=\"set-amount-error\">Enter an amount in dollars"), page);

        page = submit(hr, d, "set", "period", "WEEK", "amount", "100");
        assertTrue(page.contains("id=\"set-period-error\">Choose a month, a quarter or a year."), page);

        page = submit(hr, d, "set", "period", "MONTH", "amount", "");
        assertTrue(page.contains("id=\"set-amount-error\">Enter an amount in dollars"), page);

        page = submit(hr, d, "change", "amount", "100");
        assertTrue(page.contains("has no budget for today: set one first."), page);
        AppUser manager = BudgetFixtures.user("early", Role.MANAGER, d);
        page = submit(hr, d, "allowance", "email", manager.email, "amount", "100");
        assertTrue(page.contains("has no budget for today: set one first."), page);
        assertNull(budgetOf(d));

        BudgetFixtures.monthBudget(d, 500_00);
        page = submit(hr, d, "change", "amount", "12,50");
        assertTrue(page.contains("id=\"amount-error\">"), page);
        assertEquals(500_00, budgetOf(d).amount);

        hr.post("/budgets/987654321/set", "period", "MONTH", "amount", "100").then().statusCode(404);
        hr.get("/budgets/987654321").then().statusCode(404);
        hr.get("/budgets/not-a-number").then().statusCode(404);
    }

    @Test
    void anAllowanceIsSetChangedAndShownAndWrongOnesAreRefused() {
        Department d = BudgetFixtures.department("Pages allowance");
        AppUser manager = BudgetFixtures.user("allowed", Role.MANAGER, d);
        Department other = BudgetFixtures.department("Pages other");
        AppUser stranger = BudgetFixtures.user("stranger", Role.MANAGER, other);
        Budget b = BudgetFixtures.monthBudget(d, 500_00);
        Browser hr = Browser.signedIn("hr@accolade.test");

        String page = submit(hr, d, "allowance", "email", manager.email, "amount", "100");
        assertTrue(page.contains(manager.displayName + "&#39;s allowance is set.")
                || page.contains(manager.displayName + "'s allowance is set."), page);
        assertTrue(page.contains(manager.email), page);
        assertTrue(page.contains("$100.00 left"), page);
        page = submit(hr, d, "allowance", "email", manager.email, "amount", "150");
        assertTrue(page.contains("$150.00 left"), page);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Allowance.count("budgetId", b.id)),
                "the second one changed the first");
        assertEquals(150_00, allowanceOf(b).amount);
        assertEquals(2, audited("BUDGET_ALLOWANCE", manager.email + ": %"));

        page = submit(hr, d, "allowance", "email", "not an address", "amount", "100");
        assertTrue(page.contains(CHECK), page);
        assertTrue(page.contains("id=\"allowance-email-error\">Enter a valid email address."), page);
        assertTrue(page.contains("value=\"not an address\""), "what was typed is kept: " + page);

        page = submit(hr, d, "allowance", "email", manager.email, "amount", "");
        assertTrue(page.contains("id=\"allowance-amount-error\">Enter an amount in dollars"), page);

        page = submit(hr, d, "allowance", "email", stranger.email, "amount", "100");
        assertTrue(page.contains("There is no manager " + stranger.email + " in this department."), page);

        page = submit(hr, d, "allowance", "email", manager.email, "amount", "600");
        assertTrue(page.contains("An allowance cannot be larger than the budget ($500.00)."), page);
        assertEquals(150_00, allowanceOf(b).amount);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Allowance.count("userId", stranger.id)));
    }

    @Test
    void aPolicySavedFromTheFormIsKeptAndShownAndWrongInputChangesNothing() {
        Department d = BudgetFixtures.department("Pages policy");
        Browser hr = Browser.signedIn("hr@accolade.test");

        String page = submit(hr, d, "policy", "maxPerReward", "50", "maxPerRecipient", "100.00", "approvalThreshold", "25",
                "recipients", "DOMAINS", "allowedDomains", "partner.example, Other.Example", "messageRequired", "on",
                "recentDays", "30", "fromRule", "SENDER");
        assertTrue(page.contains("The spending policy of " + d.name + " is saved."), page);
        assertTrue(page.contains("id=\"maxPerReward\" name=\"maxPerReward\" type=\"text\" inputmode=\"decimal\" value=\"50.00\""),
                page);
        assertTrue(page.contains("value=\"DOMAINS\" selected"), page);
        SpendingPolicy p = QuarkusTransaction.requiringNew().call(() -> SpendingPolicy.<SpendingPolicy> findById(d.id));
        assertEquals(50_00L, p.maxPerReward);
        assertEquals(100_00L, p.maxPerRecipient);
        assertEquals(25_00L, p.approvalThreshold);
        assertEquals(SpendingPolicy.Recipients.DOMAINS, p.recipients);
        assertTrue(p.messageRequired);
        assertEquals(30, p.recentDays);
        assertEquals(SpendingPolicy.FromRule.SENDER, p.fromRule);
        assertEquals(1, audited("POLICY_SET", d.name + ": %"));

        page = submit(hr, d, "policy", "maxPerReward", "lots", "recipients", "ANYONE", "recentDays", "7", "fromRule", "ANY");
        assertTrue(page.contains(CHECK), page);
        assertTrue(page.contains("id=\"maxPerReward-error\">Enter an amount in dollars, or leave it empty for none."), page);
        page = submit(hr, d, "policy", "maxPerReward", "0", "recipients", "ANYONE", "recentDays", "7", "fromRule", "ANY");
        assertTrue(page.contains("id=\"maxPerReward-error\">"), page);
        page = submit(hr, d, "policy", "recipients", "ANYONE", "recentDays", "-1", "fromRule", "ANY");
        assertTrue(page.contains("id=\"recentDays-error\">Enter a number of days from 0 to 999."), page);
        page = submit(hr, d, "policy", "recipients", "EVERYONE", "fromRule", "ANY");
        assertTrue(page.contains(CHECK), page);
        page = submit(hr, d, "policy", "recipients", "DOMAINS", "allowedDomains", " ", "fromRule", "ANY");
        assertTrue(page.contains("id=\"allowedDomains-error\">List at least one domain, or choose another rule."), page);

        SpendingPolicy after = QuarkusTransaction.requiringNew().call(() -> SpendingPolicy.<SpendingPolicy> findById(d.id));
        assertEquals(50_00L, after.maxPerReward, "no wrong form changed the policy");
        assertEquals(SpendingPolicy.Recipients.DOMAINS, after.recipients);
        assertEquals(30, after.recentDays);
        assertEquals(1, audited("POLICY_SET", d.name + ": %"));
    }

    @Test
    void aManagerIsRefusedEveryBudgetPageAndForm() {
        Department d = BudgetFixtures.department("Pages refused");
        AppUser manager = BudgetFixtures.user("refused", Role.MANAGER, d);
        Browser b = Browser.signedIn(manager.email);

        b.get("/budgets").then().statusCode(403);
        b.get("/budgets/" + d.id).then().statusCode(403).body(not(containsString("Set the budget")));
        for (String form : new String[] { "set", "change", "allowance", "approver", "policy" }) {
            Response r = b.post("/budgets/" + d.id + "/" + form, "period", "MONTH", "amount", "100", "email", manager.email,
                    "recipients", "ANYONE", "fromRule", "ANY");
            assertEquals(403, r.statusCode(), form);
        }
        assertNull(budgetOf(d));
        assertNull(QuarkusTransaction.requiringNew().call(() -> SpendingPolicy.<SpendingPolicy> findById(d.id)));
        b.get("/reports/budgets").then().statusCode(403);
        b.get("/reports/budgets/export.csv").then().statusCode(403);
    }
}
