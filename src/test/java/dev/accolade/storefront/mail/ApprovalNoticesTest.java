package dev.accolade.storefront.mail;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.approvals.ApprovalJobs;
import dev.accolade.storefront.approvals.ApprovalRequest;
import dev.accolade.storefront.approvals.Approvals;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.SpendingPolicies;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.NotCovered;
import dev.accolade.storefront.orders.OrderRequest;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * The approval messages through the real approval paths, to the tests' SMTP server: a new request
 * goes to HR and the department's named approvers but never to its requester nor to an approver who
 * turned it off; each decision (approved, rejected, change asked, expired) goes to the requester with
 * its reason and link; a request that rolls back mails nobody.
 */
@QuarkusTest
@TestProfile(MailTestProfile.class)
class ApprovalNoticesTest {

    static final String RECIPIENT = "Approval Recipient";

    @Inject
    OutboxSender sender;

    @Inject
    RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    SpendingPolicies policies;

    @Inject
    Approvals approvals;

    @Inject
    ApprovalJobs jobs;

    @Inject
    Actors actors;

    /** A department with a $500 monthly budget and approval above $20; its manager asks. */
    record Setup(Department department, AppUser requester) {
    }

    @BeforeEach
    void clean() throws Exception {
        Inbox.clear();
    }

    Setup setup(long budgetCents) {
        catalog.refresh();
        Department department = BudgetFixtures.department("Mailed approvals", raas);
        BudgetFixtures.monthBudget(department, budgetCents);
        SpendingPolicy p = new SpendingPolicy();
        p.departmentId = department.id;
        p.approvalThreshold = 20_00L;
        p.recipients = SpendingPolicy.Recipients.ANYONE;
        p.fromRule = SpendingPolicy.FromRule.ANY;
        actors.runAs(new Actor("hr@accolade.test", "127.0.0.1"), () -> policies.save(p, department.name));
        return new Setup(department, user("asker", department));
    }

