package dev.accolade.storefront.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.catalog.CatalogCache;

/** RaaS cannot be reached at all: the application stays live and ready, and says it is degraded. */
@QuarkusTest
@TestProfile(RaasDownTest.Unreachable.class)
class RaasDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on the loopback refuses connections at once.
            return Map.of("accolade.raas.url", "http://127.0.0.1:1/raas/v1",
                    "accolade.raas.connect-timeout-ms", "1000",
                    "accolade.raas.retry.max-retries", "0");
        }
    }

    @Inject
    CatalogCache catalog;

    @Test
    void raasDownMakesTheApplicationDegradedNotDeadAndAdminsSeeIt() {
        catalog.refresh();

        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'RaaS' }.status", is("UP"))
                .body("checks.find { it.name == 'RaaS' }.data.status", is("degraded"))
                .body("checks.find { it.name == 'RaaS' }.data.lastFault", is("GET rewards: not connected"))
                .body("checks.find { it.name == 'RaaS' }.data.lastFaultAt", notNullValue());
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health").then().statusCode(200).body("status", is("UP"));

        Browser.signedIn("admin@accolade.test").get("/").then().statusCode(200)
                .body(containsString("id=\"raas-degraded\""))
                .body(containsString("RaaS did not answer the latest call (GET rewards: not connected)"));
        // Managers still use the storefront: home (balance unknown) and the catalog page (none cached).
        Browser manager = Browser.signedIn("manager@accolade.test");
        for (int i = 0; i < 5; i++) {
            manager.get("/").then().statusCode(200).body(not(containsString("raas-degraded")));
            manager.get("/catalog").then().statusCode(200);
        }
    }
}
