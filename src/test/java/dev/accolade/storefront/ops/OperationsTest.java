package dev.accolade.storefront.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.demo.DemoRaasAccounts;

@QuarkusTest
class OperationsTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    DemoRaasAccounts demoAccounts;
    @Inject
    CatalogCache catalog;
    @ConfigProperty(name = "accolade.session.key")
    String sessionKey;
    @ConfigProperty(name = "accolade.raas.platform-key")
    String raasKey;

    @BeforeEach
    void accounts() {
        demoAccounts.ensure();
    }

    @Test
    void readinessCoversTheDatabaseAndReportsRaasWithoutDependingOnIt() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "RaaS"))
                .body("checks.find { it.name == 'RaaS' }.status", is("UP"))
                .body("checks.find { it.name == 'RaaS' }.data.status", is("ok"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", not(hasItems("RaaS")));
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedIncomingOneIsKept() {
        given().header("X-Request-Id", "lb-42.abc_DEF").get("/login").then().statusCode(200)
                .header("X-Request-Id", is("lb-42.abc_DEF"));
        given().get("/login").then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "two words\"{}").get("/q/health/live").then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "x".repeat(65)).get("/login").then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void sendsAreCountedByDepartmentAndOutcomeAndLogLinesCarryTheRequestId() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/").then().statusCode(200);
        Metrics before = Metrics.scrape();
        String requestId = "ops-" + UUID.randomUUID();
        try (LogCapture logs = LogCapture.open()) {
            // A $10 Apple card is delivered; a $20 Amazon.com card gets the sandbox's 500 (outcome unknown).
            send(manager, "APPL-E-1000-STD", "", null).then().statusCode(303)
                    .header("Location", containsString("/rewards/"));
            Response unknown = send(manager, "AMZN-E-V-STD", "20.00", requestId);
            unknown.then().statusCode(303).header("X-Request-Id", is(requestId))
                    .header("Location", containsString("/rewards/"));

            assertTrue(logs.lines.stream().anyMatch(l -> l.logger().endsWith("RaasCalls")
                    && l.message().contains("outcome unknown") && requestId.equals(l.requestId())),
                    "the RaaS client's warning carries the request's id: " + logs.lines);
        }
        Metrics after = Metrics.scrape();
        String eng = "department=\"Engineering\"";
        assertEquals(before.count("accolade_rewards_total", eng, "outcome=\"sent\"") + 1,
                after.count("accolade_rewards_total", eng, "outcome=\"sent\""));
        assertEquals(before.count("accolade_rewards_total", eng, "outcome=\"unknown\"") + 1,
                after.count("accolade_rewards_total", eng, "outcome=\"unknown\""));
        assertEquals(before.count("accolade_rewards_total", eng, "outcome=\"failed\""),
                after.count("accolade_rewards_total", eng, "outcome=\"failed\""));
        assertTrue(after.count("raas_client_calls_seconds_count", "endpoint=\"POST orders\"", "outcome=\"success\"") >= 1);
        assertTrue(after.count("raas_client_calls_seconds_count", "endpoint=\"POST orders\"", "outcome=\"unknown\"") >= 1);
    }

    @Test
    void balancesAndTheCatalogAgeAreGaugesThatNeverCallRaas() {
        catalog.refresh();
        Browser.signedIn("manager@accolade.test").get("/").then().statusCode(200);
        Metrics first = Metrics.scrape();
        double balance = first.value("accolade_department_balance_cents", "department=\"Engineering\"").orElseThrow();
        assertTrue(balance > 0 && balance % 1 == 0, "a whole number of cents: " + balance);
        double age = first.value("accolade_catalog_age_seconds").orElseThrow();
        assertTrue(age >= 0 && age < 60, "age " + age);

        double reads = first.count("raas_client_calls_seconds_count", "endpoint=\"GET accounts/{customer}/{identifier}\"");
        for (int i = 0; i < 3; i++) {
            Metrics.scrape();
        }
        assertEquals(reads, Metrics.scrape().count("raas_client_calls_seconds_count",
                "endpoint=\"GET accounts/{customer}/{identifier}\""), "scrapes do not call RaaS");
    }

    @Test
    void noSecretOrCardNumberIsLogged() {
        try (LogCapture logs = LogCapture.open()) {
            Browser.signedIn("admin@accolade.test").get("/").then().statusCode(200);
            given().auth().preemptive().basic("accolade-demo", raasKey).contentType("application/json")
                    .body("""
                            {"customer":"Accolade","account_identifier":"accolade-engineering","amount":100,
                             "client_ip":"127.0.0.1","credit_card":{"number":"4000000000000002","expiration":"01/39",
                             "security_code":"987","billing_address":{"f_name":"A","l_name":"B","address":"1 Main St",
                             "city":"Seattle","state":"WA","zip":"98101","email":"finance@accolade.test"}}}""")
                    .post("/raas/v1/funds").then().statusCode(400);
            given().header("X-Request-Id", "4111111111111111 " + sessionKey).get("/login").then().statusCode(200);
            for (LogCapture.Line l : logs.lines) {
                String all = l.message() + " " + l.requestId();
                assertFalse(all.contains(sessionKey), "session key in " + l);
                assertFalse(all.contains(raasKey), "RaaS key in " + l);
                assertFalse(all.contains("4000000000000002") || all.contains("4111111111111111"), "card number in " + l);
            }
        }
    }

    @Test
    void anAdminSeesNoDegradedBannerWhileRaasAnswers() {
        catalog.refresh();
        Browser.signedIn("admin@accolade.test").get("/").then().statusCode(200)
                .body(not(containsString("raas-degraded")));
    }

    private static Response send(Browser b, String sku, String amount, String requestId) {
        String token = UUID.randomUUID().toString();
        Object[] form = { "token", token, "sku", sku, "recipientName", "Opal Metrics", "recipientEmail",
                "ops.metrics@accolade.test", "amount", amount, "subject", "Thanks", "message", "Metrics " + token,
                "from", "Ops" };
        if (requestId == null) {
            return b.post("/send", form);
        }
        var spec = b.request().header("X-Request-Id", requestId).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", b.csrfToken());
        for (int i = 0; i < form.length; i += 2) {
            spec.formParam((String) form[i], form[i + 1]);
        }
        return spec.post("/send");
    }
}
