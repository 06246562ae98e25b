package dev.accolade.storefront.admin;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.raas.sandbox.TunedSandboxProfile;
import dev.accolade.storefront.Browser;
import dev.accolade.storefront.accounts.FundingCard;
import dev.accolade.storefront.accounts.FundingTest;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;

/**
 * With a sandbox that sends a system_message and delays new cards by five minutes, as the real one
 * does: the status page shows RaaS's note, the breaker and the catalog; a kept card waits.
 */
@QuarkusTest
@TestProfile(TunedSandboxProfile.class)
class RaasStatusTest {

    static final String NOTE = "Planned maintenance on 2013-12-01 from 02:00 to 04:00 UTC.";

    @Inject
    DemoRaasAccounts demoAccounts;

    Browser admin;

    @BeforeEach
    void setUp() {
        demoAccounts.ensure();
        admin = Browser.signedIn("admin@accolade.test");
    }

    @Test
    void theStatusPageShowsRaasNoteTheBreakerAndTheCatalogAge() {
        admin.get("/admin/status").then().statusCode(200)
                .body(containsString(NOTE))
                .body(containsString("breaker-closed"))
                .body(containsString("Calls go through to RaaS normally."));
        admin.post("/admin/status", "action", "refresh-catalog").then().statusCode(303);
        admin.get("/admin/status").then()
                .body(containsString("The catalog was read from RaaS just now."))
                .body(containsString("53 brands"))
                .body(containsString(" s ago"));
        admin.get("/admin").then().body(containsString("Message from RaaS:</strong> " + NOTE));
        assertEquals("SUCCESS", QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "action = 'CATALOG_REFRESH' order by id desc").firstResult().outcome));
    }

    @Test
    void aKeptCardThatRaasHasNotActivatedYetIsRegisteredAndNotCharged() {
        long id = QuarkusTransaction.requiringNew().call(() -> Department.findByName("People").orElseThrow().id);
        YearMonth m = YearMonth.now().plusYears(1);
        admin.post("/admin/accounts/" + id + "/fund", "submission", FundingTest.submission("new"), "amount", "50", "number", "4111111111111111", "expiry",
                String.format("%02d/%02d", m.getMonthValue(), m.getYear() % 100), "securityCode", "321",
                "firstName", "Avery", "lastName", "Admin", "address", "1 Main Street", "city", "Springfield", "state",
                "WA", "zip", "99196", "email", "finance@accolade.test", "keep", "on").then().statusCode(303);
        String html = admin.get("/admin/accounts/" + id + "/fund").then().statusCode(200).extract().asString();
        assertTrue(html.contains("is registered. RaaS lets it be charged from"), html);
        assertTrue(html.contains("Fund with card ending 1111"));
        long cardId = QuarkusTransaction.requiringNew().call(() -> FundingCard.activeOf(id).get(0).id);
        admin.post("/admin/accounts/" + id + "/fund/cards/" + cardId, "submission", FundingTest.submission("card" + cardId),
                "amount", "50", "securityCode", "321")
                .then().statusCode(303);
        admin.get("/admin/accounts/" + id + "/fund").then().body(containsString("RaaS lets this card be charged from"));
    }
}
