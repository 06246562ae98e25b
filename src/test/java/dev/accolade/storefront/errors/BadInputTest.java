package dev.accolade.storefront.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.DirectoryImport;

/** Input that once failed the server: each gets a page that says what is wrong, never a 5xx. */
@QuarkusTest
class BadInputTest {

    static final String HUGE = "99999999999999999999";

    @Test
    void amountsOfManyDigitsAreRefusedWithAMessage() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/catalog?min=" + HUGE).then().statusCode(200);
        manager.get("/catalog?max=" + HUGE + HUGE).then().statusCode(200);
        manager.post("/send/review", "token", UUID.randomUUID().toString(), "sku", "TNGO-E-V-STD", "recipientEmail",
                "ada@accolade.test", "recipientName", "Ada", "amount", HUGE, "message", "hi").then().statusCode(200)
                .body(containsString("Choose an amount from $1.00 to $1,000.00"));

        Browser admin = Browser.signedIn("admin@accolade.test");
        long sales = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Sales").orElseThrow().id);
        Response r = admin.post("/admin/accounts/" + sales, "name", "Sales", "threshold", HUGE);
        r.then().statusCode(303);
        admin.get(r.header("Location")).then().statusCode(200).body(containsString("Enter an amount in dollars"));
        Response fund = admin.post("/admin/accounts/" + sales + "/fund", "submission", "", "amount", HUGE, "number",
                "4111111111111111", "expiry", "12/40", "securityCode", "123", "firstName", "A", "lastName", "B",
                "address", "1 Main Street", "city", "Springfield", "state", "WA", "zip", "99196", "email",
                "finance@accolade.test");
        assertEquals(true, fund.statusCode() < 500, "funding answered " + fund.statusCode());
    }

    @Test
    void pageNumbersPastAnyIntegerShowAPageNotAFailure() {
        given().get("/raas-sandbox/inbox?page=100000000").then().statusCode(200);
        given().get("/raas-sandbox/inbox?page=" + HUGE).then().statusCode(200);
        Browser hr = Browser.signedIn("hr@accolade.test");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response run = hr.post("/reconciliation", "from", today, "to", today);
        run.then().statusCode(303);
        hr.get(run.header("Location") + "?page=32679938").then().statusCode(200);
        hr.get(run.header("Location") + "?page=" + HUGE).then().statusCode(200);
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/rewards?page=" + HUGE).then().statusCode(303);
    }

    @Test
    void aFarFutureAuditDateIsExplainedAndItsExportRefused() {
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.get("/audit?to=+999999999-12-31").then().statusCode(200)
                .body(containsString("The end date is not between 2000-01-01 and 9999-12-30"));
        hr.get("/audit?from=-999999999-01-01").then().statusCode(200);
        hr.get("/audit/export.csv?to=+999999999-12-31").then().statusCode(400)
                .body(containsString("The end date is not between 2000-01-01 and 9999-12-30"))
                .body(not(containsString("Row,When")));
        hr.get("/audit/export.csv?from=2025-13-45").then().statusCode(400);
    }

    @Test
    void aNextPageWithASpaceOrControlCharacterFallsBackToHome() {
        for (String next : new String[] { "/rewards x", "/rewards\u0001", "/re\twards", "/\u00e9", "/a\"b", "//evil.example" }) {
            Browser b = new Browser();
            b.get("/login");
            b.post("/login", "email", "manager@accolade.test", "password", "accolade-demo", "next", next).then()
                    .statusCode(303).header("Location", not(containsString("evil")));
            b.get("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)).then().statusCode(303);
        }
        Browser b = new Browser();
        b.get("/login");
        b.post("/login", "email", "manager@accolade.test", "password", "accolade-demo", "next", "/rewards?q=a%20b")
                .then().statusCode(303).header("Location", containsString("/rewards?q=a%20b"));
    }

    @Test
    void aFormUnderAnAddressWithOddCharactersIsAnsweredNotFailed() {
        Browser b = new Browser();
        b.get("/login");
        for (String secret : new String[] { "%", "{}", "a b", "\u00e9" }) {
            Response r = b.request().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", csrfOf(b)).formParam("password", "a").formParam("confirm", "b")
                    .post("/invitation/" + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            assertEquals(true, r.statusCode() < 500, secret + " answered " + r.statusCode());
        }
    }

    static String csrfOf(Browser b) {
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(b.get("/login").asString());
        m.find();
        return m.group(1);
    }

    @Test
    void aLongUploadedFileNameIsCutToFitItsColumn() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String html = admin.get("/admin/directory").asString();
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        m.find();
        String name = "n".repeat(300) + ".csv";
        Response r = admin.request().multiPart("csrf-token", m.group(1))
                .multiPart("file", name, "name,email,department\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/directory/imports");
        assertEquals(303, r.statusCode(), r.asString());
        String id = r.header("Location").replaceAll(".*/", "");
        DirectoryImport i = QuarkusTransaction.requiringNew().call(() -> DirectoryImport.findById(Long.valueOf(id)));
        assertEquals(255, i.fileName.length());
        assertEquals('…', i.fileName.charAt(254));
    }
}
