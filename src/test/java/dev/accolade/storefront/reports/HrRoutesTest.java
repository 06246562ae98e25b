package dev.accolade.storefront.reports;

import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;

/** Reports, audit and reconciliation are for HR and administrators: a manager is refused everywhere. */
@QuarkusTest
class HrRoutesTest {

    static final String[] PAGES = { "/reports", "/reports?by=brand", "/reports/print", "/reports/export.csv?by=month",
            "/reports/orders.csv", "/reports/balances", "/audit", "/audit?actor=x", "/audit/export.csv",
            "/reconciliation", "/reconciliation/1", "/reconciliation/999999" };

    @Test
    void aManagerIsRefusedEveryHrPageAndForm() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        for (String page : PAGES) {
            manager.get(page).then().statusCode(403).body(containsString("Not allowed"));
        }
        manager.get("/reports");
        manager.post("/audit/verify").then().statusCode(403);
        manager.post("/reconciliation", "from", "2021-01-01", "to", "2021-01-02").then().statusCode(403);
        manager.get("/").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("href=\"/reports\"")));
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        Browser anonymous = new Browser();
        for (String page : PAGES) {
            int status = anonymous.get(page).statusCode();
            if (status != 302 && status != 303 && status != 401) {
                throw new AssertionError(page + " answered " + status + " to an anonymous visitor");
            }
        }
    }

    @Test
    void hrAndAdminSeeTheLinksAndPages() {
        for (String who : new String[] { "hr@accolade.test", "admin@accolade.test" }) {
            Browser b = Browser.signedIn(who);
            b.get("/").then().statusCode(200).body(containsString("href=\"/reports\""))
                    .body(containsString("href=\"/audit\"")).body(containsString("href=\"/reconciliation\""))
                    .body(containsString("Reconciliation with RaaS"));
            b.get("/reports").then().statusCode(200);
            b.get("/audit").then().statusCode(200);
            b.get("/reconciliation").then().statusCode(200);
            b.get("/reconciliation/999999").then().statusCode(404).body(containsString("No such reconciliation"));
        }
    }
}
