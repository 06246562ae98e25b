package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.security.AppUser;

/**
 * A walk through what people read, each page on a desktop and a 390 px phone, with screenshots
 * ({@code target/screenshots/words-*}): an order RaaS answered with an error (the sandbox's failing
 * $20 Amazon card), a card in Canadian dollars, the audit trail in words with its links to orders,
 * the read-only order page, one warning for impossible report dates, and disabling a user after
 * confirming it.
 */
@QuarkusTest
@BrowserTest
class PlainWordsTourBrowserTest {

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

    private static long sent(String sku, String amount) {
        dev.accolade.storefront.Browser manager = dev.accolade.storefront.Browser.signedIn("manager@accolade.test");
        String location = manager.post("/send", "token", UUID.randomUUID().toString(), "sku", sku, "recipientName", "",
                "recipientEmail", "grace.hopper@accolade.test", "amount", amount, "subject", "", "message", "Tour " + sku,
                "from", "").getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void shoot(Page page, String path, String name, int width) {
        page.navigate(base + path);
        Chromium.screenshot(page, "words-" + name + "-" + (width == 390 ? "phone" : "desktop"));
    }

    @Test
    void whatPeopleRead() {
        demoAccounts.ensure();
        long refused = sent("AMZN-E-V-STD", "20.00");
        long canadian = sent("AMCA-E-5000-STD", "");
        long user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail("sales.manager@accolade.test")
                .orElseThrow().id);
        String invited = dev.accolade.storefront.Browser.signedIn("admin@accolade.test").post("/admin/users", "email",
                "tour-" + System.nanoTime() + "@accolade.test", "displayName", "Tour Person", "role", "HR", "department", "")
                .getHeader("Location");
        String invitedPath = invited.substring(invited.indexOf("/admin/users/") + 1);
        try (Chromium chromium = new Chromium()) {
            for (int width : new int[] { 1280, 390 }) {
                Page manager = signedIn(chromium, width, "manager@accolade.test");
                shoot(manager, "rewards/" + refused, "01-refused-order", width);
                assertThat(manager.locator(".status.UNKNOWN").first()).hasText("Being checked: RaaS answered with an error");
                assertThat(manager.getByText("RaaS answered with an error", new Page.GetByTextOptions().setExact(true)))
                        .isVisible();
                assertThat(manager.locator(".checking")).containsText("at the latest");
                shoot(manager, "rewards", "02-my-rewards", width);
                shoot(manager, "", "03-home", width);
                shoot(manager, "catalog?q=canada", "04-catalog-canada", width);
                assertThat(manager.getByText("CAD 50.00").first()).isVisible();
                shoot(manager, "send?sku=AMCA-E-5000-STD", "05-send-canada", width);
                shoot(manager, "rewards/" + canadian, "06-canadian-order", width);
                assertThat(manager.getByText("CAD 50.00").first()).isVisible();

                Page hr = signedIn(chromium, width, "hr@accolade.test");
                shoot(hr, "audit", "07-audit", width);
                assertThat(hr.locator("a[href='/orders/" + refused + "']").first()).isVisible();
                shoot(hr, "orders/" + refused, "08-order-read-only", width);
                assertThat(hr.getByText("Read-only.", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
                shoot(hr, "reports?by=brand&from=2999-01-01&to=1900-01-01", "09-report-dates", width);
                assertThat(hr.locator(".notice.warn")).hasCount(1);
                shoot(hr, "reports/balances", "10-balances", width);

                Page admin = signedIn(chromium, width, "admin@accolade.test");
                shoot(admin, "admin/users", "11-users", width);
                shoot(admin, "admin/users/" + user + "/disable", "12-disable-confirm", width);
                assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Disable Sam Sales?")
                        .setExact(false))).isVisible();
                admin.navigate(base + invitedPath);
                admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a new invitation link")).click();
                assertThat(admin.locator("#invitation-link")).isVisible();
                assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy the link"))).isVisible();
                Chromium.screenshot(admin, "words-13-invitation-link-" + (width == 390 ? "phone" : "desktop"));
            }
        }
    }
}
