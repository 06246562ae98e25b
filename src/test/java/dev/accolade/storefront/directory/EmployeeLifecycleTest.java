package dev.accolade.storefront.directory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Employees who change and leave: edited on their page, deactivated after a confirmation (out of the
 * recipients, cannot be sent to, signed out, history kept), reactivated the same way.
 */
@QuarkusTest
class EmployeeLifecycleTest {

    static final String PASSWORD_HASH = BcryptUtil.bcryptHash("accolade-demo");

    /** A new Engineering employee; with a manager's sign-in of their own when {@code signsIn}. */
    static Employee employee(String prefix, boolean signsIn) {
        String email = prefix + "." + System.nanoTime() + "@accolade.test";
        return QuarkusTransaction.requiringNew().call(() -> {
            Department engineering = Department.findByName("Engineering").orElseThrow();
            Employee e = new Employee();
            e.name = "Leaving " + prefix;
            e.email = email;
            e.department = engineering;
            e.persist();
            if (signsIn) {
                AppUser u = new AppUser();
                u.email = email;
                u.displayName = e.name;
                u.passwordHash = PASSWORD_HASH;
                u.role = Role.MANAGER;
                u.departmentId = engineering.id;
                u.createdAt = OffsetDateTime.now();
                u.persist();
            }
            return e;
        });
    }

