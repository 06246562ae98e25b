package dev.accolade.storefront.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.audit.AuditTrail;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;

/**
 * Layout, measured in Chromium: no page is wider than a 390 px phone (a wide table scrolls in its own
 * box), the audit table fits a desktop page whatever its rows hold, and cards in a grid line up.
 */
@QuarkusTest
@BrowserTest
class PagesFitTheScreenBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoRaasAccounts demoAccounts;

    @Inject
    AuditTrail audit;

    @Inject
    Actors actors;

    private Page signedIn(Chromium chromium, int width, String email) {
        Page page = chromium.page(width, 900);
        page.navigate(base + "login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("accolade-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base.toString());
        return page;
    }

    private static int pageWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    /** The top of every item of each card grid on the page, grid by grid. */
    @SuppressWarnings("unchecked")
    private static List<List<Number>> cardTops(Page page) {
        return (List<List<Number>>) page.evaluate("[...document.querySelectorAll('.cards')].map(g => [...g.children]"
                + ".map(c => Math.round(c.getBoundingClientRect().top)))");
    }

    @Test
    void everyAdministrationPageFitsAPhone() {
        demoAccounts.ensure();
        long department = QuarkusTransaction.requiringNew().call(() -> Department.listByName().get(0).id);
        long user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("manager@accolade.test").orElseThrow().id);
        long employee = QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.directory.Employee
                .<dev.accolade.storefront.directory.Employee> findAll().firstResult().id);
        try (Chromium chromium = new Chromium()) {
            Page phone = signedIn(chromium, 390, "admin@accolade.test");
            for (String path : List.of("admin", "admin/accounts", "admin/accounts/new", "admin/accounts/" + department,
                    "admin/accounts/" + department + "/fund", "admin/users", "admin/users/new", "admin/users/" + user,
                    "admin/directory", "admin/directory/employees/" + employee, "admin/status", "audit", "reports",
                    "reports/balances", "reconciliation", "programs", "occasions")) {
                phone.navigate(base + path);
                assertTrue(pageWidth(phone) <= 390, "/" + path + " is " + pageWidth(phone) + " px wide on a 390 px phone");
            }
            phone.navigate(base + "admin/accounts");
            Chromium.screenshot(phone, "layout-01-accounts-phone");
        }
    }

    @Test
    void theAuditTableFitsADesktopPageWithLongRows() {
        Actor wide = new Actor("someone.with.a.remarkably.long.address@a-subsidiary-of-the-company.example.com",
                "2001:db8:85a3:0000:0000:8a2e:0370:7334");
        QuarkusTransaction.requiringNew().run(() -> actors.runAs(wide, () -> audit.record("LAYOUT_WIDE_ROW",
                "/admin/accounts/1/fund?from=" + "x".repeat(120),
                "SUCCESS", "a detail without a single space " + "y".repeat(300) + " and then words ".repeat(30))));
        try (Chromium chromium = new Chromium()) {
            for (int width : new int[] { 1280, 1920 }) {
                Page desktop = signedIn(chromium, width, "hr@accolade.test");
                for (String query : List.of("", "?action=LAYOUT_WIDE_ROW")) {
                    desktop.navigate(base + "audit" + query);
                    Number table = (Number) desktop.evaluate("document.querySelector('table.audit-table').getBoundingClientRect().width");
                    Number box = (Number) desktop.evaluate("document.querySelector('.table-wrap').clientWidth");
                    assertTrue(table.doubleValue() <= box.doubleValue() + 0.5,
                            "at " + width + " px the audit table" + query + " is " + table + " px wide in a " + box + " px box");
                    assertTrue(desktop.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Detail")).isVisible());
                }
                Chromium.screenshot(desktop, "layout-02-audit-" + width);
            }
            Page phone = signedIn(chromium, 390, "hr@accolade.test");
            phone.navigate(base + "audit?action=LAYOUT_WIDE_ROW");
            assertTrue(pageWidth(phone) <= 390, "the audit page is " + pageWidth(phone) + " px wide on a phone");
            Chromium.screenshot(phone, "layout-03-audit-phone");
        }
    }

    @Test
    void cardsInAGridLineUp() {
        demoAccounts.ensure();
        long user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("manager@accolade.test").orElseThrow().id);
        try (Chromium chromium = new Chromium()) {
            Page manager = signedIn(chromium, 1280, "manager@accolade.test");
            List<List<Number>> home = cardTops(manager);
            assertEquals(1, home.size(), "the home page has one card grid");
            assertEquals(2, home.get(0).size(), "department and recently sent: " + home);
            assertEquals(1, home.get(0).stream().distinct().count(), "the cards' tops on the home page: " + home);

            Page admin = signedIn(chromium, 1280, "admin@accolade.test");
            for (String path : List.of("admin", "admin/users/" + user)) {
                admin.navigate(base + path);
                List<List<Number>> grids = cardTops(admin);
                assertEquals(1, grids.size(), "/" + path + " has one card grid");
                assertEquals(1, grids.get(0).stream().distinct().count(), "the cards' tops on /" + path + ": " + grids);
            }
            Chromium.screenshot(admin, "layout-04-user-cards");
        }
    }
}
