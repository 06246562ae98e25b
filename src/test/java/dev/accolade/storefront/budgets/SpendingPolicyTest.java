package dev.accolade.storefront.budgets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * The department's spending policy before a reward is sent: hard rules refuse it on the field, the
 * review offers no Send when the budget cannot cover it, an earlier reward to the same person is
 * shown, and the "From" line says only what the policy allows.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class SpendingPolicyTest {

    @Inject
    dev.accolade.raas.client.RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    SpendingPolicies policies;

    @Inject
    Actors actors;

    @Inject
    dev.accolade.storefront.orders.OrderPlacement placement;

    record Setup(Department department, AppUser manager, Browser browser) {
    }

    Setup setup(long budgetCents, java.util.function.Consumer<SpendingPolicy> rules) {
        catalog.refresh();
        Department department = BudgetFixtures.department("Policy", raas);
        AppUser manager = BudgetFixtures.user("policy", Role.MANAGER, department);
        BudgetFixtures.monthBudget(department, budgetCents);
        SpendingPolicy p = new SpendingPolicy();
        p.departmentId = department.id;
        p.recipients = SpendingPolicy.Recipients.ANYONE;
        p.fromRule = SpendingPolicy.FromRule.ANY;
        rules.accept(p);
        actors.runAs(new Actor("hr@accolade.test", "127.0.0.1"), () -> policies.save(p, department.name));
        return new Setup(department, manager, Browser.signedIn(manager.email));
    }

    static Object[] form(String token, String sku, String email, String message, String from) {
        return new Object[] { "token", token, "sku", sku, "recipientName", "Policy Recipient", "recipientEmail", email,
                "amount", "", "subject", "Thanks", "message", message, "from", from };
    }

    @Test
    void theReviewOffersNoSendWhenTheBudgetCannotCoverTheReward() {
        Setup s = setup(20_00, p -> {
        });
        Object[] form = form(UUID.randomUUID().toString(), "APPL-E-2500-STD", "p-" + UUID.randomUUID() + "@example.com",
                "Thanks", "Policy Tester");
        s.browser().post("/send/review", form).then().statusCode(200)
                .body(containsString("has $20.00 left, less than this reward"))
                .body(not(containsString(">Send reward<"))).body(not(containsString("Ask for approval")));
        // Posted anyway: refused on the form, nothing stored, RaaS not called.
        s.browser().post("/send", form).then().statusCode(200).body(containsString("has $20.00 left"));
        assertEquals(0L, orders(s.department()));
    }

    @Test
    void hardRulesRefuseOnTheField() {
        Setup s = setup(500_00, p -> {
            p.maxPerReward = 20_00L;
            p.recipients = SpendingPolicy.Recipients.DOMAINS;
            p.allowedDomains = "partner.example";
            p.messageRequired = true;
            p.fromRule = SpendingPolicy.FromRule.SENDER_OR_TEAM;
        });
        String page = s.browser().post("/send/review", form(UUID.randomUUID().toString(), "APPL-E-2500-STD",
                "someone@elsewhere.example", "", "Somebody Else")).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("at most $20.00 per reward"), page);
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("to the directory and to partner.example only"));
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("asks for a message"));
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("signs rewards as Policy Tester or " + s.department().name
                + " team"));
        // The form offers the allowed signatures only, the sender's own name first.
        s.browser().get("/send?sku=APPL-E-1000-STD").then().statusCode(200)
                .body(containsString("<option value=\"Policy Tester\""))
                .body(containsString("<option value=\"" + s.department().name + " team\""));
        Response r = s.browser().post("/send", form(UUID.randomUUID().toString(), "APPL-E-1000-STD",
                "ok@partner.example", "Well done", "Somebody Else"));
        assertEquals(200, r.statusCode());
        assertEquals(0L, orders(s.department()), "a From the policy does not allow is not sent");
    }

    @Test
    void anEarlierRewardToTheSamePersonIsShownBeforeSending() {
        Setup s = setup(500_00, p -> p.recentDays = 30);
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        RewardOrder first = actors.runAs(new Actor(s.manager().email, "127.0.0.1"), () -> placement
                .place(BudgetFixtures.itunes(email, "One"), BudgetFixtures.requester(s.manager(), s.department())).order());
        assertEquals(RewardOrder.Status.DELIVERED, first.status);
        s.browser().post("/send/review", form(UUID.randomUUID().toString(), "APPL-E-1000-STD", email, "Two",
                "Policy Tester")).then().statusCode(200)
                .body(containsString("You rewarded Policy Recipient recently"))
                .body(containsString("/rewards/" + first.id))
                .body(containsString("iTunes Gift Card $10"));
    }

    @Test
    void aRecipientOverTheMaximumPerPersonOfThePeriodNeedsApprovalHoweverTheAddressIsWritten() {
        Setup s = setup(500_00, p -> p.maxPerRecipient = 25_00L);
        String id = UUID.randomUUID().toString();
        String email = "often-" + id + "@example.com";
        for (String written : new String[] { email, "Often-" + id + "@Example.COM" }) {
            RewardOrder sent = actors.runAs(new Actor(s.manager().email, "127.0.0.1"), () -> placement
                    .place(BudgetFixtures.itunes(written, "Again"), BudgetFixtures.requester(s.manager(), s.department()))
                    .order());
            assertEquals(RewardOrder.Status.DELIVERED, sent.status);
        }
        // $20 so far to one person, however the address was typed: a $10 card would make $30.
        s.browser().post("/send/review", form(UUID.randomUUID().toString(), "APPL-E-1000-STD",
                "OFTEN-" + id + "@example.com", "Third", "Policy Tester")).then().statusCode(200)
                .body(containsString("The recipient would get $30.00 this period, over the $25.00 per person."))
                .body(containsString("Ask for approval"));
        // Another person of the same department is not counted against this one.
        s.browser().post("/send/review", form(UUID.randomUUID().toString(), "APPL-E-1000-STD",
                "someone-else-" + id + "@example.com", "First", "Policy Tester")).then().statusCode(200)
                .body(not(containsString("per person")));
    }

    private static long orders(Department d) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("departmentId", d.id));
    }
}
