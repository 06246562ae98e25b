package dev.accolade.storefront.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.budgets.Budget;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.BudgetProfile;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.schedule.ScheduleFixtures;
import dev.accolade.storefront.security.AppUser;

/**
 * Bulk sends end to end through the pages: the dry run checks every row and reserves and sends
 * nothing; confirming reserves the total, and the sender places each valid row once, settling the
 * budget to exactly what was delivered; a row taken again after its replica died finds its order
 * instead of sending twice; workers racing on a batch send each row once; cancelling gives back what
 * was not sent; a batch over the approval threshold waits for another approver; nobody else sees it.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class BulkSendTest {

    @Inject
    RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    BulkSender sender;

    @Inject
    dev.accolade.storefront.audit.Actors actors;

    record Setup(Department department, AppUser manager, Budget budget, Browser browser) {
    }

    Setup setup(long budget) {
        catalog.refresh();
        Department department = BudgetFixtures.department("Bulk", raas);
        AppUser manager = ScheduleFixtures.manager(department);
        Budget b = BudgetFixtures.monthBudget(department, budget);
        return new Setup(department, manager, b, Browser.signedIn(manager.email));
    }

    static Response upload(Browser browser, String name, String csv) {
        browser.get("/bulk");
        Response r = browser.request().multiPart("csrf-token", browser.csrfToken())
                .multiPart("file", name, csv.getBytes(StandardCharsets.UTF_8), "text/csv").post("/bulk");
        browser.cookies.putAll(r.getCookies()); // the flash message the next page shows
        return r;
    }

    static long batchId(Response uploaded) {
        assertEquals(303, uploaded.statusCode(), uploaded.asString());
        String location = uploaded.getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static String rows(String prefix, int n, int dollars) {
        StringBuilder csv = new StringBuilder("Email,Name,SKU,Amount,Message\r\n");
        for (int i = 1; i <= n; i++) {
            csv.append(prefix).append(i).append("@example.com,Person ").append(i).append(",AMZN-E-V-STD,")
                    .append(dollars).append(",\"Thanks, ").append(i).append("\"\r\n");
        }
        return csv.toString();
    }

    static BulkBatch batch(long id) {
        return QuarkusTransaction.requiringNew().call(() -> BulkBatch.<BulkBatch> findById(id));
    }

    static List<RewardOrder> orders(BulkBatch b) {
        return QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> list("sendToken like ?1",
                b.token + ".%"));
    }

    static int sandboxOrders(Department d) {
        return given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key")
                .get("/raas/v1/orders?customer=Accolade&account_identifier=" + d.raasAccountIdentifier
                        + "&limit=100")
                .then().statusCode(200).extract().jsonPath().getList("orders").size();
    }

    static long audited(String action, BulkBatch b) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2", action,
                "batch " + b.id));
    }

    @Test
    void theDryRunNamesEachBadRowAndReservesAndSendsNothing() {
        Setup s = setup(1000_00);
        String csv = "email,NAME,sku,amount\r\n"
                + "good@example.com,Good Person,AMZN-E-V-STD,25\r\n"
                + "not-an-address,Someone,AMZN-E-V-STD,25\r\n"
                + "sku@example.com,Sku Person,NO-SUCH-SKU,25\r\n"
                + "range@example.com,Range Person,AMZN-E-V-STD,5000\r\n"
                + "GOOD@example.com,Good Again,AMZN-E-V-STD,10\r\n"
                + "fixed@example.com,Fixed Price,APPL-E-1000-STD,12\r\n";
        long id = batchId(upload(s.browser(), "mixed.csv", csv));
        s.browser().get("/bulk/" + id).then().statusCode(200)
                .body(containsString("5 of 6 rows have problems"))
                .body(containsString("is not an email address"))
                .body(containsString("&quot;NO-SUCH-SKU&quot; is not in the catalog"))
                .body(containsString("$5,000.00 is not between $1.00 and $1,000.00"))
                .body(containsString("already on row 2 of this file"))
                .body(containsString("costs $10.00"))
                .body(containsString("Send 1 reward ($25.00)"));
        BulkBatch b = batch(id);
        assertEquals(BulkBatch.State.CHECKED, b.state);
        assertEquals(6, b.rowCount);
        assertEquals(1, b.validCount);
        assertEquals(2500, b.totalAmount);
        assertEquals(0, BudgetFixtures.budget(s.budget().id).reserved, "a dry run reserves nothing");
        assertEquals(0, orders(b).size(), "a dry run sends nothing");
        sender.drain();
        assertEquals(0, orders(b).size(), "a checked batch is not sent");
        assertEquals(0, sandboxOrders(s.department()));
    }

    @Test
    void aFileThatCannotBeUsedIsRefusedWithItsMessage() {
        Setup s = setup(1000_00);
        Response r = upload(s.browser(), "wrong.csv", "who,what\r\nx,y\r\n");
        assertEquals(303, r.statusCode());
        assertEquals("/bulk", java.net.URI.create(r.getHeader("Location")).getPath());
        s.browser().get("/bulk").then().body(containsString("missing"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> BulkBatch.count("requesterId",
                s.manager().id)), "nothing stored");
    }

    @Test
    void confirmingReservesTheTotalAndEachRowIsSentOnceWithTheBudgetSettledToWhatWasDelivered() {
        Setup s = setup(1000_00);
        long id = batchId(upload(s.browser(), "thanks.csv", rows("once-" + UUID.randomUUID() + "-", 12, 15)));
        assertEquals(303, s.browser().post("/bulk/" + id + "/confirm").statusCode());
        assertEquals(303, s.browser().post("/bulk/" + id + "/confirm").statusCode(), "a second click starts nothing");
        BulkBatch b = batch(id);
        assertEquals(BulkBatch.State.RUNNING, b.state);
        assertEquals(180_00, BudgetFixtures.budget(s.budget().id).reserved, "the total is reserved at once");

        sender.drain();
        sender.drain();
        b = batch(id);
        assertEquals(BulkBatch.State.FINISHED, b.state);
        List<RewardOrder> orders = orders(b);
        assertEquals(12, orders.size());
        assertTrue(orders.stream().allMatch(o -> o.status == RewardOrder.Status.DELIVERED));
        assertEquals(12, sandboxOrders(s.department()), "one RaaS order per row");
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(0, budget.reserved, "nothing stays reserved");
        assertEquals(180_00, budget.settled, "spent exactly what was delivered");
        assertEquals(1, audited("BULK_START", b));
        assertEquals(1, audited("BULK_FINISHED", b));
        List<String> targets = orders.stream().map(o -> "order " + o.id).toList();
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("target in ?1", targets)),
                "a batch is audited per event, not per row");
        Object[] month = QuarkusTransaction.requiringNew().call(() -> (Object[]) BulkBatch.getEntityManager()
                .createNativeQuery("select sum(rewards), sum(spend) from report_rollup where department_id = ?1"
                        + " and dimension = 'ALL'")
                .setParameter(1, s.department().id).getSingleResult());
        assertEquals(12L, ((Number) month[0]).longValue(), "the reports count every delivered row once");
        assertEquals(180_00L, ((Number) month[1]).longValue());
        Object[] recipients = QuarkusTransaction.requiringNew().call(() -> (Object[]) BulkBatch.getEntityManager()
                .createNativeQuery("select count(*), sum(rewards) from report_rollup where department_id = ?1"
                        + " and dimension = 'RECIPIENT'")
                .setParameter(1, s.department().id).getSingleResult());
        assertEquals(12L, ((Number) recipients[0]).longValue(), "one sum per recipient");
        assertEquals(12L, ((Number) recipients[1]).longValue());
        long mailed = QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.mail.OutboxMail.count(
                "notice = ?1 and userId = ?2", dev.accolade.storefront.mail.Notice.BATCH_FINISHED, s.manager().id));
        assertEquals(1, mailed, "its sender hears once that it is finished");

        String results = s.browser().get("/bulk/" + id + "/results.csv").then().statusCode(200).extract().asString();
        String[] lines = results.split("\r\n");
        assertEquals(13, lines.length, results);
        assertTrue(lines[0].startsWith("row,email,name,sku,reward,amount,status,raas_order_id"), lines[0]);
        assertTrue(lines[1].contains(",Delivered,"), lines[1]);
        s.browser().get("/bulk/" + id).then().body(containsString("12 delivered")).body(containsString("100 %"))
                .body(not(containsString("hx-trigger=\"every 2s\"")));
        s.browser().get("/bulk").then().body(containsString("thanks.csv")).body(containsString("Finished"));
    }

    @Test
    void aRowRaasAnswersWithAnErrorIsLeftToTheReconcilerWhileTheRestOfItsHandfulIsDelivered() {
        Setup s = setup(1000_00);
        String prefix = "mixed-" + UUID.randomUUID() + "-";
        // The sandbox answers a $20 Amazon.com order with a system error (RAAS:OC:1003), as RaaS's does.
        String csv = "Email,Name,SKU,Amount\r\n" + prefix + "1@example.com,One,AMZN-E-V-STD,15\r\n"
                + prefix + "2@example.com,Two,AMZN-E-V-STD,20\r\n" + prefix + "3@example.com,Three,AMZN-E-V-STD,15\r\n";
        long id = batchId(upload(s.browser(), "mixed.csv", csv));
        assertEquals(303, s.browser().post("/bulk/" + id + "/confirm").statusCode());
        sender.drain();
        BulkBatch b = batch(id);
        List<RewardOrder> orders = orders(b).stream().sorted(java.util.Comparator.comparing(o -> o.sendToken)).toList();
        assertEquals(3, orders.size());
        assertEquals(RewardOrder.Status.DELIVERED, orders.get(0).status);
        assertEquals(RewardOrder.Status.UNKNOWN, orders.get(1).status, "never re-sent blindly, never called failed");
        assertEquals(RewardOrder.Status.DELIVERED, orders.get(2).status);
        assertEquals(2, sandboxOrders(s.department()), "one RaaS order per delivered row");
        long unknownId = orders.get(1).id;
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'SEND_OUTCOME' and target = ?1 and outcome = 'UNKNOWN'", "order " + unknownId)),
                "a row whose outcome is unknown is audited");
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(30_00, budget.settled, "the delivered rows are spent");
        assertEquals(20_00, budget.reserved, "the unknown row's amount stays reserved until the reconciler knows");
    }

    @Test
    void aRowTakenAgainAfterItsReplicaDiedFindsItsOrderAndIsNotSentTwice() {
        Setup s = setup(1000_00);
        long id = batchId(upload(s.browser(), "crash.csv", rows("crash-" + UUID.randomUUID() + "-", 3, 10)));
        s.browser().post("/bulk/" + id + "/confirm");
        BulkBatch b = batch(id);
        // A replica took rows 2 and 3 a long time ago and placed row 2's order, then died before
        // recording it (row 3 it never got to).
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = BulkBatch.getEntityManager();
            em.createNativeQuery("update bulk_row set state = 'CLAIMED', claimed_by = 'dead', claimed_at = ?1"
                    + " where batch_id = ?2 and row_no in (2, 3)").setParameter(1, longAgo).setParameter(2, id)
                    .executeUpdate();
        });
        var order = new dev.accolade.storefront.orders.OrderRequest(b.rowToken(2), BudgetFixtures.ITUNES,
                BudgetFixtures.ITUNES_10, 1000, "Person 1", "crash-first@example.com", null, null, null, "Pat");
        RewardOrder first = actors.runAs(dev.accolade.storefront.audit.Actor.system("test:dead-replica"), () -> io.quarkus.arc.Arc.container().instance(dev.accolade.storefront.orders.OrderPlacement.class)
                .get().placeUnattended(order, new dev.accolade.storefront.orders.Requester(s.manager().id,
                        s.manager().email, s.department().ref())).order());
        assertEquals(RewardOrder.Status.DELIVERED, first.status);
        assertEquals(1, sandboxOrders(s.department()));

        sender.drain();
        b = batch(id);
        assertEquals(BulkBatch.State.FINISHED, b.state);
        List<RewardOrder> orders = orders(b);
        assertEquals(3, orders.size(), "row 2 kept the order its first try made");
        assertEquals(3, sandboxOrders(s.department()), "one RaaS order per row, none twice");
        Long row2 = QuarkusTransaction.requiringNew().call(() -> ((Number) BulkBatch.getEntityManager()
                .createNativeQuery("select order_id from bulk_row where batch_id = ?1 and row_no = 2")
                .setParameter(1, id).getSingleResult()).longValue());
        assertEquals(first.id, row2);
        assertEquals(0, BudgetFixtures.budget(s.budget().id).reserved);
    }

    @Test
    void workersRacingOnOneBatchSendEachRowOnce() throws Exception {
        Setup s = setup(5000_00);
        long id = batchId(upload(s.browser(), "race.csv", rows("race-" + UUID.randomUUID() + "-", 40, 5)));
        s.browser().post("/bulk/" + id + "/confirm");
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return sender.drain();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        BulkBatch b = batch(id);
        List<RewardOrder> orders = orders(b);
        assertEquals(40, orders.size());
        Map<String, Long> perRecipient = orders.stream().collect(Collectors.groupingBy(o -> o.recipientEmail,
                Collectors.counting()));
        assertTrue(perRecipient.values().stream().allMatch(n -> n == 1), perRecipient.toString());
        assertEquals(40, sandboxOrders(s.department()));
        assertEquals(BulkBatch.State.FINISHED, b.state);
        assertEquals(1, audited("BULK_FINISHED", b), "finished once");
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(200_00, budget.settled);
        assertEquals(0, budget.reserved);
    }

    @Test
    void pausingHoldsTheRowsAndCancellingGivesBackWhatWasNotSent() {
        Setup s = setup(1000_00);
        long id = batchId(upload(s.browser(), "stop.csv", rows("stop-" + UUID.randomUUID() + "-", 5, 15)));
        s.browser().post("/bulk/" + id + "/confirm");
        assertEquals(75_00, BudgetFixtures.budget(s.budget().id).reserved);
        s.browser().post("/bulk/" + id + "/pause");
        assertEquals(BulkBatch.State.PAUSED, batch(id).state);
        sender.drain();
        assertEquals(0, orders(batch(id)).size(), "a paused batch waits");
        s.browser().post("/bulk/" + id + "/resume");
        assertEquals(BulkBatch.State.RUNNING, batch(id).state);
        // One handful is sent, then it is cancelled: send one row by hand through the sender's step.
        QuarkusTransaction.requiringNew().run(() -> BulkBatch.getEntityManager().createNativeQuery(
                "update bulk_row set state = 'CANCELLED' where batch_id = ?1 and row_no > 2").setParameter(1, id)
                .executeUpdate());
        sender.send(id);
        QuarkusTransaction.requiringNew().run(() -> BulkBatch.getEntityManager().createNativeQuery(
                "update bulk_row set state = 'READY' where batch_id = ?1 and row_no > 2").setParameter(1, id)
                .executeUpdate());
        s.browser().post("/bulk/" + id + "/cancel").then().statusCode(303);
        BulkBatch b = batch(id);
        assertEquals(BulkBatch.State.CANCELLED, b.state);
        sender.drain();
        assertEquals(1, orders(b).size(), "nothing more is sent");
        assertEquals(1, sandboxOrders(s.department()));
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(15_00, budget.settled, "the one sent row is spent");
        assertEquals(0, budget.reserved, "the four not sent are given back");
        assertEquals(1, audited("BULK_CANCEL", b));
        s.browser().get("/bulk/" + id).then().body(containsString("4 cancelled")).body(containsString("1 delivered"));
    }

    @Test
    void theDryRunAppliesTheDepartmentsPolicyAsOneSendWould() {
        Setup s = setup(1000_00);
        QuarkusTransaction.requiringNew().run(() -> {
            SpendingPolicy p = new SpendingPolicy();
            p.departmentId = s.department().id;
            p.maxPerReward = 40_00L;
            p.recipients = SpendingPolicy.Recipients.DIRECTORY;
            p.messageRequired = true;
            p.fromRule = SpendingPolicy.FromRule.ANY;
            p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.persist();
        });
        String inside = "inside-" + UUID.randomUUID() + "@example.com";
        String silent = "silent-" + UUID.randomUUID() + "@example.com";
        QuarkusTransaction.requiringNew().run(() -> {
            for (String email : List.of(inside, silent)) {
                dev.accolade.storefront.directory.Employee e = new dev.accolade.storefront.directory.Employee();
                e.name = "Person " + email.substring(0, 6);
                e.email = email;
                e.department = Department.findById(s.department().id);
                e.persist();
            }
        });
        String csv = "email,name,sku,amount,message\r\n"
                + "outside-" + UUID.randomUUID() + "@example.com,Outsider,AMZN-E-V-STD,25,Thanks\r\n"
                + inside + ",Inside Person,AMZN-E-V-STD,45,Thanks\r\n"
                + silent + ",Silent Person,AMZN-E-V-STD,25,\r\n";
        long id = batchId(upload(s.browser(), "policy.csv", csv));
        s.browser().get("/bulk/" + id).then().statusCode(200)
                .body(containsString("0 valid, 3 not valid"))
                .body(containsString("Email: your department&#39;s policy allows rewards to people in its directory only."))
                .body(containsString("Amount: your department&#39;s policy allows at most $40.00 per reward."))
                .body(containsString("Message: your department&#39;s policy asks for a message with every reward."));
    }

    @Test
    void aBatchOverTheApprovalThresholdWaitsForAnotherApproverWithItsAmountReserved() {
        Setup s = setup(1000_00);
        QuarkusTransaction.requiringNew().run(() -> {
            SpendingPolicy p = new SpendingPolicy();
            p.departmentId = s.department().id;
            p.approvalThreshold = 50_00L;
            p.recipients = SpendingPolicy.Recipients.ANYONE;
            p.fromRule = SpendingPolicy.FromRule.ANY;
            p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.persist();
        });
        long id = batchId(upload(s.browser(), "big.csv", rows("big-" + UUID.randomUUID() + "-", 3, 75)));
        s.browser().get("/bulk/" + id).then().body(containsString("needs approval"))
                .body(containsString("3 rows are above $50.00"));
        s.browser().post("/bulk/" + id + "/confirm");
        BulkBatch b = batch(id);
        assertEquals(BulkBatch.State.AWAITING_APPROVAL, b.state);
        assertEquals(225_00, BudgetFixtures.budget(s.budget().id).reserved);
        sender.drain();
        assertEquals(0, orders(b).size(), "nothing is sent before approval");
        assertEquals(1, audited("BULK_APPROVAL_REQUEST", b));

        s.browser().post("/bulk/" + id + "/approve");
        assertEquals(BulkBatch.State.AWAITING_APPROVAL, batch(id).state, "not by its own sender");
        Browser other = Browser.signedIn(ScheduleFixtures.manager(BudgetFixtures.department("Elsewhere")).email);
        assertEquals(404, other.get("/bulk/" + id).statusCode(), "another department's manager does not see it");
        assertEquals(404, other.post("/bulk/" + id + "/approve").statusCode());
        assertEquals(404, other.post("/bulk/" + id + "/cancel").statusCode());

        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/bulk").then().body(containsString("Waiting for your approval")).body(containsString("big.csv"));
        hr.get("/bulk/" + id).then().body(containsString("Approve and send"));
        hr.post("/bulk/" + id + "/approve").then().statusCode(303);
        assertEquals(BulkBatch.State.RUNNING, batch(id).state);
        sender.drain();
        assertEquals(3, orders(b).size());
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(225_00, budget.settled);
        assertEquals(0, budget.reserved);
    }

    @Test
    void aBatchTheBudgetCannotCoverIsNotStarted() {
        Setup s = setup(50_00);
        long id = batchId(upload(s.browser(), "over.csv", rows("over-" + UUID.randomUUID() + "-", 4, 20)));
        s.browser().get("/bulk/" + id).then().body(containsString("has $50.00 left, less than this batch"))
                .body(not(containsString("Send 4 rewards")));
        Response r = s.browser().post("/bulk/" + id + "/confirm");
        assertEquals(303, r.statusCode());
        assertEquals(BulkBatch.State.CHECKED, batch(id).state);
        assertEquals(0, BudgetFixtures.budget(s.budget().id).reserved);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedEverywhereButTheBulkUpload() {
        Setup s = setup(5000_00);
        String big = "message=" + "a".repeat(1024 * 1024);
        Response send = s.browser().request().contentType("text/plain").body(big).post("/send");
        assertEquals(413, send.statusCode());
        // A 2 MB file of 12,000 rows is read, checked and stored.
        StringBuilder csv = new StringBuilder(rows("big-" + UUID.randomUUID() + "-", 12_000, 5));
        assertTrue(csv.length() > 1024 * 1024, "over the limit of other requests: " + csv.length());
        long id = batchId(upload(s.browser(), "twelve-thousand.csv", csv.toString()));
        BulkBatch b = batch(id);
        assertEquals(12_000, b.rowCount);
        assertEquals(12_000, b.validCount);
        assertEquals(60_000_00, b.totalAmount);
        s.browser().get("/bulk/" + id).then().body(containsString("12000 rows for"))
                .body(containsString("has $5,000.00 left, less than this batch"));
    }

    @Inject
    BulkRows bulkRows;

    @Test
    void rowsAlreadyTakenWhenTheBatchIsCancelledAreNotSentAndNothingStaysReserved() {
        Setup s = setup(1000_00);
        long id = batchId(upload(s.browser(), "taken.csv", rows("taken-" + UUID.randomUUID() + "-", 4, 15)));
        s.browser().post("/bulk/" + id + "/confirm");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // A replica has taken two rows and is about to place them when the sender cancels the batch.
        List<BulkRow> taken = QuarkusTransaction.requiringNew().call(() -> bulkRows.claim(id, "replica-a", 2, now,
                now.minusMinutes(2)));
        assertEquals(2, taken.size());
        s.browser().post("/bulk/" + id + "/cancel").then().statusCode(303);
        assertEquals(0, BudgetFixtures.budget(s.budget().id).reserved, "the whole batch is given back");
        // The replica goes on with what it took: nothing is placed, nothing reserved again.
        BulkBatch b = batch(id);
        dev.accolade.storefront.directory.Department d = s.department();
        for (BulkRow row : taken) {
            var order = new dev.accolade.storefront.orders.OrderRequest(b.rowToken(row.rowNo()), BudgetFixtures.ITUNES,
                    BudgetFixtures.ITUNES_10, 1000, row.name(), row.email(), null, null, null, "Pat");
            // What the sender's own check stops (below), the budget ledger refuses too: the batch was stopped.
            org.junit.jupiter.api.Assertions.assertThrows(dev.accolade.storefront.orders.NotCovered.class,
                    () -> actors.runAs(dev.accolade.storefront.audit.Actor.system("test:replica-a"),
                            () -> io.quarkus.arc.Arc.container().instance(dev.accolade.storefront.orders.OrderPlacement.class)
                                    .get().placeUnattended(order, new dev.accolade.storefront.orders.Requester(
                                            s.manager().id, s.manager().email, d.ref()))));
        }
        assertEquals(0, (int) QuarkusTransaction.requiringNew().call(() -> bulkRows.stillMine(id, "replica-a", now)),
                "the replica's check before placing: the batch no longer runs");
        QuarkusTransaction.requiringNew().run(() -> bulkRows.release(id, "replica-a"));
        sender.drain();
        assertEquals(0, orders(b).size());
        assertEquals(0, sandboxOrders(d));
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(0, budget.reserved);
        assertEquals(0, budget.settled);
        s.browser().get("/bulk/" + id).then().body(containsString("4 cancelled")).body(containsString("0 waiting"));
    }

    @Test
    void aFileCheckedBeforeThePolicyChangedMustBeCheckedAgain() {
        Setup s = setup(1000_00);
        long id = batchId(upload(s.browser(), "stale.csv", rows("stale-" + UUID.randomUUID() + "-", 2, 15)));
        QuarkusTransaction.requiringNew().run(() -> {
            SpendingPolicy p = new SpendingPolicy();
            p.departmentId = s.department().id;
            p.maxPerReward = 10_00L;
            p.recipients = SpendingPolicy.Recipients.ANYONE;
            p.fromRule = SpendingPolicy.FromRule.ANY;
            p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
            p.persist();
        });
        s.browser().post("/bulk/" + id + "/confirm");
        assertEquals(BulkBatch.State.CHECKED, batch(id).state);
        s.browser().get("/bulk/" + id).then().body(containsString("policy changed after this file was checked"));
        assertEquals(0, BudgetFixtures.budget(s.budget().id).reserved);
        s.browser().post("/bulk/" + id + "/discard").then().statusCode(303);
        assertEquals(null, batch(id), "discarded");
    }
}
