package dev.accolade.storefront.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.raas.sandbox.Raas;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.directory.Department;

/**
 * Links come from the configured public address, never from the request's headers; HTTPS answers
 * carry HSTS; every answer a Permissions-Policy; every HTML answer its charset; search text is
 * searched for as typed, its % and _ no wildcards.
 */
@QuarkusTest
class HeadersAndLinksTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    static String base() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    @Test
    void anInvitationLinkIgnoresTheHostHeader() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        Matcher m = CSRF.matcher(admin.get("/admin/users/new").asString());
        assertTrue(m.find());
        long sales = QuarkusTransaction.requiringNew().call(() -> Department.findByName("Sales").orElseThrow().id);
        String email = "host-" + System.nanoTime() + "@accolade.test";
        Response r = admin.request().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", m.group(1))
                .formParam("email", email).formParam("displayName", "Host Header").formParam("role", "MANAGER")
                .formParam("department", Long.toString(sales)).post("/admin/users");
        r.then().statusCode(303);
        r.getDetailedCookies().forEach(c -> admin.cookies.put(c.getName(), c.getValue()));
        String page = admin.get(r.header("Location").replaceFirst("^https?://[^/]+", "")).asString();
        assertTrue(page.contains("id=\"invitation-link\">" + base() + "/invitation/"), page);
        assertTrue(!page.contains("evil.example"), page);
    }

    @Test
    void theSandboxLinksIgnoreTheHostHeader() {
        given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key").header("Host", "evil.example")
                .get("/raas/v1/rewards").then().statusCode(200).body(not(containsString("evil.example")))
                .body(containsString(base() + "/raas-sandbox/images/"));
    }

    @Test
    void httpsAnswersCarryHstsAndPlainOnesDoNot() {
        given().header("X-Forwarded-Proto", "https").get("/login").then()
                .header("Strict-Transport-Security", containsString("max-age="));
        given().header("Forwarded", "for=1.2.3.4;proto=https").get("/login").then()
                .header("Strict-Transport-Security", containsString("max-age="));
        given().get("/login").then().header("Strict-Transport-Security", nullValue());
    }

    @Test
    void everyAnswerHasAPermissionsPolicyAndEveryPageItsCharset() {
        Browser hr = Browser.signedIn("hr@accolade.test");
        for (String path : new String[] { "/", "/reports", "/audit", "/no-such-page", "/raas-sandbox/inbox",
                "/raas-sandbox/inbox/none", "/reconciliation/none", "/admin" }) {
            hr.request().get(path).then().header("Permissions-Policy", containsString("camera=()"))
                    .header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"));
        }
        given().get("/login").then().header("Content-Type", equalToIgnoringCase("text/html;charset=UTF-8"));
    }

    @Test
    void percentAndUnderscoreAreSearchedForAsTyped() {
        String email = Raas.uniqueEmail();
        String customer = Raas.uniqueCustomer();
        String account = Raas.fundedAccount(customer, 10_000);
        Raas.raas().body(Raas.orderJson(customer, account, "TNGO-E-V-STD", 500L, email, true)).post("/raas/v1/orders")
                .then().statusCode(201);
        given().queryParam("q", email).get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("1 email for"));
        String wildcard = "_" + email.substring(1);
        given().queryParam("q", wildcard).get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("0 emails for"));
        given().queryParam("q", "%" + email.substring(1)).get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("0 emails for"));
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.request().queryParam("recipientEmail", "%").get("/send/colleagues").then().statusCode(200).body(not(containsString("@accolade.test")));
    }
}
