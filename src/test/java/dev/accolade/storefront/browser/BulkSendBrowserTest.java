package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.common.Formats;
import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.budgets.BudgetPeriod;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.schedule.ScheduleFixtures;
import dev.accolade.storefront.security.AppUser;

/**
 * Bulk send in a real browser, on a desktop and on a 390 px phone: a manager uploads a file with a bad
 * email and an unknown SKU, reads the dry run's problems by row number, uploads the fixed file, sends
 * it, watches the progress bar reach 100 % with no reload (the background sender is on for this
 * class), downloads every row's result, and axe-core finds nothing serious on the dry run or the
 * progress page. Screenshots under target/screenshots/bulk-*.
 */
@QuarkusTest
@BrowserTest
@TestProfile(BulkSendBrowserTest.SenderOn.class)
class BulkSendBrowserTest {

    /** The background sender on, as in production; the scheduled jobs off, as in every test. */
    public static class SenderOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accolade.bulk.worker.enabled", "true",
                    "quarkus.scheduler.enabled", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT60S");
        }
    }

    static final List<String> RESULT_HEADER = List.of("row", "email", "name", "sku", "reward", "amount", "status",
            "raas_order_id", "order", "error", "warning");

    @TestHTTPResource("/")
    URL base;

    @Inject
    RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    Budgets budgets;

    @Inject
    Actors actors;

    Path files;

    @Test
    void aManagerFixesTheFileTheDryRunFaultsAndWatchesTheBatchDeliverEveryRow() throws IOException {
        Department department = BudgetFixtures.department("Support", raas);
        AppUser manager = ScheduleFixtures.manager(department);
        catalog.refresh();
        actors.runAs(new Actor("hr@accolade.test", "127.0.0.1"),
                () -> budgets.set(department.id, department.name, BudgetPeriod.MONTH, 1000_00, false));
        Axe axe = Axe.load();
        files = Files.createTempDirectory("bulk-files");
        try (Chromium chromium = new Chromium()) {
            walk(chromium.page(1280, 900), "desktop", manager, axe, 0);
            walk(chromium.page(PhoneLayoutBrowserTest.PHONE, PhoneLayoutBrowserTest.PHONE_HEIGHT), "phone", manager, axe,
                    95_00);
        }
    }

    /** One walk through at a width; {@code spent} is what the walks before it sent from the budget and account. */
    private void walk(Page page, String width, AppUser manager, Axe axe, long spent) throws IOException {
        String shot = "bulk-" + width + "-";
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        signIn(page, manager.email);
        Locator menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        if (menu.isVisible()) {
            menu.click();
        }
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bulk send").setExact(true)).click();
        page.waitForURL(base + "bulk");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the template")))
                .hasAttribute("href", "/bulk/template.csv");
        Chromium.screenshot(page, shot + "01-upload");

        // Rows 2 to 6 (the header is row 1); row 4 has no valid email, row 6 a SKU that is not in the catalog.
        upload(page, csv("thanks-" + width + ".csv", suffix, "ben.not-an-email", "NOPE-E-0000-STD"));
        assertThat(page.locator(".page-head .status")).hasText("Checked, not sent");
        assertThat(page.getByText("2 of 5 rows have problems (listed below)")).containsText("send only the 3 valid rows");
        Locator rows = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Rows of the file"))
                .locator("tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0).locator("td[data-label=Row]")).hasText("4");
        assertThat(rows.nth(0).locator("td[data-label=Note]"))
                .hasText("Email: \"ben.not-an-email\" is not an email address (such as ada@example.com).");
        assertThat(rows.nth(1).locator("td[data-label=Row]")).hasText("6");
        assertThat(rows.nth(1).locator("td[data-label=Note]")).hasText("SKU: \"NOPE-E-0000-STD\" is not in the catalog.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send 3 rewards ($60.00)")))
                .isVisible();
        Chromium.screenshot(page, shot + "02-dry-run-problems");
        assertEquals(List.of(), axe.seriousViolations(page), "the dry run with problems at " + width + " width");

        upload(page, csv("thanks-" + width + "-fixed.csv", suffix, "ben." + suffix + "@example.com", "APPL-E-1000-STD"));
        assertThat(page.getByText("Every row is valid. Nothing has been reserved or sent yet.")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Valid rows per reward"))
                .locator("tr.total")).containsText("$95.00");
        assertThat(page.locator(".budget-bar").first()).containsText(Formats.dollars(1000_00 - spent) + " left");
        assertThat(page.getByText("RaaS balance of")).containsText(Formats.dollars(5000_00 - spent));
        Chromium.screenshot(page, shot + "03-dry-run-valid");
        assertEquals(List.of(), axe.seriousViolations(page), "the valid dry run at " + width + " width");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send 5 rewards ($95.00)")).click();

        Locator bar = page.locator("#progress [role=progressbar]");
        assertThat(bar).isVisible();
        page.evaluate("() => { window.notReloaded = true; }");
        Chromium.screenshot(page, shot + "04-sending");
        assertThat(page.locator("#progress [role=progressbar][aria-valuenow=\"100\"]"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#progress .bulk-percent")).hasText("100 %");
        assertThat(page.locator("#progress .bulk-legend")).containsText("5 delivered ($95.00)",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertEquals(true, page.evaluate("() => window.notReloaded === true"), "the page was reloaded to show progress");
        Chromium.screenshot(page, shot + "05-delivered");
        assertEquals(List.of(), axe.seriousViolations(page), "the finished batch at " + width + " width");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download the results (CSV)")).click());
        List<CSVRecord> results;
        try (var reader = Files.newBufferedReader(download.path(), StandardCharsets.UTF_8)) {
            results = CSVFormat.RFC4180.parse(reader).getRecords();
        }
        assertEquals(RESULT_HEADER, results.get(0).toList());
        assertEquals(6, results.size(), "a header and one line per row: " + results);
        Pattern raasOrderId = Pattern.compile("\\d+-\\d+-\\d+");
        for (int i = 1; i < results.size(); i++) {
            CSVRecord r = results.get(i);
            assertEquals(String.valueOf(i + 1), r.get(0), "row number of " + r);
            assertEquals("Delivered", r.get(6), "status of " + r);
            assertTrue(raasOrderId.matcher(r.get(7)).matches(), "RaaS order id of " + r);
        }
    }

    /**
     * The file as a manager writes it: three Amazon cards of $25 and two $10 iTunes cards. Not $20: the
     * sandbox fails Amazon $20 orders on purpose (RAAS:OC:1003), as Tango Card's own sandbox does.
     */
    private Path csv(String name, String suffix, String thirdEmail, String fifthSku) throws IOException {
        return Files.writeString(files.resolve(name), String.join("\n",
                "email,name,sku,amount,message",
                "ada." + suffix + "@example.com,Ada Support,AMZN-E-V-STD,25,Thank you for the busy week",
                "cy." + suffix + "@example.com,Cy Support,APPL-E-1000-STD,,\"Thanks, Cy\"",
                thirdEmail + ",Ben Support,AMZN-E-V-STD,25,Thank you",
                "dee." + suffix + "@example.com,Dee Support,AMZN-E-V-STD,25,Thank you",
                "eve." + suffix + "@example.com,Eve Support," + fifthSku + ",,Thank you",
                ""));
    }

    private void upload(Page page, Path file) {
        if (!page.url().equals(base + "bulk")) {
            page.navigate(base + "bulk");
        }
        page.locator("#file").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file")).click();
        page.waitForURL(Pattern.compile(".*/bulk/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(file.getFileName().toString());
    }

    private void signIn(Page page, String email) {
        page.navigate(base + "login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("accolade-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base.toString());
    }
}
