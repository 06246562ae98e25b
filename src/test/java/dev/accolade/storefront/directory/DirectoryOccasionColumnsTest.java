package dev.accolade.storefront.directory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;

/**
 * The import's optional columns start date, birthday, time zone and status: read under their
 * aliases, described in words in the dry run (the birthday never with its date), left as they are
 * when the file lacks the column, cleared by an empty cell, refused row by row when wrong; the status
 * left deactivates as leaving does everywhere else.
 */
@QuarkusTest
class DirectoryOccasionColumnsTest {

    Browser admin;

    @BeforeEach
    void signIn() {
        admin = Browser.signedIn("admin@accolade.test");
    }

    String dryRun(String text) {
        admin.get("/admin/directory");
        Response r = admin.request().multiPart("csrf-token", admin.csrfToken())
                .multiPart("file", "people.csv", text.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/directory/imports");
        r.then().statusCode(303);
        return r.header("Location");
    }

    /** Applies the file; the message the directory then shows. */
    String apply(String run) {
        admin.post(run + "/apply").then().statusCode(303).header("Location", containsString("/admin/directory"));
        return admin.get("/admin/directory").then().body(containsString("The directory is updated")).extract().asString();
    }

    static Employee reload(String email) {
        return DirectoryImportTest.employee(email);
    }

    @Test
    void theColumnsAreReadUnderTheirAliasesAndEveryChangeIsSaidInWords() {
        Employee e = EmployeeLifecycleTest.employee("occasions", false);
        String newcomer = "leap." + System.nanoTime() + "@accolade.test";
        String run = dryRun("E-mail,Full Name,Department,Manager,Hire Date,Date of Birth,TZ,Employment Status\n"
                + e.email + "," + e.name + ",Engineering,,2021-03-01,12 March,europe/berlin,On Leave\n"
                + newcomer + ",Leap Day,Engineering,,2024-06-03,--02-29,UTC,active\n");
        String html = admin.get(run).then().statusCode(200).body(containsString("2 rows: 2 changes, 0 unchanged, 0 problems"))
                .extract().asString();
        assertTrue(html.contains("start date none → 2021-03-01; birthday set; time zone default → Europe/Berlin; on leave"),
                html);
        assertTrue(html.contains("added to Engineering, start date 2024-06-03, birthday set, time zone UTC"), html);
        assertFalse(html.contains("March") || html.contains("03-12") || html.contains("02-29"),
                "the dry run never shows a birthday");
        apply(run);
        Employee saved = reload(e.email);
        assertEquals(LocalDate.of(2021, 3, 1), saved.startDate);
        assertEquals(3, saved.birthMonth);
        assertEquals(12, saved.birthDay);
        assertEquals("Europe/Berlin", saved.timeZone);
        assertTrue(saved.onLeave);
        assertEquals(Employee.Status.ON_LEAVE, saved.status());
        Employee leap = reload(newcomer);
        assertEquals(2, leap.birthMonth);
        assertEquals(29, leap.birthDay);
        assertEquals("UTC", leap.timeZone);
        assertFalse(leap.onLeave);
        admin.get("/admin/directory").then().body(containsString("<span class=\"status PENDING\">On leave</span>"));

        // Back from leave, with a later start date and another birthday.
        String back = dryRun("email,name,department,manager email,start date,birthday,time zone,status\n"
                + e.email + "," + e.name + ",Engineering,,2021-04-01,March 13,Europe/Berlin,active\n");
        admin.get(back).then().body(containsString("start date 2021-03-01 → 2021-04-01; birthday changed; back from leave"))
                .body(not(containsString("March 13")));
        apply(back);
        saved = reload(e.email);
        assertEquals(LocalDate.of(2021, 4, 1), saved.startDate);
        assertEquals(13, saved.birthDay);
        assertFalse(saved.onLeave);
        assertEquals(Employee.Status.ACTIVE, saved.status());
        List<String> kept = QuarkusTransaction.requiringNew().call(() -> DirectoryImportChange
                .<DirectoryImportChange>list("email = ?1", e.email).stream().map(c -> c.description).toList());
        assertEquals(2, kept.size(), kept.toString());
        assertTrue(kept.stream().noneMatch(d -> d.contains("March") || d.contains("03-12") || d.contains("03-13")), kept.toString());
    }

    @Test
    void aColumnTheFileLacksKeepsTheValueAndAnEmptyCellClearsIt() {
        Employee e = EmployeeLifecycleTest.employee("clearing", false);
        apply(dryRun("email,name,department,manager email,start date,birthday,time zone,status\n"
                + e.email + "," + e.name + ",Engineering,,2020-01-15,01-20,Asia/Tokyo,on leave\n"));

        String without = dryRun("name,email,department,manager email\n" + e.name + "," + e.email + ",Engineering,\n");
        admin.get(without).then().body(containsString("1 row: 0 changes, 1 unchanged, 0 problems"));
        Employee kept = reload(e.email);
        assertEquals(LocalDate.of(2020, 1, 15), kept.startDate);
        assertEquals(1, kept.birthMonth);
        assertEquals("Asia/Tokyo", kept.timeZone);
        assertTrue(kept.onLeave);

        String only = dryRun("name,email,department,manager email,time zone\n" + e.name + "," + e.email
                + ",Engineering,,America/New_York\n");
        admin.get(only).then().body(containsString("time zone Asia/Tokyo → America/New_York<"));
        apply(only);
        assertEquals(LocalDate.of(2020, 1, 15), reload(e.email).startDate, "only the file's columns change");

        String empty = dryRun("name,email,department,manager email,start date,birthday,time zone,status\n"
                + e.name + "," + e.email + ",Engineering,,,,,\n");
        admin.get(empty).then().body(containsString(
                "start date 2020-01-15 → none; birthday removed; time zone America/New_York → default; back from leave"));
        apply(empty);
        Employee cleared = reload(e.email);
        assertNull(cleared.startDate);
        assertNull(cleared.birthMonth);
        assertNull(cleared.birthDay);
        assertNull(cleared.timeZone);
        assertFalse(cleared.onLeave);
    }

    @Test
    void badValuesAreNamedByRowAndFieldAndNothingIsApplied() {
        Employee e = EmployeeLifecycleTest.employee("badvalues", false);
        String s = Long.toString(System.nanoTime());
        String run = dryRun("name,email,department,manager email,start date,birthday,time zone,status\n"
                + "Good,good." + s + "@accolade.test,Engineering,,2021-03-01,03-12,Europe/Berlin,active\n"
                + e.name + "," + e.email + ",Engineering,,2021-03-01,1990-03-12,Europe/Berlin,\n"
                + "Row Four,four." + s + "@accolade.test,Engineering,,,04-31,,\n"
                + "Row Five,five." + s + "@accolade.test,Engineering,,01/03/2021,,,\n"
                + "Row Six,six." + s + "@accolade.test,Engineering,,,,+02:00,\n"
                + "Row Seven,seven." + s + "@accolade.test,Engineering,,,,Mars/Olympus,\n"
                + "Row Eight,eight." + s + "@accolade.test,Engineering,,,,,retired\n"
                + "Row Nine,nine." + s + "@accolade.test,Engineering,,,02-29,,\n");
        String html = admin.get(run).then().statusCode(200).extract().asString();
        assertTrue(html.contains("Row 3: the birthday &quot;1990-03-12&quot; has a year: only the day and month are kept "
                + "(no year of birth is stored), so write the month and day as 03-12, --03-12 or 12 March."), html);
        assertTrue(html.contains("Row 4: there is no 31 April."));
        assertTrue(html.contains("Row 5: the start date &quot;01/03/2021&quot; is not a date written as yyyy-MM-dd, "
                + "such as 2021-03-01 (no other form is read)."));
        assertTrue(html.contains("Row 6: the time zone &quot;+02:00&quot; is an offset from UTC"));
        assertTrue(html.contains("Row 7: the time zone &quot;Mars/Olympus&quot; is not an IANA time zone"));
        assertTrue(html.contains("Row 8: the status &quot;retired&quot; is not one of active, on leave, left."));
        assertFalse(html.contains("Row 9:"), "29 February is a birthday");
        assertFalse(html.contains("Row 2:"));
        assertTrue(html.contains("Nothing can be applied while the file has problems"));
        admin.post(run + "/apply").then().statusCode(303).header("Location", run);
        assertNull(reload("good." + s + "@accolade.test"));
        assertNull(reload(e.email).startDate, "nothing is half-applied");
    }

    @Test
    void theStatusLeftDeactivatesAsLeavingDoesAndActiveBringsThemBack() {
        Employee e = EmployeeLifecycleTest.employee("leftrow", true);
        Browser leaver = Browser.signedIn(e.email);
        String file = "name,email,department,manager email,status\n" + e.name + "," + e.email + ",Engineering,,Left\n";
        String run = dryRun(file);
        admin.get(run).then().body(containsString("<td>deactivated</td>"))
                .body(containsString("left: leaves the recipients; sign-in disabled and sessions ended"))
                .body(containsString("Apply 1 change, deactivating 1"));
        assertTrue(reload(e.email).active, "a dry run changes nothing");
        assertTrue(apply(run).contains("1 row: 0 new, 0 changed, 0 unchanged, 1 deactivated, 0 problems"));
        Employee gone = reload(e.email);
        assertFalse(gone.active);
        assertEquals(Employee.Status.LEFT, gone.status());
        assertFalse(EmployeeLifecycleTest.user(e.email).enabled);
        leaver.get("/profile").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'EMPLOYEE_DEACTIVATE' and target = ?1 and detail like '%status left%'", e.email) == 1));

        admin.get(dryRun(file)).then().body(containsString("1 row: 0 changes, 1 unchanged, 0 problems"))
                .body(not(containsString("makes them a recipient again")));

        String again = dryRun(file.replace(",Left", ",active"));
        admin.get(again).then().body(containsString("active again, sign-in enabled again"));
        apply(again);
        assertTrue(reload(e.email).active);
        assertTrue(EmployeeLifecycleTest.user(e.email).enabled);
    }

    @Test
    void nobodyMarksThemselvesLeftInAFile() {
        String run = dryRun("name,email,department,manager email,status\nThe Admin,admin@accolade.test,Engineering,,left\n");
        admin.get(run).then().body(containsString("Row 2: you (admin@accolade.test) would deactivate yourself"))
                .body(containsString("Nothing can be applied"));
    }
}