    /** A manager of the department (password accolade-demo). */
    static AppUser user(String prefix, Department department) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = new AppUser();
            u.email = prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@accolade.test";
            u.displayName = prefix.substring(0, 1).toUpperCase() + prefix.substring(1) + " Tester";
            u.role = Role.MANAGER;
            u.departmentId = department.id;
            u.passwordHash = BcryptUtil.bcryptHash("accolade-demo");
            u.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            u.persist();
            return u;
        });
    }

    static void nameApprover(Department department, AppUser user) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("insert into department_approver (department_id, user_id) values (?1, ?2)")
                .setParameter(1, department.id).setParameter(2, user.id).executeUpdate());
    }

    /** Asks for a $25 iTunes card (over the $20 threshold) as the manager; returns the request. */
    static ApprovalRequest ask(Browser manager) {
        String token = UUID.randomUUID().toString();
        Response sent = manager.post("/send", "token", token, "sku", "APPL-E-2500-STD", "recipientName", RECIPIENT,
                "recipientEmail", "recipient-" + UUID.randomUUID() + "@example.com", "amount", "", "subject", "Thanks",
                "message", "For the launch", "from", "A Tester");
        assertEquals(303, sent.statusCode(), sent.asString());
        assertTrue(sent.getHeader("Location").contains("/approvals/"), sent.getHeader("Location"));
        return QuarkusTransaction.requiringNew()
                .call(() -> ApprovalRequest.<ApprovalRequest> find("token", token).firstResult());
    }

    static long enabledHr() {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.count("role = ?1 and enabled = true", Role.HR));
    }

    @Test
    void aNewRequestIsMailedToEveryApproverButItsRequesterAndThoseWhoTurnedItOff() {
        Setup s = setup(500_00);
        AppUser approver = user("approver", s.department());
        AppUser quiet = user("quiet", s.department());
        nameApprover(s.department(), approver);
        nameApprover(s.department(), quiet);
        nameApprover(s.department(), s.requester());
        Browser quietBrowser = Browser.signedIn(quiet.email);
        String page = quietBrowser.get("/profile").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"notice\" value=\"APPROVAL_REQUESTED\" checked"), "offered, on by default");
        quietBrowser.post("/profile/notices", "notice", "REWARD_TROUBLE").then().statusCode(303);

        ApprovalRequest a = ask(Browser.signedIn(s.requester().email));
        assertEquals(enabledHr() + 1, Inbox.deliver(sender), "HR and the one named approver who wants it");

        assertTrue(Inbox.to(s.requester().email).isEmpty(), "the requester, a named approver too, is not asked");
        assertTrue(Inbox.to(quiet.email).isEmpty(), "turned off");
        assertTrue(Inbox.to("manager@accolade.test").isEmpty(), "another department's manager");
        assertTrue(Inbox.to("admin@accolade.test").isEmpty(), "administrators do not approve");
        for (String to : List.of("hr@accolade.test", approver.email)) {
            MimeMessage m = Inbox.only(to);
            assertEquals("Asker Tester asks you to approve a reward to " + RECIPIENT, Inbox.subject(m));
            String link = NoticesTest.base() + "/approvals/" + a.id;
            assertEquals(link, Inbox.link(Inbox.text(m), NoticesTest.base() + "/approvals"));
            assertTrue(Inbox.text(m).contains("($25.00)"), Inbox.text(m));
            assertTrue(Inbox.html(m).contains("href=\"" + link + "\""), "the HTML part links it too");
        }
        Browser.signedIn(approver.email).get("/approvals/" + a.id).then().statusCode(200)
                .body(containsString(RECIPIENT));
    }

    @Test
    void theRequesterHearsEachDecisionWithItsReasonAndTheApproversDoNot() throws Exception {
        Setup s = setup(500_00);
        Browser requester = Browser.signedIn(s.requester().email);
        ApprovalRequest approved = ask(requester);
        ApprovalRequest rejected = ask(requester);
        ApprovalRequest changed = ask(requester);
        ApprovalRequest expired = ask(requester);
        Inbox.deliver(sender);
        GreenMailServer.server().purgeEmailFromAllMailboxes();

        Browser hr = Browser.signedIn("hr@accolade.test");
        assertEquals(303, hr.post("/approvals/" + approved.id + "/approve").statusCode());
        assertEquals(303, hr.post("/approvals/" + rejected.id + "/reject", "reason", "Not <this> quarter").statusCode());
        assertEquals(303, hr.post("/approvals/" + rejected.id + "/reject", "reason", "Twice").statusCode());
        assertEquals(303, hr.post("/approvals/" + changed.id + "/change", "reason", "Pick a local shop").statusCode());
        QuarkusTransaction.requiringNew().run(() -> ApprovalRequest.update("expiresAt = ?1 where id = ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), expired.id));
        jobs.run();
        assertEquals(4, Inbox.deliver(sender));

        List<MimeMessage> to = Inbox.to(s.requester().email);
        assertEquals(4, to.size(), "one per decision, the second rejection click decided nothing");
        assertEquals(4, Inbox.all().size(), "the requester only");
        String base = NoticesTest.base() + "/approvals/";
        MimeMessage yes = message(to, "Your reward to " + RECIPIENT + " was approved");
        assertEquals(base + approved.id, Inbox.link(Inbox.text(yes), base));
        assertTrue(Inbox.text(yes).contains("was approved and goes out now"), Inbox.text(yes));
        assertTrue(!Inbox.text(yes).contains("Reason:"), "no reason given");

        MimeMessage no = message(to, "Your reward to " + RECIPIENT + " was not approved");
        assertEquals(base + rejected.id, Inbox.link(Inbox.text(no), base));
        assertTrue(Inbox.text(no).contains("Reason: Not <this> quarter"), Inbox.text(no));
        assertTrue(Inbox.html(no).contains("Not &lt;this&gt; quarter"), "escaped in HTML");

        MimeMessage change = message(to, "Your reward to " + RECIPIENT + " needs a change");
        assertEquals(base + changed.id, Inbox.link(Inbox.text(change), base));
        assertTrue(Inbox.text(change).contains("Reason: Pick a local shop"), Inbox.text(change));

        MimeMessage late = message(to, "Your reward to " + RECIPIENT + " expired");
        assertEquals(base + expired.id, Inbox.link(Inbox.text(late), base));
        assertTrue(Inbox.text(late).contains("Reason: Not decided within 7 days."), Inbox.text(late));
        assertEquals(NoticesTest.base() + "/profile#notices", Inbox.link(Inbox.text(late), NoticesTest.base() + "/profile"));
        requester.get("/approvals/" + rejected.id).then().statusCode(200).body(containsString("Rejected"));
    }

    static MimeMessage message(List<MimeMessage> messages, String subject) {
        List<MimeMessage> found = messages.stream().filter(m -> Inbox.subject(m).equals(subject)).toList();
        assertEquals(1, found.size(), "one message \"" + subject + "\"");
        return found.get(0);
    }

    @Test
    void aRequesterWhoTurnedDecisionsOffHearsNothing() {
        Setup s = setup(500_00);
        Browser requester = Browser.signedIn(s.requester().email);
        assertTrue(requester.get("/profile").then().extract().asString()
                .contains("name=\"notice\" value=\"APPROVAL_DECIDED\" checked"), "offered, on by default");
        requester.post("/profile/notices", "notice", "REWARD_TROUBLE").then().statusCode(303);
        ApprovalRequest a = ask(requester);
        Browser.signedIn("hr@accolade.test").post("/approvals/" + a.id + "/reject", "reason", "No").then().statusCode(303);
        assertEquals(ApprovalRequest.State.REJECTED, QuarkusTransaction.requiringNew()
                .call(() -> ApprovalRequest.<ApprovalRequest> findById(a.id)).state);
        Inbox.deliver(sender);
        assertTrue(Inbox.to(s.requester().email).isEmpty());
        assertEquals(enabledHr(), Inbox.all().size(), "only the approvers' messages of the request");
    }

    @Test
    void aRequestTheBudgetCannotCoverRollsBackAndMailsNobody() {
        Setup s = setup(5_00);
        AppUser approver = user("approver", s.department());
        nameApprover(s.department(), approver);
        Department d = s.department();
        OrderRequest order = new OrderRequest(UUID.randomUUID().toString(), BudgetFixtures.ITUNES,
                BudgetFixtures.ITUNES_10, 1000, RECIPIENT, "rollback-" + UUID.randomUUID() + "@example.com", null,
                "Thanks", "For the launch", "A Tester");
        assertThrows(NotCovered.class, () -> actors.runAs(new Actor(s.requester().email, "127.0.0.1"),
                () -> approvals.request(order, new Requester(s.requester().id, s.requester().email, d.ref()),
                        List.of("above $20.00"), false)));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.count("token", order.token())));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()));
        assertEquals(0, Inbox.deliver(sender));
        assertTrue(Inbox.all().isEmpty());
    }
}