    static Employee reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Employee e = Employee.findById(id);
            e.department.name.length();
            return e;
        });
    }

    static AppUser user(String email) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow());
    }

    @Test
    void anAdminEditsAnEmployeeAndBadInputIsShownByItsField() {
        Employee e = employee("edit", false);
        Browser admin = Browser.signedIn("admin@accolade.test");
        String page = "/admin/directory/employees/" + e.id;
        admin.get("/admin/directory").then().body(containsString("href=\"" + page + "\""));
        admin.get(page).then().statusCode(200).body(containsString(e.email));
        long sales = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Sales").orElseThrow().id);
        String moved = "moved." + System.nanoTime() + "@accolade.test";
        admin.post(page, "name", "  Renamed Person ", "email", moved.toUpperCase(), "department", Long.toString(sales),
                "managerEmail", "Sales.Manager@accolade.test").then().statusCode(303).header("Location", endsWith(page));
        admin.get(page).then().body(containsString("The employee is saved."));
        Employee saved = reload(e.id);
        assertEquals("Renamed Person", saved.name);
        assertEquals(moved, saved.email);
        assertEquals("Sales", saved.department.name);
        assertEquals("sales.manager@accolade.test", saved.managerEmail);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = 'EMPLOYEE_UPDATE' and target = ?1",
                moved) == 1));

        admin.post(page, "name", "", "email", "ada.lovelace@accolade.test", "department", "x", "managerEmail", "boss")
                .then().statusCode(303).header("Location", endsWith(page));
        admin.get(page).then().body(containsString("id=\"name-error\""))
                .body(containsString("id=\"department-error\"")).body(containsString("id=\"managerEmail-error\""));
        admin.post(page, "name", "Taken", "email", "ada.lovelace@accolade.test", "department", Long.toString(sales),
                "managerEmail", "").then().statusCode(303);
        admin.get(page).then().body(containsString("Another employee has this email address."));
        assertEquals(moved, reload(e.id).email, "nothing refused was saved");
        admin.get("/admin/directory/employees/99999999").then().statusCode(404);
    }

    /** The edit form's fields for the employee as they are, with the occasion fields given. */
    static Object[] form(Employee e, String startDate, String birthMonth, String birthDay, String timeZone, String status) {
        long engineering = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Engineering").orElseThrow().id);
        return new Object[] { "name", e.name, "email", e.email, "department", Long.toString(engineering), "managerEmail", "",
                "startDate", startDate, "birthMonth", birthMonth, "birthDay", birthDay, "timeZone", timeZone, "status", status };
    }

    @Test
    void anAdminSetsStartDateBirthdayTimeZoneAndLeaveAndClearsThem() {
        Employee e = employee("occasion", false);
        Browser admin = Browser.signedIn("admin@accolade.test");
        String page = "/admin/directory/employees/" + e.id;
        admin.get(page).then().statusCode(200).body(containsString("<option value=\"\" selected>Not recorded</option>"))
                .body(containsString("<option value=\"\" selected>The programs' default zone</option>"))
                .body(containsString("<span class=\"status SUCCESS\">Active</span>"));
        admin.post(page, form(e, "2019-09-02", "2", "29", "Europe/Berlin", "ON_LEAVE")).then().statusCode(303)
                .header("Location", endsWith(page));
        admin.get(page).then().body(containsString("The employee is saved."))
                .body(containsString("value=\"2019-09-02\""))
                .body(containsString("<option value=\"2\" selected>February</option>"))
                .body(containsString("<option value=\"29\" selected>29</option>"))
                .body(containsString("<option value=\"Europe/Berlin\" selected>Europe/Berlin</option>"))
                .body(containsString("<option value=\"ON_LEAVE\" selected>On leave</option>"))
                .body(containsString("<span class=\"status PENDING\">On leave</span>"));
        Employee saved = reload(e.id);
        assertEquals(java.time.LocalDate.of(2019, 9, 2), saved.startDate);
        assertEquals(2, saved.birthMonth);
        assertEquals(29, saved.birthDay);
        assertEquals("Europe/Berlin", saved.timeZone);
        assertEquals(Employee.Status.ON_LEAVE, saved.status());
        admin.get("/admin/directory").then().body(containsString(e.email
                + "</td><td>Engineering</td><td></td><td><span class=\"status PENDING\">On leave</span>"));
        String detail = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'EMPLOYEE_UPDATE' and target = ?1", e.email).firstResult().detail);
        assertTrue(detail.contains("start date none → 2019-09-02; birthday set; time zone default → Europe/Berlin; on leave"),
                detail);
        assertFalse(detail.contains("February") || detail.contains("29 ") || detail.contains("02-29"),
                "the audit never shows a birthday: " + detail);

        admin.post(page, form(e, "", "", "", "", "ACTIVE")).then().statusCode(303);
        Employee cleared = reload(e.id);
        assertNull(cleared.startDate);
        assertNull(cleared.birthMonth);
        assertNull(cleared.birthDay);
        assertNull(cleared.timeZone);
        assertEquals(Employee.Status.ACTIVE, cleared.status());
    }

    @Test
    void occasionFieldsThatAreWrongAreShownByTheirFieldAndNothingIsSaved() {
        Employee e = employee("occasionerrors", false);
        Browser admin = Browser.signedIn("admin@accolade.test");
        String page = "/admin/directory/employees/" + e.id;
        admin.get(page);
        admin.post(page, form(e, "2021-02-30", "4", "31", "+02:00", "LEFT")).then().statusCode(303)
                .header("Location", endsWith(page));
        admin.get(page).then().body(containsString("Please check the highlighted fields."))
                .body(containsString("<span class=\"error\" id=\"startDate-error\">The start date &quot;2021-02-30&quot; is "
                        + "not a date written as yyyy-MM-dd"))
                .body(containsString("<span class=\"error\" id=\"birthDay-error\">There is no 31 April: choose another day."))
                .body(containsString("<span class=\"error\" id=\"timeZone-error\">Choose a time zone from the list."))
                .body(containsString("<span class=\"error\" id=\"status-error\">Choose Active or On leave."))
                .body(containsString("<option value=\"4\" selected>April</option>"))
                .body(containsString("value=\"2021-02-30\""));
        admin.post(page, form(e, "", "2", "30", "", "ACTIVE")).then().statusCode(303);
        admin.get(page).then().body(containsString("id=\"birthDay-error\">There is no 30 February: choose another day."));
        admin.post(page, form(e, "", "5", "", "", "ACTIVE")).then().statusCode(303);
        admin.get(page).then().body(containsString("id=\"birthDay-error\">Choose the day too, or set the month to"));
        admin.post(page, form(e, "", "", "7", "", "ACTIVE")).then().statusCode(303);
        admin.get(page).then().body(containsString("id=\"birthMonth-error\">Choose the month too, or set the day to"));
        admin.post(page, form(e, "", "13", "1", "Nowhere/Town", "ACTIVE")).then().statusCode(303);
        admin.get(page).then().body(containsString("id=\"birthMonth-error\">Choose a month from the list."))
                .body(containsString("id=\"timeZone-error\">Choose a time zone from the list."));
        Employee unchanged = reload(e.id);
        assertNull(unchanged.startDate);
        assertNull(unchanged.birthMonth);
        assertNull(unchanged.timeZone);
        assertFalse(unchanged.onLeave);
    }

    @Test
    void anEmployeeWhoLeftKeepsTheirLeaveAndShowsNoStatusChoice() {
        Employee e = employee("leftform", false);
        QuarkusTransaction.requiringNew().run(() -> {
            Employee left = Employee.findById(e.id);
            left.onLeave = true;
            left.active = false;
        });
        Browser admin = Browser.signedIn("admin@accolade.test");
        String page = "/admin/directory/employees/" + e.id;
        admin.get(page).then().body(containsString("<span class=\"status FAILED\">Left</span>"))
                .body(not(containsString("name=\"status\"")));
        Object[] fields = form(e, "2020-01-01", "", "", "", "ACTIVE");
        admin.post(page, java.util.Arrays.copyOf(fields, fields.length - 2)).then().statusCode(303);
        Employee saved = reload(e.id);
        assertEquals(java.time.LocalDate.of(2020, 1, 1), saved.startDate);
        assertTrue(saved.onLeave, "without a status the leave stays as it is");
        assertEquals(Employee.Status.LEFT, saved.status());
    }

    @Test
    void deactivatingAsksFirstThenTakesThemOutOfTheRecipientsEndsTheirSessionsAndKeepsTheirHistory() {
        Employee e = employee("leaver", true);
        Browser leaver = Browser.signedIn(e.email);
        Browser admin = Browser.signedIn("admin@accolade.test");
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/send/colleagues?recipientEmail=" + e.email).then().body(containsString(e.email));

        String confirm = "/admin/directory/employees/" + e.id + "/deactivate";
        admin.get("/admin/directory/employees/" + e.id).then().body(containsString("href=\"" + confirm + "\""));
        admin.get(confirm).then().statusCode(200).body(containsString("Deactivate " + e.name + "?"))
                .body(containsString("sign-in (MANAGER) is disabled and every session of theirs ends"))
                .body(containsString("method=\"post\" action=\"" + confirm + "\""));
        assertTrue(reload(e.id).active, "the confirmation page changes nothing");
        leaver.get("/profile").then().statusCode(200);

        admin.post(confirm).then().statusCode(303).header("Location", endsWith("/admin/directory/employees/" + e.id));
        admin.get("/admin/directory/employees/" + e.id).then().body(containsString("is deactivated"))
                .body(containsString("<span class=\"status FAILED\">Left</span> (deactivated on "));
        Employee gone = reload(e.id);
        assertFalse(gone.active);
        assertTrue(gone.deactivatedAt != null);
        assertFalse(user(e.email).enabled);
        leaver.get("/profile").then().statusCode(303).header("Location", startsWith("/login"));
        manager.get("/send/colleagues?recipientEmail=" + e.email).then().body(not(containsString(e.email)));
        manager.get("/send/colleagues").then().body(not(containsString(e.email)));
        manager.post("/send/review?sku=TNGO-E-V-STD", "token", UUID.randomUUID().toString(), "sku", "TNGO-E-V-STD",
                "recipientName", "Someone", "recipientEmail", e.email.toUpperCase(), "amount", "10.00", "subject", "",
                "message", "", "from", "").then().body(containsString("no longer in the directory (deactivated)"));
        admin.get("/admin/directory").then().body(containsString(e.email));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'EMPLOYEE_DEACTIVATE' and target = ?1", e.email) == 1
                && AuditEvent.count("action = 'USER_DISABLE' and target = ?1", e.email) == 1));

        String reactivate = "/admin/directory/employees/" + e.id + "/reactivate";
        admin.get(reactivate).then().statusCode(200)
                .body(containsString("disabled when they were deactivated, is enabled again"));
        assertFalse(reload(e.id).active);
        admin.post(reactivate).then().statusCode(303);
        assertTrue(reload(e.id).active);
        assertNull(reload(e.id).deactivatedAt);
        assertTrue(user(e.email).enabled);
        manager.get("/send/colleagues?recipientEmail=" + e.email).then().body(containsString(e.email));
        Browser.signedIn(e.email).get("/profile").then().statusCode(200);
    }

    @Test
    void reactivatingLeavesASignInDisabledForAnotherReasonDisabled() {
        Employee e = employee("disabled", true);
        Browser admin = Browser.signedIn("admin@accolade.test");
        long userId = user(e.email).id;
        admin.get("/admin/users/" + userId);
        admin.post("/admin/users/" + userId + "/disable", "confirm", "yes").then().statusCode(303);
        admin.post("/admin/directory/employees/" + e.id + "/deactivate").then().statusCode(303);
        admin.get("/admin/directory/employees/" + e.id + "/reactivate").then()
                .body(containsString("sign-in stays disabled"));
        admin.post("/admin/directory/employees/" + e.id + "/reactivate").then().statusCode(303);
        assertTrue(reload(e.id).active);
        assertFalse(user(e.email).enabled, "the account was disabled by an admin, not by leaving");
    }

    @Test
    void nobodyDeactivatesThemselves() {
        Employee e = employee("self", true);
        QuarkusTransaction.requiringNew().run(() -> AppUser.findByEmail(e.email).orElseThrow().role = Role.ADMIN);
        Browser self = Browser.signedIn(e.email);
        self.get("/admin/directory/employees/" + e.id);
        self.post("/admin/directory/employees/" + e.id + "/deactivate").then().statusCode(303);
        self.get("/admin/directory/employees/" + e.id).then().statusCode(200)
                .body(containsString("You cannot deactivate yourself"));
        assertTrue(reload(e.id).active);
        assertTrue(user(e.email).enabled);
    }

    @Test
    void onlyAdminsManageEmployees() {
        Employee e = employee("guarded", false);
        Browser.signedIn("hr@accolade.test").get("/admin/directory/employees/" + e.id).then().statusCode(403);
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/profile");
        hr.post("/admin/directory/employees/" + e.id + "/deactivate").then().statusCode(403);
        assertTrue(reload(e.id).active);
    }
}
