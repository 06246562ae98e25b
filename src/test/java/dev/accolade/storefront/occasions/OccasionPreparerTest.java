package dev.accolade.storefront.occasions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.budgets.Budget;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.BudgetProfile;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.schedule.DueSends;
import dev.accolade.storefront.schedule.ScheduledSend;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Preparing occasions as at fixed times (the job's core, {@link OccasionPreparer#prepareAt}): drafts
 * made the program's days ahead and not earlier, in each employee's zone; 29 February in other years;
 * the manager's department reserving; twice (and at once) making one; on leave and left skipped; no
 * manager or no budget said; a skip giving the reservation back; a changed draft being what is sent,
 * once.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class OccasionPreparerTest {

    static final String AMAZON = "AMZN-E-V-STD";

    @Inject
    OccasionPreparer preparer;

    @Inject
    DueSends due;

    @Inject
    CatalogCache catalog;

    @Inject
    RaasClient raas;

    record World(Department department, Department team, AppUser manager, Budget budget) {
    }

    /** A paying department with a manager, a RaaS account and a budget of {@code cents}; the employees' own department. */
    World world(long cents) {
        catalog.refresh();
        Department department = BudgetFixtures.department("Occasions", raas);
        AppUser manager = OccasionFixtures.user(Role.MANAGER, department, "Morgan Tester");
        return new World(department, BudgetFixtures.department("Team"), manager, BudgetFixtures.monthBudget(department, cents));
    }

    static OffsetDateTime at(String instant) {
        return OffsetDateTime.parse(instant);
    }

    static OccasionProgram birthdays(int daysAhead) {
        return OccasionFixtures.program(OccasionProgram.Kind.BIRTHDAY, daysAhead, LocalTime.of(9, 0), "UTC", 50_00,
                new Object[] { 0, AMAZON, 25_00L, "Happy birthday, {first_name}! From {manager}" });
    }

    @Test
    void draftsArePreparedTheProgramsDaysAheadAndNotEarlierForTheManagersDepartment() {
        World w = world(500_00);
        birthdays(7);
        Employee ada = OccasionFixtures.employee(w.team(), "Ada Days", w.manager().email, null, 6, 17, null);
        Employee bob = OccasionFixtures.employee(w.team(), "Bob Later", w.manager().email, null, 6, 18, null);

        preparer.prepareAt(at("2027-06-10T12:00:00Z"));
        Occasion o = OccasionFixtures.only(ada);
        assertEquals(LocalDate.of(2027, 6, 17), o.occasionDate);
        assertEquals(Occasion.State.DRAFT, o.state);
        assertEquals(0, OccasionFixtures.occasionsOf(bob).size(), "eight days ahead is not prepared yet");
        ScheduledSend s = OccasionFixtures.send(o);
        assertEquals(ScheduledSend.State.SCHEDULED, s.state);
        assertEquals(w.manager().id, s.requesterId, "the draft is the manager's");
        assertEquals(w.department().id, s.departmentId, "the manager's department pays, not the employee's");
        assertEquals(at("2027-06-17T09:00:00Z").toInstant(), s.dueAt.toInstant());
        assertEquals("Happy birthday, Ada! From Morgan Tester", s.rewardMessage);
        assertEquals(ada.email, s.recipientEmail);
        assertEquals(o.id, s.occasionId);
        assertEquals(2500, BudgetFixtures.budget(w.budget().id).reserved, "reserved when prepared");

        preparer.prepareAt(at("2027-06-11T12:00:00Z"));
        assertEquals(LocalDate.of(2027, 6, 18), OccasionFixtures.only(bob).occasionDate, "prepared a day later");
        assertEquals(1, OccasionFixtures.occasionsOf(ada).size());
        assertEquals(5000, BudgetFixtures.budget(w.budget().id).reserved);

        Browser manager = Browser.signedIn(w.manager().email);
        manager.get("/rewards").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Ada Days&#39;s birthday on 17 June: Amazon E-Gift Card Custom"))
                .body(org.hamcrest.Matchers.containsString("/occasions/" + o.id));
        assertEquals(303, manager.request().redirects().follow(false).get("/scheduled/" + s.id).statusCode(),
                "the scheduled send's page forwards to the occasion's");
    }

    /** Sets the paying department's policy: the most per reward and the approval threshold (null: none). */
    static void policy(Department d, Long maxPerReward, Long approvalThreshold,
            dev.accolade.storefront.budgets.SpendingPolicy.FromRule from) {
        QuarkusTransaction.requiringNew().run(() -> {
            dev.accolade.storefront.budgets.SpendingPolicy p = dev.accolade.storefront.budgets.SpendingPolicy
                    .<dev.accolade.storefront.budgets.SpendingPolicy> findByIdOptional(d.id)
                    .orElseGet(dev.accolade.storefront.budgets.SpendingPolicy::new);
            boolean fresh = p.departmentId == null;
            p.departmentId = d.id;
            p.maxPerReward = maxPerReward;
            p.approvalThreshold = approvalThreshold;
            p.recipients = dev.accolade.storefront.budgets.SpendingPolicy.Recipients.ANYONE;
            p.fromRule = from;
            p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            if (fresh) {
                p.persist();
            }
        });
    }

    @Test
    void theDepartmentsPolicyAppliesToDraftsAndTheirChangesAsToAnySend() {
        World w = world(500_00);
        birthdays(7); // $25.00
        Employee ada = OccasionFixtures.employee(w.team(), "Ada Policy", w.manager().email, null, 6, 17, null);

        policy(w.department(), 20_00L, null, dev.accolade.storefront.budgets.SpendingPolicy.FromRule.ANY);
        preparer.prepareAt(at("2027-06-10T12:00:00Z"));
        Occasion refused = OccasionFixtures.only(ada);
        assertEquals(Occasion.State.NOT_PREPARED, refused.state);
        assertTrue(refused.reason.contains("policy refuses it: Your department's policy allows at most $20.00 per reward."),
                refused.reason);
        assertEquals(0, BudgetFixtures.budget(w.budget().id).reserved, "nothing reserved for a refused draft");

        policy(w.department(), null, 10_00L, dev.accolade.storefront.budgets.SpendingPolicy.FromRule.ANY);
        preparer.prepareAt(at("2027-06-11T12:00:00Z"));
        Occasion asks = OccasionFixtures.only(ada);
        assertEquals(Occasion.State.NOT_PREPARED, asks.state, "a draft cannot ask for approval");
        assertTrue(asks.reason.contains("needs approval") && asks.reason.contains("above $10.00"), asks.reason);

        policy(w.department(), 30_00L, null, dev.accolade.storefront.budgets.SpendingPolicy.FromRule.SENDER);
        preparer.prepareAt(at("2027-06-12T12:00:00Z"));
        Occasion o = OccasionFixtures.only(ada);
        assertEquals(Occasion.State.DRAFT, o.state, "prepared once the policy allows it");
        ScheduledSend s = OccasionFixtures.send(o);
        assertEquals("Morgan Tester", s.rewardFrom, "signed as the policy signs rewards");
        assertEquals(2500, BudgetFixtures.budget(w.budget().id).reserved);

        // The manager's changes are held to the same policy.
        Browser manager = Browser.signedIn(w.manager().email);
        manager.post("/occasions/" + o.id, "subject", s.rewardSubject, "message", s.rewardMessage, "from", "Someone else",
                "sku", s.sku, "amount", "25.00");
        io.restassured.response.Response tooMuch = manager.post("/occasions/" + o.id, "subject", s.rewardSubject,
                "message", s.rewardMessage, "from", s.rewardFrom, "sku", s.sku, "amount", "35.00");
        manager.cookies.putAll(tooMuch.getCookies()); // the messages the page shows next
        ScheduledSend after = OccasionFixtures.send(OccasionFixtures.only(ada));
        assertEquals(s.id, after.id, "nothing was changed");
        assertEquals(2500, after.amount);
        assertEquals("Morgan Tester", after.rewardFrom);
        String page = manager.get("/occasions/" + o.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Your department&#39;s policy allows at most $30.00 per reward."), page);
        manager.post("/occasions/" + o.id, "subject", s.rewardSubject, "message", s.rewardMessage, "from", s.rewardFrom,
                "sku", s.sku, "amount", "28.00");
        assertEquals(2800, OccasionFixtures.send(OccasionFixtures.only(ada)).amount, "within the policy it is changed");
    }

    @Test
    void aBirthdayOnFebruary29IsOnFebruary28InOtherYears() {
        World w = world(500_00);
        birthdays(7);
        Employee leap = OccasionFixtures.employee(w.team(), "Leap Day", w.manager().email, null, 2, 29, null);
        preparer.prepareAt(at("2027-02-25T12:00:00Z"));
        assertEquals(LocalDate.of(2027, 2, 28), OccasionFixtures.only(leap).occasionDate);
        preparer.prepareAt(at("2028-02-25T12:00:00Z"));
        assertEquals(LocalDate.of(2028, 2, 29), OccasionFixtures.occasionsOf(leap).get(1).occasionDate,
                "in a leap year on the day itself");
    }

    @Test
    void theSendTimeIsLocalToEachEmployeeEitherSideOfUtcAndOnADaylightSavingChange() {
        World w = world(1000_00);
        OccasionFixtures.program(OccasionProgram.Kind.WELCOME, 7, LocalTime.of(2, 30), "UTC", 50_00,
                new Object[] { 0, AMAZON, 10_00L, "Welcome, {first_name}!" });
        LocalDate day = LocalDate.of(2027, 3, 28); // Europe/Berlin moves from 02:00 to 03:00 that night
        Employee auckland = OccasionFixtures.employee(w.team(), "Kiri Auckland", w.manager().email, day, null, null,
                "Pacific/Auckland");
        Employee angeles = OccasionFixtures.employee(w.team(), "Lou Angeles", w.manager().email, day, null, null,
                "America/Los_Angeles");
        Employee berlin = OccasionFixtures.employee(w.team(), "Bea Berlin", w.manager().email, day, null, null,
                "Europe/Berlin");
        Employee plain = OccasionFixtures.employee(w.team(), "Una Default", w.manager().email, day, null, null, null);
        // At 12:00 UTC on the 22nd it is already the 23rd in Auckland: its seven days reach the 30th.
        Employee laterNz = OccasionFixtures.employee(w.team(), "Tane Later", w.manager().email, day.plusDays(2), null,
                null, "Pacific/Auckland");
        Employee laterUtc = OccasionFixtures.employee(w.team(), "Ula Later", w.manager().email, day.plusDays(2), null,
                null, "UTC");

        preparer.prepareAt(at("2027-03-22T12:00:00Z"));
        assertEquals(at("2027-03-27T13:30:00Z").toInstant(), dueOf(auckland), "02:30 NZDT (UTC+13) is the day before in UTC");
        assertEquals(at("2027-03-28T09:30:00Z").toInstant(), dueOf(angeles), "02:30 PDT (UTC-7)");
        assertEquals(at("2027-03-28T01:30:00Z").toInstant(), dueOf(berlin), "02:30 does not exist: 03:30 CEST");
        assertEquals(at("2027-03-28T02:30:00Z").toInstant(), dueOf(plain), "no zone: the program's");
        assertEquals("Sun 28 Mar 2027, 03:30 (Europe/Berlin)", OccasionFixtures.send(OccasionFixtures.only(berlin)).when());
        assertEquals(1, OccasionFixtures.occasionsOf(laterNz).size(), "within seven days in Auckland");
        assertEquals(0, OccasionFixtures.occasionsOf(laterUtc).size(), "eight days ahead in UTC");
    }

    private static java.time.Instant dueOf(Employee e) {
        return OccasionFixtures.send(OccasionFixtures.only(e)).dueAt.toInstant();
    }

    @Test
    void anniversariesTakeTheRewardOfTheirYearsOfService() {
        World w = world(500_00);
        OccasionFixtures.program(OccasionProgram.Kind.ANNIVERSARY, 7, LocalTime.of(9, 0), "UTC", 200_00,
                new Object[] { 1, AMAZON, 20_00L, "One year, {first_name}!" },
                new Object[] { 5, AMAZON, 100_00L, "{years} years, {name}! Thank you. {manager}" });
        Employee five = OccasionFixtures.employee(w.team(), "Fay Five", w.manager().email, LocalDate.of(2022, 6, 14),
                null, null, null);
        Employee three = OccasionFixtures.employee(w.team(), "Tom Three", w.manager().email, LocalDate.of(2024, 6, 14),
                null, null, null);
        Employee leapStart = OccasionFixtures.employee(w.team(), "Lea Leap", w.manager().email, LocalDate.of(2024, 2, 29),
                null, null, null);
        preparer.prepareAt(at("2027-06-10T12:00:00Z"));
        Occasion o = OccasionFixtures.only(five);
        assertEquals(5, o.years);
        ScheduledSend s = OccasionFixtures.send(o);
        assertEquals(100_00, s.amount);
        assertEquals("5 years, Fay Five! Thank you. Morgan Tester", s.rewardMessage);
        assertEquals("Fay Five's 5-year anniversary on 14 June", s.label);
        assertEquals(0, OccasionFixtures.occasionsOf(three).size(), "no reward for three years");
        preparer.prepareAt(at("2025-02-25T12:00:00Z"));
        assertEquals(LocalDate.of(2025, 2, 28), OccasionFixtures.only(leapStart).occasionDate,
                "started on 29 February: the first anniversary is on the 28th");
    }

    @Test
    void preparingTwiceOrOnTwoReplicasAtOnceMakesEachOccasionOnce() throws Exception {
        World w = world(500_00);
        birthdays(7);
        List<Employee> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(OccasionFixtures.employee(w.team(), "Twin " + i, w.manager().email, null, 9, 3 + i, null));
        }
        OffsetDateTime now = at("2027-09-01T12:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return preparer.prepareAt(now);
                }));
            }
            go.countDown();
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        preparer.prepareAt(now);
        preparer.prepareAt(now.plusHours(1));
        for (Employee e : people) {
            Occasion o = OccasionFixtures.only(e);
            assertEquals(Occasion.State.DRAFT, o.state);
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> ScheduledSend.count(
                    "recipientEmail = ?1 and state = ?2", e.email, ScheduledSend.State.SCHEDULED)), e.name);
        }
        assertEquals(5 * 2500, BudgetFixtures.budget(w.budget().id).reserved, "each reserved once");
    }

    @Test
    void employeesOnLeaveOrWhoLeftAreSkipped() {
        World w = world(500_00);
        birthdays(7);
        Employee away = OccasionFixtures.employee(w.team(), "Ona Leave", w.manager().email, null, 10, 5, null);
        Employee gone = OccasionFixtures.employee(w.team(), "Lef Left", w.manager().email, null, 10, 5, null);
        Employee here = OccasionFixtures.employee(w.team(), "Hal Here", w.manager().email, null, 10, 5, null);
        QuarkusTransaction.requiringNew().run(() -> {
            Employee.update("onLeave = true where id = ?1", away.id);
            Employee.update("active = false where id = ?1", gone.id);
        });
        preparer.prepareAt(at("2027-10-01T12:00:00Z"));
        assertEquals(0, OccasionFixtures.occasionsOf(away).size());
        assertEquals(0, OccasionFixtures.occasionsOf(gone).size());
        assertEquals(1, OccasionFixtures.occasionsOf(here).size());
    }

    @Test
    void withoutAManagerWhoCanSendOrABudgetThatCoversItTheOccasionSaysWhy() {
        World w = world(30_00);
        birthdays(7);
        String nobody = "nobody." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@accolade.test";
        Employee orphan = OccasionFixtures.employee(w.team(), "Oli Orphan", nobody, null, 11, 5, null);
        Employee none = OccasionFixtures.employee(w.team(), "Nia None", null, null, 11, 5, null);
        Employee first = OccasionFixtures.employee(w.team(), "Fir First", w.manager().email, null, 11, 5, null);
        Employee second = OccasionFixtures.employee(w.team(), "Sec Second", w.manager().email, null, 11, 5, null);
        OffsetDateTime now = at("2027-11-01T12:00:00Z");
        preparer.prepareAt(now);

        Occasion o = OccasionFixtures.only(orphan);
        assertEquals(Occasion.State.NOT_PREPARED, o.state);
        assertTrue(o.reason.contains("No manager who can send signs in as " + nobody), o.reason);
        assertNull(o.scheduledSendId);
        assertTrue(OccasionFixtures.only(none).reason.contains("no manager"), OccasionFixtures.only(none).reason);
        // $30 covers one $25 birthday, not two.
        List<Occasion> two = List.of(OccasionFixtures.only(first), OccasionFixtures.only(second));
        assertEquals(1, two.stream().filter(x -> x.state == Occasion.State.DRAFT).count());
        Occasion refused = two.stream().filter(x -> x.state == Occasion.State.NOT_PREPARED).findFirst().orElseThrow();
        assertTrue(refused.reason.startsWith("The budget does not cover it"), refused.reason);
        assertEquals(2500, BudgetFixtures.budget(w.budget().id).reserved);

        // The manager signs in for the first time: the next run prepares the draft, in the same row.
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = new AppUser();
            u.email = nobody;
            u.displayName = "Late Manager";
            u.role = Role.MANAGER;
            u.departmentId = w.department().id;
            u.passwordHash = "x";
            u.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            u.persist();
        });
        QuarkusTransaction.requiringNew().run(() -> Budget.update("amount = 100000 where id = ?1", w.budget().id));
        preparer.prepareAt(now.plusHours(1));
        assertEquals(Occasion.State.DRAFT, OccasionFixtures.only(orphan).state);
        assertNotNull(OccasionFixtures.only(orphan).scheduledSendId);
        assertEquals(Occasion.State.DRAFT, OccasionFixtures.reload(refused).state, "the budget now covers it");
    }

    @Test
    void skippingGivesTheReservationBackAndAnotherDepartmentSeesNothing() {
        World w = world(500_00);
        birthdays(7);
        Employee e = OccasionFixtures.employee(w.team(), "Ski Pped", w.manager().email, null, 12, 8, null);
        preparer.prepareAt(at("2027-12-02T12:00:00Z"));
        Occasion o = OccasionFixtures.only(e);
        assertEquals(2500, BudgetFixtures.budget(w.budget().id).reserved);

        Browser other = Browser.signedIn(OccasionFixtures.user(Role.MANAGER, BudgetFixtures.department("Else"), "Oth Er").email);
        assertEquals(404, other.get("/occasions/" + o.id).statusCode());
        assertEquals(404, other.post("/occasions/" + o.id + "/skip").statusCode());
        assertEquals(Occasion.State.DRAFT, OccasionFixtures.reload(o).state);

        Browser manager = Browser.signedIn(w.manager().email);
        manager.get("/occasions/" + o.id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Skip this occasion"));
        assertEquals(303, manager.post("/occasions/" + o.id + "/skip").statusCode());
        assertEquals(Occasion.State.SKIPPED, OccasionFixtures.reload(o).state);
        assertEquals(ScheduledSend.State.CANCELLED, OccasionFixtures.send(o).state);
        assertEquals(0, BudgetFixtures.budget(w.budget().id).reserved, "given back");
        assertEquals(303, manager.post("/occasions/" + o.id + "/skip").statusCode());
        assertEquals(0, BudgetFixtures.budget(w.budget().id).reserved, "given back once");
        preparer.prepareAt(at("2027-12-03T12:00:00Z"));
        assertEquals(1, OccasionFixtures.occasionsOf(e).size(), "a skipped occasion is not prepared again");
    }

    @Test
    void aChangedDraftIsWhatIsSentOnceAtItsTime() throws Exception {
        World w = world(500_00);
        birthdays(7);
        Employee e = OccasionFixtures.employee(w.team(), "Ed Edit", w.manager().email, null, 8, 20, null);
        preparer.prepareAt(at("2027-08-15T12:00:00Z"));
        Occasion o = OccasionFixtures.only(e);
        Browser manager = Browser.signedIn(w.manager().email);

        assertEquals(303, manager.post("/occasions/" + o.id, "subject", "Happy birthday", "message", "Too much",
                "from", "Morgan", "sku", AMAZON, "amount", "60").statusCode());
        manager.get("/occasions/" + o.id).then().body(org.hamcrest.Matchers.containsString("At most $50.00 for this program"));
        assertEquals(o.scheduledSendId, OccasionFixtures.reload(o).scheduledSendId, "nothing changed");
        assertEquals(303, manager.post("/occasions/" + o.id, "subject", "Happy birthday", "message", "Bad", "from", "M",
                "sku", "NOPE-E-V-STD", "amount", "10").statusCode());
        manager.get("/occasions/" + o.id).then().body(org.hamcrest.Matchers.containsString("not in the catalog"));

        assertEquals(303, manager.post("/occasions/" + o.id, "subject", "Happy birthday, Ed", "message",
                "Ed, thank you for the release. Enjoy!", "from", "Morgan", "sku", AMAZON, "amount", "40").statusCode());
        Occasion changed = OccasionFixtures.reload(o);
        ScheduledSend s = OccasionFixtures.send(changed);
        assertEquals(40_00, s.amount);
        assertEquals("Ed, thank you for the release. Enjoy!", s.rewardMessage);
        assertEquals(4000, BudgetFixtures.budget(w.budget().id).reserved, "the old $25 given back, $40 reserved");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<DueSends.Run>> runs = List.of(pool.submit(() -> due.runAt(s.dueAt)), pool.submit(() -> due.runAt(s.dueAt)));
            for (Future<DueSends.Run> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        due.runAt(s.dueAt.plusMinutes(1));
        List<RewardOrder> orders = QuarkusTransaction.requiringNew().call(() -> RewardOrder.<RewardOrder> list(
                "recipientEmail", e.email));
        assertEquals(1, orders.size(), "placed once");
        assertEquals(40_00, orders.get(0).amount);
        assertEquals("Ed, thank you for the release. Enjoy!", orders.get(0).rewardMessage);
        preparer.prepareAt(s.dueAt.plusHours(1)); // syncs what became of the drafts
        assertEquals(Occasion.State.SENT, OccasionFixtures.reload(o).state);
    }

    @Test
    void aDraftThatMissedItsDayInAnOutageIsLateAndSentOnceWhenItsManagerSays() {
        World w = world(500_00);
        birthdays(7);
        Employee e = OccasionFixtures.employee(w.team(), "Out Age", w.manager().email, null, 7, 9, null);
        preparer.prepareAt(at("2027-07-05T12:00:00Z"));
        Occasion o = OccasionFixtures.only(e);
        ScheduledSend s = OccasionFixtures.send(o);
        due.runAt(s.dueAt.plusHours(30)); // Accolade was down from before its time until the next day
        assertEquals(ScheduledSend.State.OVERDUE, OccasionFixtures.send(o).state);
        preparer.prepareAt(s.dueAt.plusHours(30));
        assertEquals(Occasion.State.LATE, OccasionFixtures.reload(o).state);
        Browser manager = Browser.signedIn(w.manager().email);
        manager.get("/occasions/" + o.id).then().statusCode(200).body(org.hamcrest.Matchers.containsString("Send it now"));
        assertEquals(303, manager.post("/occasions/" + o.id + "/send-now").statusCode());
        assertEquals(303, manager.post("/occasions/" + o.id + "/send-now").statusCode());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> RewardOrder.count("recipientEmail", e.email)),
                "sent once");
        preparer.prepareAt(s.dueAt.plusHours(31));
        assertEquals(Occasion.State.LATE, OccasionFixtures.reload(o).state, "counted late, not sent on its day");
        Browser hr = Browser.signedIn(OccasionFixtures.user(Role.HR, null, "Har Riet").email);
        hr.get("/programs").then().statusCode(200).body(org.hamcrest.Matchers.containsString("July 2027"));
    }
}
