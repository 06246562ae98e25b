package dev.accolade.storefront.occasions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.BudgetProfile;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * The HR page {@code /programs} (who may open it, each field's message, the preview, a save and its
 * audit row) and the upcoming-occasions list (a manager's own reports, everyone's for HR).
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
class OccasionProgramsTest {

    @Inject
    CatalogCache catalog;

    @Inject
    OccasionPreparer preparer;

    @Inject
    java.time.Clock clock;

    static OccasionProgram anniversaries() {
        return OccasionFixtures.program(OccasionProgram.Kind.ANNIVERSARY, 7, LocalTime.of(9, 0), "UTC", 150_00,
                new Object[] { 1, "AMZN-E-V-STD", 25_00L, "One year, {first_name}!" });
    }

    /** The edit form's fields, as a browser would send them, with the reward rows given. */
    static Object[] form(String name, String most, String... rows) {
        List<Object> f = new ArrayList<>(List.of("name", name, "enabled", "on", "daysAhead", "7", "sendTime", "09:00",
                "defaultZone", "Europe/Berlin", "maxAmount", most));
        for (int i = 0; i < rows.length; i += 4) {
            f.addAll(List.of("rowYears", rows[i], "rowSku", rows[i + 1], "rowAmount", rows[i + 2], "rowMessage", rows[i + 3]));
        }
        return f.toArray();
    }

