package dev.accolade.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.ops.Metrics;

/**
 * The packaged application (target/quarkus-app, or the native executable with -Dnative) in its prod
 * profile on PostgreSQL, driven over HTTP only: sign-in, catalog, a reward sent end to end, health,
 * metrics and its JSON log.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedApp.class)
class PackagedAppIT {

    /** Where the integration-test launcher writes the application's log. */
    private static final Path LOG = Path.of("target", "quarkus.log");

    private static volatile boolean funded;

    /** Waits (once) for the demo data job to create and fund the departments' sandbox accounts. */
    @BeforeEach
    void demoAccountsAreFunded() throws InterruptedException {
        if (funded) {
            return;
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (given().auth().preemptive().basic("accolade-demo", PackagedApp.RAAS_KEY)
                .get("/raas/v1/accounts/Accolade/accolade-engineering").statusCode() != 200) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the demo RaaS accounts were not created within 90 s");
            }
            Thread.sleep(500);
        }
        funded = true;
    }

    @Test
    void readinessCoversTheDatabaseAndRaas() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "RaaS"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void aManagerSignsInFindsARewardAndSendsItEndToEnd() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/catalog").then().statusCode(200).body(containsString("Amazon.com"));
        Response sent = manager.post("/send", form("APPL-E-1000-STD", "", "Ada Lovelace",
                "ada.lovelace@accolade.test"));
        sent.then().statusCode(303).header("Location", containsString("/rewards/"));
        String order = sent.getHeader("Location").replaceAll("^.*(/rewards/\\d+).*$", "$1");
        manager.get(order).then().statusCode(200).body(containsString("Delivered"));

        Metrics metrics = Metrics.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(metrics.count("accolade_rewards_total", "department=\"Engineering\"", "outcome=\"sent\"") >= 1);
        assertTrue(metrics.count("raas_client_calls_seconds_count", "endpoint=\"POST orders\"",
                "outcome=\"success\"") >= 1);
        assertTrue(metrics.value("accolade_department_balance_cents", "department=\"Engineering\"").isPresent());
        assertTrue(metrics.value("accolade_catalog_age_seconds").orElse(Double.NaN) >= 0);
    }

    @Test
    void logsAreJsonLinesWithTheRequestIdAndHoldNoSecret() throws Exception {
        Browser manager = Browser.signedIn("manager@accolade.test");
        String requestId = "it-" + UUID.randomUUID();
        // The sandbox answers a $20 Amazon.com order with a 500: the client logs a warning in the request.
        var spec = manager.request().header("X-Request-Id", requestId).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", manager.csrfToken());
        Object[] form = form("AMZN-E-V-STD", "20.00", "Grace Hopper", "grace.hopper@accolade.test");
        for (int i = 0; i < form.length; i += 2) {
            spec.formParam((String) form[i], form[i + 1]);
        }
        spec.post("/send").then().statusCode(303).header("X-Request-Id", is(requestId));

        List<String> lines = awaitLine(requestId);
        String warning = lines.stream().filter(l -> l.contains(requestId)).findFirst().orElseThrow();
        assertTrue(warning.contains("\"requestId\":\"" + requestId + "\""), warning);
        assertTrue(warning.contains("\"loggerName\":\"dev.accolade.raas.client.RaasCalls\""), warning);

        List<String> json = lines.stream().filter(l -> l.startsWith("{")).toList();
        assertTrue(json.size() > 10, "the application logs JSON lines: " + json.size());
        for (String line : lines) {
            assertFalse(line.contains(PackagedApp.SESSION_KEY), "session key logged: " + line);
            assertFalse(line.contains(PackagedApp.RAAS_KEY), "RaaS platform key logged: " + line);
            assertFalse(line.contains("4111111111111111"), "card number logged: " + line);
            if (ItDatabase.distinctive(PackagedApp.DB_PASSWORD)) {
                assertFalse(line.contains(PackagedApp.DB_PASSWORD), "database password logged: " + line);
            }
        }
        assertEquals(json.size(), lines.stream().filter(l -> l.startsWith("{\"timestamp\"")).count(),
                "every JSON line is one log record");
    }

    private static List<String> awaitLine(String text) throws IOException, InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (true) {
            List<String> lines = Files.readAllLines(LOG);
            if (lines.stream().anyMatch(l -> l.contains(text)) || Instant.now().isAfter(until)) {
                return lines;
            }
            Thread.sleep(200);
        }
    }

    private static Object[] form(String sku, String amount, String name, String email) {
        return new Object[] { "token", UUID.randomUUID().toString(), "sku", sku, "recipientName", name,
                "recipientEmail", email, "amount", amount, "subject", "Thank you!", "message",
                "Packaged " + UUID.randomUUID(), "from", "Morgan" };
    }
}
