package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.reports.ReportFixtures;

/** HR opens the reports in a real browser: the charts draw (under the strict CSP) above their tables. */
@QuarkusTest
@BrowserTest
class HrReportsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ReportFixtures fixtures;

    @Test
    void hrOpensTheReportsAndSeesTheCharts() {
        fixtures.ensure();
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                    problems.add(m.text());
                }
            });
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    problems.add(r.status() + " " + r.url());
                }
            });
            page.navigate(base + "login");
            page.getByLabel("Email").fill("hr@accolade.test");
            page.getByLabel("Password").fill("accolade-demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Reports")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rewards by department"))).isVisible();

            page.getByLabel("From").fill("2021-01-01");
            page.getByLabel("To").fill("2021-04-30");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Brand").setExact(true)).click();
            assertThat(page.locator("#report-chart[data-chart-ready=true] canvas")).isVisible();
            assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("Brand A"))).isVisible();
            Chromium.screenshot(page, "reports-01-by-brand");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Month").setExact(true)).click();
            assertThat(page.locator("#report-chart[data-chart-ready=true] canvas")).isVisible();
            assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("Feb 2021"))).isVisible();
            Chromium.screenshot(page, "reports-02-by-month");

            Page phone = chromium.page(390, 844);
            phone.context().addCookies(page.context().cookies());
            phone.navigate(base + "reports?by=department&from=2021-01-01&to=2021-04-30");
            assertThat(phone.locator("#report-chart[data-chart-ready=true] canvas")).isVisible();
            Chromium.screenshot(phone, "reports-03-phone");
            assertEquals(List.of(), problems, "no script or CSP errors in the console");
        }
    }
}
