package dev.accolade.storefront.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.demo.DemoRaasAccounts;

/**
 * An unknown address or a wrong method answers a page in the application's layout, with its status
 * (and a 405's Allow); the RaaS API and the management endpoints keep their own answers.
 */
@QuarkusTest
class ErrorPagesTest {

    @Inject
    DemoRaasAccounts demoAccounts;

    @Test
    void anUnknownAddressIsANotFoundPageSignedInOrNot() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.request().accept("text/html").get("/nope").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body("html.head.title", equalTo("Page not found · Accolade"))
                .body(containsString("/static/bundle/app"))
                .body(containsString("<a href=\"/\">Back to the home page</a>"))
                .body(containsString("Sign out"));
        given().accept("text/html").get("/nope").then().statusCode(404)
                .body("html.head.title", equalTo("Page not found · Accolade"))
                .body(containsString("There is nothing at this address"))
                .body(containsString("<a href=\"/\">Back to the home page</a>"))
                .body(not(containsString("Sign out")));
        given().accept("text/html").get("/admin/no-such-page/1").then().statusCode(404)
                .body("html.head.title", equalTo("Page not found · Accolade"));
        // Under the address of cacheable assets, the page (which names the user) is still never cached.
        manager.request().get("/static/bundle/no-such-file.css").then().statusCode(404)
                .header("Cache-Control", "no-store").body(containsString("Sign out"));
        manager.request().get("/raas-sandbox/images/no-such-brand.svg").then().statusCode(404)
                .header("Cache-Control", "no-store");
        given().get("/static/bundle/no-such-file.css").then().statusCode(404).header("Cache-Control", "no-store");
    }

    @Test
    void openingSignOutFromTheAddressBarIsAMethodNotAllowedPageNamingPost() {
        given().accept("text/html").get("/logout").then().statusCode(405)
                .header("Allow", "POST, OPTIONS")
                .body("html.head.title", equalTo("This address cannot be opened this way · Accolade"))
                .body(containsString("cannot be opened from the address bar or a link"));
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.request().accept("text/html").get("/logout").then().statusCode(405).body(containsString("Sign out"));
        manager.get("/").then().statusCode(200);
    }

    @Test
    void aWrongMethodOnAPageIsAMethodNotAllowedPageWithTheMethodsItAnswers() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.request().accept("text/html").delete("/rewards/1").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("html.head.title", equalTo("This address cannot be opened this way · Accolade"))
                .body(containsString("This address does not answer DELETE requests."));
        manager.request().put("/admin/users/1").then().statusCode(405).header("Allow", "GET, HEAD, POST, OPTIONS");
    }

    @Test
    void aSendFormOfAnotherDepartmentsOrderIsANotFoundPageAndTheRefusalIsAudited() {
        demoAccounts.ensure();
        String token = UUID.randomUUID().toString();
        Browser engineering = Browser.signedIn("manager@accolade.test");
        String location = engineering.post("/send", form(token, "katherine.johnson@accolade.test")).getHeader("Location");
        String order = URI.create(location).getPath().replaceFirst("^/rewards/", "");
        assertTrue(order.matches("\\d+"), location);

        Browser sales = Browser.signedIn("sales.manager@accolade.test");
        sales.post("/send", form(token, "marie.curie@accolade.test")).then().statusCode(404)
                .body("html.head.title", equalTo("Page not found · Accolade"))
                .body(not(containsString("katherine.johnson")));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "actor = ?1 and action = 'ACCESS_REFUSED' and target = ?2 and outcome = 'REFUSED'",
                "sales.manager@accolade.test", "reward order " + order)));
    }

    @Test
    void theRaasApiAndTheManagementEndpointsKeepTheirOwnAnswers() {
        given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key").get("/raas/v1/no-such-resource")
                .then().statusCode(404).contentType("application/json").body("success", equalTo(false));
        given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key").delete("/raas/v1/accounts")
                .then().statusCode(405).contentType("application/json").header("Allow", "POST, OPTIONS");
        given().get("/q/health/live").then().statusCode(200).contentType(containsString("application/json"));
        given().accept("text/html").get("/q/no-such-endpoint").then().statusCode(404)
                .body(not(containsString("Accolade")));
    }

    @Test
    void theBundleAndTheIconsAreStillServed() {
        String login = given().get("/login").then().statusCode(200)
                .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"))
                .body(containsString("<link rel=\"icon\" href=\"/favicon.ico\""))
                .extract().asString();
        Matcher assets = Pattern.compile("(?:href|src)=\"(/static/bundle/[^\"]+)\"").matcher(login);
        int found = 0;
        while (assets.find()) {
            given().get(assets.group(1)).then().statusCode(200);
            found++;
        }
        assertTrue(found >= 2, "the page links its stylesheet and script");
        given().get("/favicon.ico").then().statusCode(200).contentType(startsWith("image/"));
        given().get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"))
                .body(containsString("<svg"));
        given().get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
    }

    private static Object[] form(String token, String email) {
        return new Object[] { "token", token, "sku", "APPL-E-1000-STD", "recipientName", "", "recipientEmail", email,
                "amount", "", "subject", "Thank you!", "message", "For the launch", "from", "Morgan" };
    }
}
