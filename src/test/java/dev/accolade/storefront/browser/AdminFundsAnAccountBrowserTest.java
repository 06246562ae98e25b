package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.time.YearMonth;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.demo.DemoRaasAccounts;

/** An administrator signs in, opens the accounts, funds a department by card and sees the new balance. */
@QuarkusTest
@BrowserTest
class AdminFundsAnAccountBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoRaasAccounts demoAccounts;

    @Inject
    dev.accolade.raas.client.RaasClient raas;

    @Test
    void anAdministratorFundsADepartmentsAccountByCard() throws Exception {
        demoAccounts.ensure();
        // A department of its own, so that no other test's balances move.
        String id = "browser-fund-" + System.nanoTime();
        raas.createAccount(new dev.accolade.raas.client.AccountCreate("Accolade", id, "finance@accolade.test"));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            dev.accolade.storefront.directory.Department d = new dev.accolade.storefront.directory.Department();
            d.name = "Field Marketing";
            d.raasCustomer = "Accolade";
            d.raasAccountIdentifier = id;
            d.lowBalanceThreshold = 50_000;
            d.createdAt = java.time.OffsetDateTime.now();
            d.persist();
        });
        YearMonth expiry = YearMonth.now().plusYears(2);
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            page.navigate(base + "login");
            page.getByLabel("Email").fill("admin@accolade.test");
            page.getByLabel("Password").fill("accolade-demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Admin")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Administration"))).isVisible();
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Administration"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accounts")).click();
            Chromium.screenshot(page, "admin-01-accounts");
            page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(id))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Fund")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fund Field Marketing"))).isVisible();
            page.getByLabel("Amount (US dollars)").fill("1234.56");
            page.getByLabel("Card number").fill("4111 1111 1111 1111");
            page.getByLabel("Expiry (MM/YY)").fill(String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100));
            page.getByLabel("Security code").fill("123");
            page.getByLabel("First name").fill("Avery");
            page.getByLabel("Last name").fill("Admin");
            page.getByLabel("Address").fill("1 Main Street");
            page.getByLabel("City").fill("Springfield");
            page.getByLabel("State or region").fill("WA");
            page.getByLabel("Postal code").fill("99196");
            page.getByLabel("Email").fill("finance@accolade.test");
            Chromium.screenshot(page, "admin-02-fund-form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fund the account")).click();

            assertThat(page.getByText("$1,234.56 added to Field Marketing's account")).isVisible();
            assertThat(page.getByLabel("Card number")).isEmpty();
            assertThat(page.getByLabel("Security code")).isEmpty();
            Chromium.screenshot(page, "admin-03-funded");
        }
    }
}
