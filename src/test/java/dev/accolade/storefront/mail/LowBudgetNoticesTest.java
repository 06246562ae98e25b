package dev.accolade.storefront.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.budgets.Budget;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.budgets.LowBudgetNotices;
import dev.accolade.storefront.directory.Department;

/**
 * The daily low-budget notice: HR and administrators hear once when a department's budget for the
 * period has less than 10% left, not again on the next day's run, again once the budget was raised
 * and runs low again; managers never, and an HR user who turned it off neither.
 */
@QuarkusTest
@TestProfile(MailTestProfile.class)
class LowBudgetNoticesTest {

    @Inject
    OutboxSender sender;

    @Inject
    LowBudgetNotices lowBudget;

    @Inject
    Budgets budgets;

    @Inject
    Actors actors;

    @BeforeEach
    void clean() throws Exception {
        Inbox.clear();
    }

    static void spent(Budget b, long cents) {
        QuarkusTransaction.requiringNew().run(() -> Budget.update("settled = ?1 where id = ?2", cents, b.id));
    }

    /** The low-budget messages about the department delivered so far, to {@code email}. */
    static List<MimeMessage> about(Department d, String email) {
        return Inbox.to(email).stream().filter(m -> Inbox.subject(m).startsWith("Low budget: " + d.name + " ")).toList();
    }

    @Test
    void hrAndAdminsHearOfALowBudgetOncePerCrossing() {
        Department d = BudgetFixtures.department("Low budget");
        Budget b = BudgetFixtures.monthBudget(d, 100_00);
        spent(b, 89_00);
        lowBudget.check();
        Inbox.deliver(sender);
        assertTrue(about(d, "hr@accolade.test").isEmpty(), "$11.00 of $100.00 left: not under 10%");

        spent(b, 91_00);
        lowBudget.check();
        lowBudget.check();
        Inbox.deliver(sender);
        MimeMessage m = about(d, "hr@accolade.test").stream().reduce((x, y) -> {
            throw new AssertionError("more than one message to HR");
        }).orElseThrow(() -> new AssertionError("no message to HR"));
        assertEquals("Low budget: " + d.name + " has $9.00 left for " + b.label(), Inbox.subject(m));
        assertEquals(NoticesTest.base() + "/budgets/" + d.id, Inbox.link(Inbox.text(m), NoticesTest.base() + "/budgets/"));
        assertTrue(Inbox.text(m).contains("$9.00 left of $100.00, under 10%"), Inbox.text(m));
        assertTrue(Inbox.html(m).contains("href=\"" + NoticesTest.base() + "/budgets/" + d.id + "\""));
        assertEquals(1, about(d, "admin@accolade.test").size(), "administrators too");
        assertTrue(about(d, "manager@accolade.test").isEmpty(), "not managers");

        lowBudget.check();
        Inbox.deliver(sender);
        assertEquals(1, about(d, "hr@accolade.test").size(), "the next day, still low: not again");

        actors.runAs(new Actor("hr@accolade.test", "127.0.0.1"), () -> budgets.change(b.id, 101_00));
        lowBudget.check();
        Inbox.deliver(sender);
        assertEquals(2, about(d, "hr@accolade.test").size(), "raised, yet still low ($10.00 of $101.00): told again");
        assertTrue(Inbox.subject(about(d, "hr@accolade.test").get(1)).contains("$10.00 left"));

        actors.runAs(new Actor("hr@accolade.test", "127.0.0.1"), () -> budgets.change(b.id, 200_00));
        lowBudget.check();
        lowBudget.check();
        spent(b, 195_00);
        lowBudget.check();
        lowBudget.check();
        Inbox.deliver(sender);
        assertEquals(3, about(d, "hr@accolade.test").size(), "over the mark, then under it again: told once more");
    }

    @Test
    void anHrUserWhoTurnedItOffGetsNone() {
        Browser hr = Browser.signedIn("hr@accolade.test");
        String page = hr.get("/profile").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"notice\" value=\"LOW_BUDGET\" checked"), "offered, on by default");
        hr.post("/profile/notices", "notice", "APPROVAL_REQUESTED").then().statusCode(303);

        Department d = BudgetFixtures.department("Quiet budget");
        Budget b = BudgetFixtures.monthBudget(d, 100_00);
        spent(b, 100_00);
        lowBudget.check();
        Inbox.deliver(sender);
        assertTrue(about(d, "hr@accolade.test").isEmpty(), "turned off");
        assertEquals(1, about(d, "admin@accolade.test").size());
    }
}
