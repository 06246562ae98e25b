package dev.accolade.storefront.budgets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.approvals.ApprovalJobs;
import dev.accolade.storefront.approvals.ApprovalRequest;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Four-eyes approval: a reward over the department's threshold waits with its amount reserved; its
 * requester cannot approve it; twenty approvals at once place one order; rejecting and expiry give
 * the reservation back once; another department's manager sees none of it.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class ApprovalsTest {

    @Inject
    dev.accolade.raas.client.RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    ApprovalJobs jobs;

    @Inject
    SpendingPolicies policies;

    @Inject
    dev.accolade.storefront.audit.Actors actors;

    /** A department with a $500 monthly budget and approval above $20, its manager (also a named approver). */
    record Setup(Department department, AppUser manager, Budget budget) {
    }

    Setup setup() {
        catalog.refresh();
        Department department = BudgetFixtures.department("Approvals", raas);
        AppUser manager = BudgetFixtures.user("asker", Role.MANAGER, department);
        Budget budget = BudgetFixtures.monthBudget(department, 500_00);
        SpendingPolicy p = new SpendingPolicy();
        p.departmentId = department.id;
        p.approvalThreshold = 20_00L;
        p.recipients = SpendingPolicy.Recipients.ANYONE;
        p.fromRule = SpendingPolicy.FromRule.ANY;
        actors.runAs(new dev.accolade.storefront.audit.Actor("hr@accolade.test", "127.0.0.1"),
                () -> policies.save(p, department.name));
        return new Setup(department, manager, budget);
    }

    /** Asks for a $25 iTunes card (over the $20 threshold) as the manager; returns the request. */
    static ApprovalRequest ask(Browser manager, String recipient) {
        String token = UUID.randomUUID().toString();
        Object[] form = { "token", token, "sku", "APPL-E-2500-STD", "recipientName", "Approval Recipient",
                "recipientEmail", recipient, "amount", "", "subject", "Thanks", "message", "For the launch", "from", "A Tester" };
        manager.post("/send/review", form).then().statusCode(200).body(containsString("Ask for approval"))
                .body(containsString("above $20.00"));
        Response sent = manager.post("/send", form);
        assertEquals(303, sent.statusCode(), sent.asString());
        assertTrue(sent.getHeader("Location").contains("/approvals/"), sent.getHeader("Location"));
        ApprovalRequest a = QuarkusTransaction.requiringNew()
                .call(() -> ApprovalRequest.<ApprovalRequest> find("token", token).firstResult());
        assertNotNull(a);
        manager.get("/approvals/" + a.id).then().statusCode(200).body(containsString("Waiting for approval"));
        return a;
    }

    @Test
    void aRewardOverTheThresholdWaitsWithItsAmountReservedAndItsRequesterCannotApproveIt() {
        Setup s = setup();
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("insert into department_approver (department_id, user_id) values (?1, ?2)")
                .setParameter(1, s.department().id).setParameter(2, s.manager().id).executeUpdate());
        Browser manager = Browser.signedIn(s.manager().email);
        ApprovalRequest a = ask(manager, "own-" + UUID.randomUUID() + "@example.com");
        assertEquals(ApprovalRequest.State.AWAITING, a.state);
        assertEquals(2500, BudgetFixtures.budget(s.budget().id).reserved, "reserved while it waits");

        Response own = manager.post("/approvals/" + a.id + "/approve");
        assertEquals(403, own.statusCode());
        assertTrue(own.asString().contains("cannot decide your own request"));
        long refused = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "ACCESS_REFUSED", "approval " + a.id));
        assertEquals(1, refused, "the refusal is audited");
        ApprovalRequest after = reload(a);
        assertEquals(ApprovalRequest.State.AWAITING, after.state);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", a.token)));
    }

    @Test
    void twentyConcurrentApprovesPlaceOneOrder() throws Exception {
        Setup s = setup();
        Browser manager = Browser.signedIn(s.manager().email);
        String recipient = "approved-" + UUID.randomUUID() + "@example.com";
        ApprovalRequest a = ask(manager, recipient);
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/").then().body(containsString("for your approval"));
        hr.get("/approvals").then().statusCode(200).body(containsString(recipient));

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> clicks = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                clicks.add(pool.submit(() -> {
                    start.await();
                    return hr.post("/approvals/" + a.id + "/approve").statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> f : clicks) {
                assertEquals(303, f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", a.token)));
        RewardOrder order = QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> find("sendToken", a.token)
                .firstResult());
        assertEquals(RewardOrder.Status.DELIVERED, order.status);
        assertEquals(s.manager().id, order.requesterId, "the order is the requester's");
        assertEquals(1, raasOrdersTo(s.department(), recipient), "one order at RaaS");
        ApprovalRequest after = reload(a);
        assertEquals(ApprovalRequest.State.APPROVED, after.state);
        assertEquals(order.id, after.orderId);
        assertEquals("hr@accolade.test", after.decidedBy);
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(2500, budget.settled, "the reservation was taken over and settled once");
        assertEquals(0, budget.reserved);
        long approvals = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "APPROVAL_APPROVE", "approval " + a.id));
        assertEquals(1, approvals);
    }

    @Test
    void rejectingNeedsAReasonAndGivesTheReservationBack() {
        Setup s = setup();
        Browser manager = Browser.signedIn(s.manager().email);
        ApprovalRequest a = ask(manager, "rejected-" + UUID.randomUUID() + "@example.com");
        Browser hr = Browser.signedIn("hr@accolade.test");

        assertEquals(303, hr.post("/approvals/" + a.id + "/reject", "reason", "  ").statusCode());
        assertEquals(ApprovalRequest.State.AWAITING, reload(a).state, "no reason, no rejection");
        assertEquals(303, hr.post("/approvals/" + a.id + "/reject", "reason", "Not this quarter").statusCode());
        assertEquals(303, hr.post("/approvals/" + a.id + "/reject", "reason", "Twice").statusCode());

        ApprovalRequest after = reload(a);
        assertEquals(ApprovalRequest.State.REJECTED, after.state);
        assertEquals("Not this quarter", after.decisionNote);
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(0, budget.reserved);
        assertEquals(0, budget.settled);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "BUDGET_RELEASE", "budget " + s.budget().id)));
        manager.get("/approvals/" + a.id).then().body(containsString("Rejected")).body(containsString("Not this quarter"));
        assertEquals(303, hr.post("/approvals/" + a.id + "/approve").statusCode());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", a.token)),
                "a rejected request is never placed");
    }

    @Test
    void anUndecidedRequestExpiresAndGivesItsReservationBackOnce() {
        Setup s = setup();
        Browser manager = Browser.signedIn(s.manager().email);
        ApprovalRequest a = ask(manager, "expired-" + UUID.randomUUID() + "@example.com");
        assertEquals(2500, BudgetFixtures.budget(s.budget().id).reserved);
        jobs.run();
        assertEquals(ApprovalRequest.State.AWAITING, reload(a).state, "not due yet");

        QuarkusTransaction.requiringNew().run(() -> ApprovalRequest.update("expiresAt = ?1 where id = ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), a.id));
        jobs.run();
        jobs.run();

        assertEquals(ApprovalRequest.State.EXPIRED, reload(a).state);
        assertEquals(0, BudgetFixtures.budget(s.budget().id).reserved);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "APPROVAL_EXPIRE", "approval " + a.id)));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "BUDGET_RELEASE", "budget " + s.budget().id)));
    }

    @Test
    void aManagerOfAnotherDepartmentSeesNoneOfIt() {
        Setup s = setup();
        Browser manager = Browser.signedIn(s.manager().email);
        String recipient = "private-" + UUID.randomUUID() + "@example.com";
        ApprovalRequest a = ask(manager, recipient);

        Browser other = Browser.signedIn("sales.manager@accolade.test");
        other.get("/approvals").then().statusCode(200).body(not(containsString(recipient)));
        other.get("/approvals/" + a.id).then().statusCode(404).body(not(containsString(recipient)));
        assertEquals(404, other.post("/approvals/" + a.id + "/approve").statusCode());
        assertEquals(404, other.post("/approvals/" + a.id + "/reject", "reason", "no").statusCode());
        other.get("/").then().body(not(containsString("for your approval")));
        assertEquals(ApprovalRequest.State.AWAITING, reload(a).state);
    }

    private static ApprovalRequest reload(ApprovalRequest a) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequest.<ApprovalRequest> findById(a.id));
    }

    private static int raasOrdersTo(Department d, String email) {
        return given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key")
                .get("/raas/v1/orders?customer=Accolade&account_identifier=" + d.raasAccountIdentifier + "&limit=100")
                .then().statusCode(200).extract().jsonPath().getList("orders.findAll { it.recipient.email == '"
                        + email + "' }").size();
    }
}
