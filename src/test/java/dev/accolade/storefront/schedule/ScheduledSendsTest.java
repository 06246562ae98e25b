package dev.accolade.storefront.schedule;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.budgets.Budget;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.BudgetProfile;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.Requester;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.security.AppUser;

/**
 * Send later: scheduling reserves the budget and places nothing; at its time the send is placed once
 * however many workers run the job at once; a send due during an outage goes out once at the first
 * run after it, unless it is later than the allowed lateness, when it waits for the manager;
 * cancelling gives the reservation back once; editing before its time moves it.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class ScheduledSendsTest {

    @Inject
    RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    ScheduledSends sends;

    @Inject
    DueSends due;

    @Inject
    dev.accolade.storefront.audit.Actors actors;

    record Setup(Department department, AppUser manager, Budget budget) {
    }

    Setup setup() {
        catalog.refresh();
        Department department = BudgetFixtures.department("Schedule");
        AppUser manager = ScheduleFixtures.manager(department);
        BudgetFixtures.fundedAccount(raas, department);
        return new Setup(department, manager, BudgetFixtures.monthBudget(department, 500_00));
    }

    /** Schedules a $10 iTunes card through the service, due in an hour (as a real form would be). */
    ScheduledSend schedule(Setup s, String recipient) {
        SendTime at = SendTime.of(LocalDate.now(ZoneOffset.UTC), LocalTime.now(ZoneOffset.UTC).truncatedTo(
                ChronoUnit.MINUTES), ZoneOffset.UTC);
        SendTime inAnHour = new SendTime(at.local().plusHours(1), ZoneOffset.UTC, at.instant().plusHours(1));
        return actors.runAs(new dev.accolade.storefront.audit.Actor(s.manager().email, "127.0.0.1"),
                () -> sends.schedule(ScheduleFixtures.itunes(recipient, "See you Friday"),
                        new Requester(s.manager().id, s.manager().email, s.department().ref()), inAnHour));
    }

    @Test
    void schedulingFromTheFormReservesTheBudgetPlacesNothingAndListsItAsScheduled() {
        Setup s = setup();
        Browser manager = Browser.signedIn(s.manager().email);
        String token = UUID.randomUUID().toString();
        String recipient = "later-" + UUID.randomUUID() + "@example.com";
        String day = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(3).toString();
        Object[] form = { "token", token, "sku", "APPL-E-1000-STD", "recipientName", "Later Recipient",
                "recipientEmail", recipient, "amount", "", "subject", "Thanks", "message", "Happy Friday", "from", "Pat",
                "sendDate", day, "sendTime", "09:00", "sendZone", "Asia/Tokyo" };
        manager.post("/send/review", form).then().statusCode(200).body(containsString("Schedule reward"))
                .body(containsString("09:00 (Asia/Tokyo)"));
        Response sent = manager.post("/send", form);
        assertEquals(303, sent.statusCode(), sent.asString());
        assertTrue(sent.getHeader("Location").contains("/scheduled/"), sent.getHeader("Location"));
        assertEquals(303, manager.post("/send", form).statusCode(), "a second submission shows the first schedule");

        ScheduledSend scheduled = QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> find("token",
                token).firstResult());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> ScheduledSend.count("token", token)));
        assertEquals(ScheduledSend.State.SCHEDULED, scheduled.state);
        assertEquals(LocalDate.parse(day).atTime(9, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant(),
                scheduled.dueAt.toInstant(), "09:00 in Tokyo is 00:00 UTC");
        assertEquals(1000, BudgetFixtures.budget(s.budget().id).reserved, "reserved at once");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", token)));
        assertEquals(0, raasOrdersTo(s.department(), recipient), "nothing charged at RaaS until it goes");

        manager.get("/rewards").then().statusCode(200).body(containsString("Scheduled")).body(containsString(recipient))
                .body(containsString("/scheduled/" + scheduled.id));
        manager.get("/rewards?status=SCHEDULED").then().statusCode(200).body(containsString(recipient));
        manager.get("/scheduled/" + scheduled.id).then().statusCode(200).body(containsString("Asia/Tokyo"))
                .body(containsString("Cancel this reward"));
        Browser other = Browser.signedIn(ScheduleFixtures.manager(BudgetFixtures.department("Other")).email);
        assertEquals(404, other.get("/scheduled/" + scheduled.id).statusCode(), "another department's is not there");
        assertEquals(404, other.post("/scheduled/" + scheduled.id + "/cancel").statusCode());
        assertEquals(ScheduledSend.State.SCHEDULED, ScheduleFixtures.reload(scheduled.id).state);
        actors.runAs(new dev.accolade.storefront.audit.Actor(s.manager().email, "127.0.0.1"),
                () -> sends.cancel(scheduled, "test"));
    }

    @Test
    void aTimeThatHasPassedOrABadZoneIsRefusedWithAMessage() {
        Setup s = setup();
        Browser manager = Browser.signedIn(s.manager().email);
        Object[] past = { "token", UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD", "recipientName", "Past",
                "recipientEmail", "past@example.com", "amount", "", "subject", "", "message", "", "from", "",
                "sendDate", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "sendTime", "09:00", "sendZone", "UTC" };
        manager.post("/send/review", past).then().statusCode(200).body(containsString("That time has passed"))
                .body(not(containsString("Schedule reward")));
        Response sent = manager.post("/send", past);
        assertEquals(200, sent.statusCode());
        assertTrue(sent.asString().contains("That time has passed"));
        Object[] zone = past.clone();
        zone[17] = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        zone[21] = "Mars/Olympus";
        manager.post("/send/review", zone).then().statusCode(200).body(containsString("Choose a time zone"));
        Object[] garbage = past.clone();
        garbage[17] = "next friday";
        manager.post("/send/review", garbage).then().statusCode(200).body(containsString("year-month-day"));
        assertEquals(0, BudgetFixtures.budget(s.budget().id).reserved);
    }

    @Test
    void twoWorkersRunningTheJobAtOnceSendItOnce() throws Exception {
        Setup s = setup();
        String recipient = "once-" + UUID.randomUUID() + "@example.com";
        ScheduledSend scheduled = schedule(s, recipient);
        OffsetDateTime at = scheduled.dueAt.plusSeconds(5);

        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<DueSends.Run>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return due.runAt(at);
                }));
            }
            start.countDown();
            for (Future<DueSends.Run> f : runs) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertPlacedOnce(s, scheduled, recipient);
    }

    @Test
    void aSendDueDuringAnOutageGoesOutOnceAtTheFirstRunAfterIt() {
        Setup s = setup();
        String recipient = "outage-" + UUID.randomUUID() + "@example.com";
        ScheduledSend scheduled = schedule(s, recipient);
        due.runAt(scheduled.dueAt.minusMinutes(1));
        assertEquals(ScheduledSend.State.SCHEDULED, ScheduleFixtures.reload(scheduled.id).state, "not before its time");

        // Accolade was down from before its time until three hours after: the first run finds it due.
        OffsetDateTime back = scheduled.dueAt.plusHours(3);
        due.runAt(back);
        due.runAt(back.plusSeconds(30));
        due.runAt(back.plusHours(1));

        assertPlacedOnce(s, scheduled, recipient);
    }

    @Test
    void aSendLaterThanTheAllowedLatenessWaitsForTheManagersDecision() {
        Setup s = setup();
        String recipient = "overdue-" + UUID.randomUUID() + "@example.com";
        ScheduledSend scheduled = schedule(s, recipient);

        due.runAt(scheduled.dueAt.plus(sends.maxLateness()).plusMinutes(1));
        due.runAt(scheduled.dueAt.plus(sends.maxLateness()).plusMinutes(2));

        ScheduledSend after = ScheduleFixtures.reload(scheduled.id);
        assertEquals(ScheduledSend.State.OVERDUE, after.state);
        assertNull(after.orderId);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", scheduled.token)));
        assertEquals(1000, BudgetFixtures.budget(s.budget().id).reserved, "still reserved while the manager decides");
        assertEquals(1L, audits("SCHEDULE_OVERDUE", scheduled.id));
        Browser manager = Browser.signedIn(s.manager().email);
        manager.get("/scheduled/" + scheduled.id).then().statusCode(200).body(containsString("Missed its time"))
                .body(containsString("Send it now"));
        manager.get("/rewards").then().body(containsString("Missed its time"));

        assertEquals(303, manager.post("/scheduled/" + scheduled.id + "/send-now").statusCode());
        assertEquals(303, manager.post("/scheduled/" + scheduled.id + "/send-now").statusCode());
        assertPlacedOnce(s, scheduled, recipient);
    }

    @Test
    void cancellingGivesTheReservationBackOnceAndNothingIsSent() {
        Setup s = setup();
        String recipient = "cancel-" + UUID.randomUUID() + "@example.com";
        ScheduledSend scheduled = schedule(s, recipient);
        assertEquals(1000, BudgetFixtures.budget(s.budget().id).reserved);
        Browser manager = Browser.signedIn(s.manager().email);

        assertEquals(303, manager.post("/scheduled/" + scheduled.id + "/cancel").statusCode());
        assertEquals(303, manager.post("/scheduled/" + scheduled.id + "/cancel").statusCode());
        due.runAt(scheduled.dueAt.plusMinutes(1));

        ScheduledSend after = ScheduleFixtures.reload(scheduled.id);
        assertEquals(ScheduledSend.State.CANCELLED, after.state);
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(0, budget.reserved);
        assertEquals(0, budget.settled);
        assertEquals(1L, audits("SCHEDULE_CANCEL", scheduled.id));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2",
                "BUDGET_RELEASE", "budget " + s.budget().id)));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", scheduled.token)));
        assertEquals(0, raasOrdersTo(s.department(), recipient));
        manager.get("/scheduled/" + scheduled.id).then().body(containsString("Cancelled"))
                .body(not(containsString("Save changes")));
        manager.get("/rewards").then().body(not(containsString(recipient)));
    }

    @Test
    void editingBeforeItsTimeMovesItAndChangesItsMessage() {
        Setup s = setup();
        String recipient = "edit-" + UUID.randomUUID() + "@example.com";
        ScheduledSend scheduled = schedule(s, recipient);
        Browser manager = Browser.signedIn(s.manager().email);
        // Two days later at 08:30 in New York (UTC-5 in winter, UTC-4 in summer).
        ZoneId newYork = ZoneId.of("America/New_York");
        LocalDate day = LocalDate.now(newYork).plusDays(2);
        Response edited = manager.post("/scheduled/" + scheduled.id, "sendDate", day.toString(), "sendTime", "08:30",
                "sendZone", "America/New_York", "subject", "Well done", "message", "Edited message", "from", "Pat");
        assertEquals(303, edited.statusCode());
        manager.get("/scheduled/" + scheduled.id).then().body(containsString("08:30 (America/New_York)"))
                .body(containsString("Edited message"));
        ScheduledSend moved = ScheduleFixtures.reload(scheduled.id);
        assertEquals(day.atTime(8, 30).atZone(newYork).toInstant(), moved.dueAt.toInstant());
        assertEquals(1L, audits("SCHEDULE_EDIT", scheduled.id));

        Response bad = manager.post("/scheduled/" + scheduled.id, "sendDate", "2001-01-01", "sendTime", "08:30",
                "sendZone", "UTC", "subject", "", "message", "", "from", "");
        assertEquals(303, bad.statusCode());
        manager.get("/scheduled/" + scheduled.id).then().body(containsString("That time has passed"));
        assertEquals(moved.dueAt.toInstant(), ScheduleFixtures.reload(scheduled.id).dueAt.toInstant(), "unchanged");

        due.runAt(scheduled.dueAt.plusMinutes(1));
        assertEquals(ScheduledSend.State.SCHEDULED, ScheduleFixtures.reload(scheduled.id).state, "not at its old time");
        due.runAt(moved.dueAt.plusSeconds(1));
        RewardOrder order = assertPlacedOnce(s, scheduled, recipient);
        assertEquals("Edited message", order.rewardMessage);
        assertEquals("Well done", order.rewardSubject);
        assertEquals(303, manager.post("/scheduled/" + scheduled.id, "sendDate", day.plusDays(1).toString(), "sendTime",
                "08:30", "sendZone", "UTC", "subject", "", "message", "Too late", "from", "").statusCode());
        assertEquals("Edited message", ScheduleFixtures.reload(scheduled.id).rewardMessage, "a sent one is not changed");
    }

    private RewardOrder assertPlacedOnce(Setup s, ScheduledSend scheduled, String recipient) {
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("sendToken", scheduled.token)));
        RewardOrder order = QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> find("sendToken",
                scheduled.token).firstResult());
        assertEquals(RewardOrder.Status.DELIVERED, order.status, order.failureReason);
        assertEquals(s.manager().id, order.requesterId);
        assertEquals(1, raasOrdersTo(s.department(), recipient), "one order at RaaS");
        ScheduledSend after = ScheduleFixtures.reload(scheduled.id);
        assertEquals(ScheduledSend.State.PLACED, after.state);
        assertEquals(order.id, after.orderId);
        Budget budget = BudgetFixtures.budget(s.budget().id);
        assertEquals(1000, budget.settled, "the reservation was taken over and settled once");
        assertEquals(0, budget.reserved);
        assertEquals(1L, audits("SCHEDULE_PLACED", scheduled.id));
        return order;
    }

    private static long audits(String action, long id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = ?1 and target = ?2", action,
                "scheduled " + id));
    }

    private static int raasOrdersTo(Department d, String email) {
        return given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key")
                .get("/raas/v1/orders?customer=Accolade&account_identifier=" + d.raasAccountIdentifier + "&limit=100")
                .then().statusCode(200).extract().jsonPath().getList("orders.findAll { it.recipient.email == '"
                        + email + "' }").size();
    }
}
