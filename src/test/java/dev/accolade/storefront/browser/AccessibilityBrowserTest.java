package dev.accolade.storefront.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;

/**
 * axe-core over every page of every role (manager, HR, administrator) and the signed-out pages, on a
 * desktop and on a 390 px phone: no serious or critical violation.
 */
@QuarkusTest
@BrowserTest
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoRaasAccounts demoAccounts;

    private Page signedIn(Chromium chromium, int width, String email) {
        Page page = chromium.page(width, 900);
        page.navigate(base + "login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("accolade-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base.toString());
        return page;
    }

    /** An order of the Engineering manager, for the pages that show one. */
    private static long anOrder() {
        dev.accolade.storefront.Browser manager = dev.accolade.storefront.Browser.signedIn("manager@accolade.test");
        String location = manager.post("/send", "token", UUID.randomUUID().toString(), "sku", "APPL-E-1000-STD",
                "recipientName", "", "recipientEmail", "grace.hopper@accolade.test", "amount", "", "subject", "",
                "message", "Accessible", "from", "").getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static void check(Axe axe, Page page, String url, String label, List<String> problems) {
        page.navigate(url);
        for (String v : axe.seriousViolations(page)) {
            problems.add(label + " " + url.replaceFirst("^https?://[^/]+", "") + ": " + v);
        }
    }

    @Test
    void everyPageOfEveryRoleHasNoSeriousOrCriticalViolation() {
        Axe axe = Axe.load();
        demoAccounts.ensure();
        long order = anOrder();
        long department = QuarkusTransaction.requiringNew().call(() -> Department.listByName().get(0).id);
        long user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("manager@accolade.test").orElseThrow().id);
        List<String> anyone = List.of("login", "no-such-page");
        List<String> manager = List.of("", "catalog", "catalog?q=itunes", "send?sku=APPL-E-1000-STD", "rewards",
                "rewards/" + order, "profile");
        List<String> hr = List.of("", "catalog", "reports", "reports?by=brand", "reports?by=month", "reports/print",
                "reports/balances", "audit", "reconciliation", "orders/" + order, "profile");
        List<String> admin = List.of("", "admin", "admin/accounts", "admin/accounts/new", "admin/accounts/" + department,
                "admin/accounts/" + department + "/fund", "admin/users", "admin/users/new", "admin/users/" + user,
                "admin/users/" + user + "/disable", "admin/directory", "admin/status", "audit", "reports",
                "reports/balances", "reconciliation", "orders/" + order, "raas-sandbox/inbox");
        List<String> problems = new ArrayList<>();
        try (Chromium chromium = new Chromium()) {
            for (int width : new int[] { 1280, 390 }) {
                String size = width == 390 ? "phone" : "desktop";
                Page signedOut = chromium.page(width, 900);
                for (String path : anyone) {
                    check(axe, signedOut, base + path, "signed out, " + size, problems);
                }
                Page m = signedIn(chromium, width, "manager@accolade.test");
                for (String path : manager) {
                    check(axe, m, base + path, "manager, " + size, problems);
                }
                // The review page is reached by posting the form.
                m.navigate(base + "send?sku=APPL-E-1000-STD");
                m.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("grace.hopper@accolade.test");
                m.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review")).click();
                m.waitForURL(java.util.regex.Pattern.compile(".*/send/review.*"));
                for (String v : axe.seriousViolations(m)) {
                    problems.add("manager, " + size + " /send/review: " + v);
                }
                Page h = signedIn(chromium, width, "hr@accolade.test");
                for (String path : hr) {
                    check(axe, h, base + path, "HR, " + size, problems);
                }
                Page a = signedIn(chromium, width, "admin@accolade.test");
                for (String path : admin) {
                    check(axe, a, base + path, "administrator, " + size, problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " serious or critical accessibility violations:\n"
                + String.join("\n", problems));
    }
}