    @Test
    void onlyHrAndAdministratorsOpenThePrograms() {
        catalog.refresh();
        OccasionProgram p = anniversaries();
        Department d = BudgetFixtures.department("Programs");
        Browser manager = Browser.signedIn(OccasionFixtures.user(Role.MANAGER, d, "Man Ager").email);
        Browser hr = Browser.signedIn(OccasionFixtures.user(Role.HR, null, "Har Riet").email);
        Browser admin = Browser.signedIn(OccasionFixtures.user(Role.ADMIN, null, "Ad Min").email);
        assertEquals(403, manager.get("/programs").statusCode());
        assertEquals(403, manager.get("/programs/" + p.id).statusCode());
        assertEquals(403, manager.post("/programs/" + p.id, form("Taken over", "100", "1", "AMZN-E-V-STD", "10", "Hi"))
                .statusCode());
        assertEquals("Work anniversary (test)", QuarkusTransaction.requiringNew().call(
                () -> OccasionProgram.<OccasionProgram> findById(p.id)).name, "a manager changes nothing");
        hr.get("/programs").then().statusCode(200).body(containsString("Occasion programs"))
                .body(containsString("/programs/" + p.id));
        admin.get("/programs/" + p.id).then().statusCode(200).body(containsString("Rewards per years of service"));
        assertEquals(404, hr.get("/programs/999999999").statusCode());
        assertEquals(404, hr.get("/programs/not-a-number").statusCode());
        Response anonymous = new Browser().request().redirects().follow(false).get("/programs");
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 303 || anonymous.statusCode() == 401,
                "signed out: " + anonymous.statusCode());
        manager.get("/occasions").then().statusCode(200).body(containsString("Upcoming occasions"));
    }

    @Test
    void prepareNowMakesTheComingDraftsAndSaysHowMany() {
        catalog.refresh();
        OccasionProgram p = OccasionFixtures.program(OccasionProgram.Kind.WELCOME, 7, LocalTime.of(9, 0), "UTC", 100_00,
                new Object[] { 0, "AMZN-E-V-STD", 40_00L, "Welcome, {first_name}!" });
        Department d = BudgetFixtures.department("Prepare now");
        AppUser boss = OccasionFixtures.user(Role.MANAGER, d, "Bo Ss");
        LocalDate start = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(3);
        Employee newcomer = OccasionFixtures.employee(d, "New Comer", boss.email, start, null, null, "UTC");
        Browser manager = Browser.signedIn(boss.email);
        assertEquals(403, manager.post("/programs/prepare").statusCode(), "a manager cannot run the job");
        assertTrue(OccasionFixtures.occasionsOf(newcomer).isEmpty());

        Browser hr = Browser.signedIn(OccasionFixtures.user(Role.HR, null, "Har Riet").email);
        Response r = hr.post("/programs/prepare");
        assertEquals(303, r.statusCode());
        hr.cookies.putAll(r.getCookies());
        String page = hr.get("/programs").then().statusCode(200).extract().asString();
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("Prepared now: (\\d+) new drafts?").matcher(page);
        assertTrue(said.find(), page);
        assertTrue(Integer.parseInt(said.group(1)) >= 1, "the newcomer's welcome at least: " + said.group());
        Occasion welcome = OccasionFixtures.only(newcomer);
        assertEquals(start, welcome.occasionDate);
        assertEquals(p.id, welcome.programId);

        Response again = hr.post("/programs/prepare");
        hr.cookies.putAll(again.getCookies());
        hr.get("/programs").then().body(containsString("Prepared now: 0 new drafts"));
        assertEquals(1, OccasionFixtures.occasionsOf(newcomer).size(), "a second run makes nothing twice");
    }

    @Test
    void eachProblemIsSaidOnItsFieldAndNothingIsSaved() {
        catalog.refresh();
        OccasionProgram p = anniversaries();
        Browser hr = Browser.signedIn(OccasionFixtures.user(Role.HR, null, "Har Riet").email);
        Response r = hr.post("/programs/" + p.id, form("Changed", "100",
                "1", "AMZN-E-V-STD", "25", "Happy {firstname}!",
                "5", "AMZN-E-V-STD", "150", "{years} years",
                "10", "NOPE-E-V-STD", "20", "Ten years",
                "10", "AMZN-E-V-STD", "20", "Twice"));
        assertEquals(400, r.statusCode());
        String page = r.asString();
        assertTrue(page.contains("id=\"rowMessage0-error\">Unknown placeholder {firstname}: use {first_name}, {name},"
                + " {years} or {manager}.</span>"), page);
        assertTrue(page.contains("id=\"rowAmount1-error\">At most $100.00 for this program.</span>"));
        assertTrue(page.contains("id=\"rowSku2-error\">This reward is not in the catalog"));
        assertTrue(page.contains("id=\"rowYears3-error\">There is a reward for 10 years already.</span>"));
        assertTrue(page.contains("value=\"Changed\""), "what was entered is kept");
        r = hr.post("/programs/" + p.id, form("", "ten", "1", "AMZN-E-V-STD", "25", "Hi"));
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("id=\"name-error\""));
        assertTrue(r.asString().contains("id=\"maxAmount-error\""));
        assertEquals("Work anniversary (test)", QuarkusTransaction.requiringNew().call(
                () -> OccasionProgram.<OccasionProgram> findById(p.id)).name, "nothing saved");

        Object[] duplicate = form("Another", "100", "0", "AMZN-E-V-STD", "25", "Hi {first_name}");
        Object[] withKind = new Object[duplicate.length + 2];
        withKind[0] = "kind";
        withKind[1] = "ANNIVERSARY";
        System.arraycopy(duplicate, 0, withKind, 2, duplicate.length);
        hr.post("/programs/new", withKind).then().statusCode(400);
    }

    @Test
    void thePreviewFillsInASampleEmployeeAndASaveIsAudited() {
        catalog.refresh();
        OccasionProgram p = anniversaries();
        AppUser hrUser = OccasionFixtures.user(Role.HR, null, "Har Riet");
        Browser hr = Browser.signedIn(hrUser.email);
        Object[] fields = form("Service awards", "200", "5", "AMZN-E-V-STD", "100",
                "{years} years, {first_name}! Thanks from {manager}.", "1", "APPL-E-1000-STD", "", "One year: {name}");
        Object[] preview = new Object[fields.length + 2];
        System.arraycopy(fields, 0, preview, 0, fields.length);
        preview[fields.length] = "action";
        preview[fields.length + 1] = "preview";
        hr.post("/programs/" + p.id, preview).then().statusCode(200)
                .body(containsString("5 years, Ada! Thanks from Har Riet."))
                .body(containsString("Ada Lovelace&#39;s 5-year anniversary"))
                .body(containsString("One year: Ada Lovelace"));
        assertEquals("Work anniversary (test)", QuarkusTransaction.requiringNew().call(
                () -> OccasionProgram.<OccasionProgram> findById(p.id)).name, "a preview saves nothing");

        assertEquals(303, hr.post("/programs/" + p.id, fields).statusCode());
        OccasionProgram saved = QuarkusTransaction.requiringNew().call(() -> OccasionProgram.<OccasionProgram> findById(p.id));
        assertEquals("Service awards", saved.name);
        assertEquals("Europe/Berlin", saved.defaultZone);
        assertEquals(200_00, saved.maxAmount);
        List<OccasionReward> rewards = QuarkusTransaction.requiringNew().call(() -> OccasionReward.of(p.id));
        assertEquals(2, rewards.size());
        assertEquals(1000, rewards.get(0).amount, "a fixed-price reward takes its price");
        assertEquals(10000, rewards.get(1).amount);
        AuditEvent row = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent> find(
                "action = ?1 and target = ?2 order by id desc", "PROGRAM_EDIT", "program " + p.id).firstResult());
        assertEquals(hrUser.email, row.actor);
        assertTrue(row.detail.contains("5 years: AMZN-E-V-STD $100.00"), row.detail);
        hr.get("/programs").then().body(containsString("Service awards"));
    }

    @Test
    void managersSeeTheirReportsUpcomingOccasionsAndHrSeesEveryones() {
        catalog.refresh();
        OccasionFixtures.program(OccasionProgram.Kind.BIRTHDAY, 3, LocalTime.of(9, 0), "UTC", 50_00,
                new Object[] { 0, "AMZN-E-V-STD", 25_00L, "Happy birthday, {first_name}!" });
        Department d = BudgetFixtures.department("Upcoming");
        BudgetFixtures.monthBudget(d, 500_00);
        AppUser mine = OccasionFixtures.user(Role.MANAGER, d, "My Manager");
        AppUser other = OccasionFixtures.user(Role.MANAGER, BudgetFixtures.department("Elsewhere"), "Oth Manager");
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        Employee near = OccasionFixtures.employee(d, "Nea Rby", mine.email, null, soon.getMonthValue(),
                soon.getDayOfMonth(), null);
        Employee far = OccasionFixtures.employee(d, "Far Away", mine.email, null, later.getMonthValue(),
                later.getDayOfMonth(), null);
        Employee theirs = OccasionFixtures.employee(d, "The Irs", other.email, null, soon.getMonthValue(),
                soon.getDayOfMonth(), null);
        preparer.prepare();
        Occasion prepared = OccasionFixtures.only(near);

        Browser manager = Browser.signedIn(mine.email);
        manager.get("/occasions").then().statusCode(200)
                .body(containsString("Nea Rby&#39;s birthday"))
                .body(containsString("/occasions/" + prepared.id))
                .body(containsString("Far Away&#39;s birthday"))
                .body(containsString("Coming: prepared from"))
                .body(not(containsString("The Irs")));
        Browser hr = Browser.signedIn(OccasionFixtures.user(Role.HR, null, "Har Riet").email);
        hr.get("/occasions").then().statusCode(200).body(containsString("Nea Rby")).body(containsString("The Irs"));
        hr.get("/occasions/" + prepared.id).then().statusCode(200).body(not(containsString("Skip this occasion")));
        assertEquals(0, OccasionFixtures.occasionsOf(far).size());
        assertEquals(1, OccasionFixtures.occasionsOf(theirs).size());
    }
}
