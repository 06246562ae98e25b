package dev.accolade.storefront.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;

/**
 * Dev mode's mail: the SMTP server inside the application receives what Accolade sends right after
 * each commit, the demo data's messages included, and "Mail sent by Accolade" shows them to
 * administrators, the HTML in a sandboxed frame.
 */
@QuarkusTest
@TestProfile(DevMailProfile.class)
class DevMailTest {

    /** The dev inbox page once it satisfies {@code done}, waiting up to 20 seconds for the sender. */
    static String inboxWhen(Browser admin, Predicate<String> done) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String page = "";
        while (Instant.now().isBefore(until)) {
            page = admin.get("/admin/dev-mail").then().statusCode(200).extract().asString();
            if (done.test(page)) {
                return page;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the dev inbox never showed what was expected:\n" + page);
    }

    @Test
    void theDemoMessagesAndEachNewOneAppearOnTheDevInboxAsTheyLook() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String page = inboxWhen(admin, p -> p.contains("You are invited to Accolade")
                && p.contains("Choose a new Accolade password") && p.contains("Accolade: the week of"));
        assertTrue(page.contains("new.hire@accolade.test") && page.contains("sales.manager@accolade.test")
                && page.contains("hr@accolade.test"), page);

        // Sent right after the commit that wrote it: no sender pass is run by the test.
        String email = "dev-mail-" + System.nanoTime() + "@accolade.test";
        admin.post("/admin/users", "email", email, "displayName", "Dev Mail", "role", "HR").then().statusCode(303);
        page = inboxWhen(admin, p -> p.contains(email));

        admin.get("/admin/dev-mail/1").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("src=\"/admin/dev-mail/1/html\""))
                .body(org.hamcrest.Matchers.containsString("sandbox"))
                .body(org.hamcrest.Matchers.containsString("Message-ID"));
        Response html = admin.get("/admin/dev-mail/1/html");
        html.then().statusCode(200).body(org.hamcrest.Matchers.containsString("Accolade"));
        String csp = html.header("Content-Security-Policy");
        assertTrue(csp.contains("sandbox") && csp.contains("default-src 'none'") && !csp.contains("script-src"), csp);
        assertEquals("SAMEORIGIN", html.header("X-Frame-Options"));
        // Every other page keeps the strict policy.
        assertTrue(admin.get("/admin/dev-mail").header("Content-Security-Policy").contains("frame-ancestors 'none'"));

        admin.get("/admin/dev-mail/999999").then().statusCode(404);
        admin.get("/admin/dev-mail/x").then().statusCode(404);
        Browser.signedIn("manager@accolade.test").get("/admin/dev-mail").then().statusCode(403);
        admin.get("/admin/mail").then().statusCode(200).body(org.hamcrest.Matchers.containsString("href=\"/admin/dev-mail\""));
    }
}
