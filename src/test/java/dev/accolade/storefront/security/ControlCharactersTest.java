package dev.accolade.storefront.security;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.directory.Department;

/** No text with a control character (NUL, escape, ...) gets in: it is refused with a page that says so. */
@QuarkusTest
class ControlCharactersTest {

    @Test
    void aDepartmentNameWithANulIsRefusedAndNotStored() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String suffix = Long.toString(System.nanoTime());
        String name = "\u0000=HYPERLINK(\"http://evil.example\") " + suffix;
        admin.post("/admin/accounts", "name", name, "customer", "Accolade", "identifier", "nul" + System.nanoTime(),
                "email", "finance@accolade.test", "threshold", "100").then().statusCode(400)
                .body(containsString(PlainTextFilter.MESSAGE));
        // Looked for without the NUL, which PostgreSQL would not take even in a query.
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Department.count("name like ?1", "%" + suffix)));
    }

    @Test
    void controlCharactersInQueriesAndMessagesAreRefused() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.request().urlEncodingEnabled(false).get("/catalog?q=%00").then().statusCode(400).body(containsString(PlainTextFilter.TITLE));
        manager.request().urlEncodingEnabled(false).get("/rewards/%00").then().statusCode(400).body(containsString(PlainTextFilter.TITLE));
        manager.request().urlEncodingEnabled(false).get("/rewards?q=a%1Bb").then().statusCode(400);
        manager.request().urlEncodingEnabled(false).get("/rewards?q=a%C2%85b").then().statusCode(400);
        manager.request().urlEncodingEnabled(false).get("/catalog?q=caf%C3%A9").then().statusCode(200);
        manager.post("/send/review", "token", java.util.UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD",
                "recipientEmail", "ada@accolade.test", "recipientName", "Ada\u0007", "amount", "", "message", "hi")
                .then().statusCode(400);
        // A message may have several lines.
        manager.post("/send/review", "token", java.util.UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD",
                "recipientEmail", "ada@accolade.test", "recipientName", "Ada", "amount", "", "message", "hi\r\nthere")
                .then().statusCode(200);
    }

    @Test
    void aDirectoryRowWithANulIsNamedAsAProblem() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String html = admin.get("/admin/directory").asString();
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find());
        byte[] csv = "name,email,department,manager email\nAda\u0000Lovelace,nul@accolade.test,Sales,\n".getBytes(StandardCharsets.UTF_8);
        Response r = admin.request().multiPart("csrf-token", m.group(1)).multiPart("file", "people.csv", csv, "text/csv")
                .post("/admin/directory/imports");
        assertEquals(303, r.statusCode());
        admin.get(r.header("Location")).then().statusCode(200).body(containsString("control character"));
    }
}
