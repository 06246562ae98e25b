package dev.accolade.storefront.directory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.security.AppUser;

/**
 * The import and people who leave: deactivating those missing from the file is an explicit choice
 * shown in the dry run; rows naming deactivated or disabled people are applied with a warning; an
 * applied import's page shows the changes it made as they were kept, not a new comparison.
 */
@QuarkusTest
class DirectoryImportLifecycleTest {

    Browser admin;

    @org.junit.jupiter.api.BeforeEach
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

    /** Every active employee as a file row, but those left out; plus the extra rows. */
    static String everyoneBut(List<String> leftOut, String... extraRows) {
        List<Employee> active = QuarkusTransaction.requiringNew().call(() -> {
            List<Employee> all = Employee.list("select e from Employee e join fetch e.department where e.active = true");
            return all;
        });
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("name", "email", "department", "manager email");
            for (Employee e : active) {
                if (!leftOut.contains(e.email)) {
                    csv.printRecord(e.name, e.email, e.department.name, e.managerEmail == null ? "" : e.managerEmail);
                }
            }
            for (String row : extraRows) {
                out.write(row + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void deactivatingThoseMissingIsAChoiceShownInTheDryRunAndTheAppliedChangesAreKept() {
        Employee leaver = EmployeeLifecycleTest.employee("missing", true);
        Browser leaverSession = Browser.signedIn(leaver.email);
        String run = dryRun(everyoneBut(List.of(leaver.email)));

        admin.get(run).then().statusCode(200)
                .body(containsString("Deactivate the 1 active employee missing from this file"))
                .body(containsString("already matches this file"))
                .body(not(containsString("not in the file: leaves the recipients")));
        admin.get(run + "?deactivateMissing=true").then().statusCode(200)
                .body(containsString("not in the file: leaves the recipients; sign-in disabled and sessions ended"))
                .body(containsString(leaver.email))
                .body(containsString("name=\"deactivateMissing\" value=\"true\""))
                .body(containsString("Apply 1 change, deactivating 1"));
        assertTrue(EmployeeLifecycleTest.reload(leaver.id).active, "a dry run changes nothing");

        admin.post(run + "/apply", "deactivateMissing", "true").then().statusCode(303);
        admin.get("/admin/directory").then().body(containsString("1 deactivated"));
        assertFalse(EmployeeLifecycleTest.reload(leaver.id).active);
        assertFalse(EmployeeLifecycleTest.user(leaver.email).enabled);
        leaverSession.get("/profile").then().statusCode(303);

        // The directory moves on: the page still shows what this import did, as it did it.
        admin.post("/admin/directory/employees/" + leaver.id + "/reactivate").then().statusCode(303);
        assertTrue(EmployeeLifecycleTest.reload(leaver.id).active);
        admin.get(run).then().statusCode(200)
                .body(containsString("deactivating the employees missing from it"))
                .body(containsString("These are the changes it made"))
                .body(containsString("<td>deactivated</td><td>" + leaver.name + " &lt;" + leaver.email + "&gt;</td>"))
                .body(not(containsString("Apply ")));
    }

    @Test
    void anImportThatOnlyAddsPeopleNeverDeactivatesAnyone() {
        String email = "partial." + System.nanoTime() + "@accolade.test";
        String run = dryRun("name,email,department,manager email\nPartial Person," + email + ",Engineering,\n");
        admin.post(run + "/apply").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Employee.count("active = false and deactivatedAt is not null"
                + " and email like 'ada.%'") == 0));
        assertTrue(EmployeeLifecycleTest.reload(QuarkusTransaction.requiringNew().call(
                () -> Employee.findByEmail("ada.lovelace@accolade.test").orElseThrow().id)).active);
    }

    @Test
    void rowsNamingDeactivatedOrDisabledPeopleAreAppliedWithAWarning() {
        Employee gone = EmployeeLifecycleTest.employee("gonemanager", false);
        Employee disabledBoss = EmployeeLifecycleTest.employee("disabledboss", true);
        Employee back = EmployeeLifecycleTest.employee("comesback", false);
        admin.get("/admin/directory/employees/" + gone.id);
        admin.post("/admin/directory/employees/" + gone.id + "/deactivate").then().statusCode(303);
        admin.post("/admin/directory/employees/" + back.id + "/deactivate").then().statusCode(303);
        long bossId = EmployeeLifecycleTest.user(disabledBoss.email).id;
        admin.post("/admin/users/" + bossId + "/disable", "confirm", "yes").then().statusCode(303);

        String a = "a." + System.nanoTime() + "@accolade.test";
        String b = "b." + System.nanoTime() + "@accolade.test";
        String run = dryRun("name,email,department,manager email\n"
                + "Report A," + a + ",Engineering," + gone.email + "\n"
                + "Report B," + b + ",Engineering," + disabledBoss.email + "\n"
                + back.name + "," + back.email + ",Engineering,\n");
        admin.get(run).then().statusCode(200)
                .body(containsString("0 problems, 3 warnings."))
                .body(containsString("Row 2: the manager " + gone.email + " is deactivated in the directory."))
                .body(containsString("Row 3: the manager " + disabledBoss.email
                        + " cannot sign in: their Accolade account is disabled."))
                .body(containsString("Row 4: " + back.email + " was deactivated on "))
                .body(containsString("Apply 3 changes"));
        admin.post(run + "/apply").then().statusCode(303);
        assertTrue(EmployeeLifecycleTest.reload(back.id).active, "the warned row is applied");
        assertEquals(gone.email, QuarkusTransaction.requiringNew().call(() -> Employee.findByEmail(a).orElseThrow().managerEmail));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(disabledBoss.email).orElseThrow().enabled));
        admin.get(run).then().body(containsString("Row 2: the manager " + gone.email + " is deactivated in the directory."))
                .body(containsString("<td>reactivated</td>"));
    }

    @Test
    void anImportThatWouldDeactivateTheAdminApplyingItIsRefused() {
        Employee self = EmployeeLifecycleTest.employee("importer", true);
        QuarkusTransaction.requiringNew().run(() -> AppUser.findByEmail(self.email).orElseThrow().role =
                dev.accolade.storefront.security.Role.ADMIN);
        Browser importer = Browser.signedIn(self.email);
        Browser before = admin;
        admin = importer;
        try {
            String run = dryRun(everyoneBut(List.of(self.email)));
            importer.get(run + "?deactivateMissing=true").then()
                    .body(containsString("You (" + self.email + ") are not in the file"))
                    .body(not(containsString("Apply ")));
            importer.post(run + "/apply", "deactivateMissing", "true").then().statusCode(303);
            assertTrue(EmployeeLifecycleTest.reload(self.id).active);
        } finally {
            admin = before;
            QuarkusTransaction.requiringNew().run(() -> Employee.<Employee>findById(self.id).active = false);
        }
    }
}
