package dev.accolade.storefront.directory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;

/** The employee import: dry run first, idempotent, and every kind of bad file or row explained. */
@QuarkusTest
class DirectoryImportTest {

    static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    Browser admin;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        admin = Browser.signedIn("admin@accolade.test");
    }

    Response upload(String name, byte[] bytes) {
        admin.get("/admin/directory");
        return admin.request().multiPart("csrf-token", csrf()).multiPart("file", name, bytes, "text/csv")
                .post("/admin/directory/imports");
    }

    String csrf() {
        String html = admin.get("/admin/directory").asString();
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }

    /** Uploads a file and returns the dry run's address. */
    String dryRun(String name, String text) {
        return dryRun(name, text.getBytes(StandardCharsets.UTF_8));
    }

    String dryRun(String name, byte[] bytes) {
        Response r = upload(name, bytes);
        r.then().statusCode(303).header("Location", containsString("/admin/directory/imports/"));
        return r.header("Location");
    }

    static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    static Employee employee(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Employee.findByEmail(email).map(e -> {
            e.department.name.length();
            return e;
        }).orElse(null));
    }

    @Test
    void aOneRowFileReadsInTheSingular() {
        String email = "single." + System.nanoTime() + "@accolade.test";
        String run = dryRun("one.csv", withBom("Name,Email,Department,Manager Email\r\nSolo Person," + email + ",Engineering,\r\n"));
        admin.get(run).then().statusCode(200)
                .body(containsString("1 row: 1 change, 0 unchanged, 0 problems."))
                .body(containsString("Apply 1 change<"));
        admin.post(run + "/apply").then().statusCode(303);
        admin.get("/admin/directory").then().body(containsString("The directory is updated: 1 row: 1 new, 0 changed, "
                + "0 unchanged, 0 problems."));
    }

    @Test
    void aDryRunChangesNothingApplyingChangesExactlyThatAndTheSameFileTwiceChangesNothing() {
        String suffix = Long.toString(System.nanoTime());
        String ada = "ada.lovelace@accolade.test";
        String newcomer = "new." + suffix + "@accolade.test";
        // A byte-order mark, CRLF line ends, a quoted name with a comma, a quoted quote and an embedded line break.
        String csv = "Name,Email,Department,Manager Email\r\n"
                + "\"Lovelace, Ada\",ADA.LOVELACE@accolade.test,sales,sales.manager@accolade.test\r\n"
                + "\"Nick \"\"The New\"\" Comer\",\"" + newcomer + "\",Engineering,\r\n"
                + "\"Multi\nLine\",multi." + suffix + "@accolade.test,People,hr@accolade.test\r\n"
                + "\r\n";
        String run = dryRun("people.csv", withBom(csv));
        admin.get(run).then().statusCode(200)
                .body(containsString("3 rows: 3 changes, 0 unchanged, 0 problems"))
                .body(containsString("name Ada Lovelace → Lovelace, Ada; department Engineering → Sales; manager "
                        + "manager@accolade.test → sales.manager@accolade.test"))
                .body(containsString("Nick &quot;The New&quot; Comer &lt;" + newcomer + "&gt;"))
                .body(containsString("Apply 3 changes"));
        assertEquals("Engineering", employee(ada).department.name, "a dry run changes nothing");
        assertEquals(null, employee(newcomer));

        admin.post(run + "/apply").then().statusCode(303).header("Location", endsWith("/admin/directory"));
        admin.get("/admin/directory").then().body(containsString("The directory is updated: 3 rows: 2 new, 1 changed"));
        Employee moved = employee(ada);
        assertEquals("Lovelace, Ada", moved.name);
        assertEquals("Sales", moved.department.name);
        assertEquals("sales.manager@accolade.test", moved.managerEmail);
        assertEquals("Nick \"The New\" Comer", employee(newcomer).name);
        assertEquals(null, employee(newcomer).managerEmail);
        assertEquals("Multi\nLine", employee("multi." + suffix + "@accolade.test").name);
        admin.post(run + "/apply").then().statusCode(303).header("Location", run);
        admin.get(run).then().body(containsString("was already applied"));

        String again = dryRun("people.csv", withBom(csv));
        admin.get(again).then().body(containsString("3 rows: 0 changes, 3 unchanged, 0 problems"))
                .body(containsString("already matches this file")).body(not(containsString("Apply ")));
        admin.post(again + "/apply").then().statusCode(303);
        admin.get("/admin/directory").then().body(containsString("nothing changed"));
        assertEquals("Sales", employee(ada).department.name);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = 'DIRECTORY_IMPORT'") >= 2));

        // Put Ada back for the other tests.
        String back = dryRun("back.csv", "name,email,department,manager email\nAda Lovelace," + ada
                + ",Engineering,manager@accolade.test\n");
        admin.post(back + "/apply").then().statusCode(303);
        assertEquals("Engineering", employee(ada).department.name);
    }

    @Test
    void eachBadRowGetsItsOwnMessageAndAFileWithProblemsIsNotApplied() {
        String s = Long.toString(System.nanoTime());
        String csv = "email,name,department,manager\n"
                + "good." + s + "@accolade.test,Good Row,Engineering,\n"
                + "not-an-email,Bad Email,Engineering,\n"
                + "," + "No Email,Engineering,\n"
                + "nodept." + s + "@accolade.test,No Dept,Marketing,\n"
                + "short." + s + "@accolade.test,Too Few\n"
                + "good." + s + "@accolade.test,Twice,Engineering,\n"
                + "mgr." + s + "@accolade.test,Bad Manager,Sales,boss\n"
                + "noname." + s + "@accolade.test,,Sales,\n";
        String run = dryRun("bad.csv", csv);
        String html = admin.get(run).then().statusCode(200).extract().asString();
        assertTrue(html.contains("Row 3: &quot;not-an-email&quot; is not an email address."), html);
        assertTrue(html.contains("Row 4: the email is empty."));
        assertTrue(html.contains("Row 5: there is no department &quot;Marketing&quot; (create it under Accounts first)."));
        assertTrue(html.contains("Row 6 has 2 fields; the header has 4."));
        assertTrue(html.contains("Row 7: good." + s + "@accolade.test is already on row 2."));
        assertTrue(html.contains("Row 8: the manager email &quot;boss&quot; is not an email address."));
        assertTrue(html.contains("Row 9: the name is empty."));
        assertTrue(html.contains("Nothing can be applied while the file has problems"));
        assertFalse(html.contains("Apply "));
        admin.post(run + "/apply").then().statusCode(303).header("Location", run);
        admin.get(run).then().body(containsString("The file has problems; fix them and upload it again."));
        assertEquals(null, employee("good." + s + "@accolade.test"));
    }

    @Test
    void unreadableFilesAreExplained() {
        List<Object[]> cases = List.of(
                new Object[] { "name,email,department\nA,a@b.test,Sales\n".getBytes(StandardCharsets.UTF_8),
                        "missing: manager email." },
                new Object[] { "name;email;department;manager email\nA;a@b.test;Sales;\n".getBytes(StandardCharsets.UTF_8),
                        "The file seems to use semicolons" },
                new Object[] { "name,email,department,manager email\n\"Unclosed,a@b.test,Sales,\n".getBytes(StandardCharsets.UTF_8),
                        "a quoted field is not closed" },
                new Object[] { new byte[] { 'n', 'a', 'm', 'e', ',', (byte) 0xE9, (byte) 0xFF, '\n' },
                        "The file is not UTF-8 text." },
                new Object[] { BOM, "The file is empty." });
        for (Object[] c : cases) {
            String run = dryRun("broken.csv", (byte[]) c[0]);
            admin.get(run).then().statusCode(200).body(containsString((String) c[1]))
                    .body(containsString("Nothing can be applied"));
        }
        Response none = admin.request().multiPart("csrf-token", csrf()).post("/admin/directory/imports");
        none.then().statusCode(303).header("Location", endsWith("/admin/directory"));
        admin.cookies.putAll(none.getCookies());
        admin.get("/admin/directory").then().body(containsString("Choose a CSV file to upload."));
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefused() {
        admin.request().multiPart("file", "x.csv", "name,email\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/directory/imports").then().statusCode(400);
    }
}
