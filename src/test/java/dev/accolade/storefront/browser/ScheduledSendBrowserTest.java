package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.budgets.BudgetPeriod;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.schedule.DueSends;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.schedule.ScheduleFixtures;
import dev.accolade.storefront.schedule.ScheduledSend;
import dev.accolade.storefront.security.AppUser;

/**
 * Send later in a real browser: a manager schedules a reward for 09:00 in New York two days ahead,
 * sees its amount reserved and the reward listed in My rewards as Scheduled, the job runs at that
 * time, and the reward is delivered and in the sandbox inbox. Desktop and phone screenshots under
 * target/screenshots/schedule-*.
 */
@QuarkusTest
@BrowserTest
class ScheduledSendBrowserTest {

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

    @Inject
    DueSends due;

    @Test
    void aManagerSchedulesARewardSeesItScheduledAndItIsDeliveredAtItsTime() {
        Department department = BudgetFixtures.department("Research");
        AppUser manager = ScheduleFixtures.manager(department);
        BudgetFixtures.fundedAccount(raas, department);
        catalog.refresh();
        actors.runAs(new Actor("hr@accolade.test", "127.0.0.1"),
                () -> budgets.set(department.id, department.name, BudgetPeriod.MONTH, 300_00, false));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String recipient = "lee." + suffix + "@example.com";
        String message = "Happy work anniversary " + suffix;
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2);

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            signIn(page, manager.email);
            page.navigate(base + "send?sku=APPL-E-1000-STD");
            page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(recipient);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Lee Researcher");
            page.getByLabel("Message").fill(message);
            page.getByLabel("Day").fill(day.toString());
            page.getByLabel("Time", new Page.GetByLabelOptions().setExact(true)).fill("09:00");
            page.getByLabel("Time zone").selectOption("America/New_York");
            Chromium.screenshot(page, "schedule-01-form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review")).click();
            assertThat(page.getByText("Scheduled for")).containsText("09:00 (America/New_York)");
            Chromium.screenshot(page, "schedule-02-review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule reward")).click();
            assertThat(page.getByText("Scheduled: it goes on")).isVisible();
            assertThat(page.locator(".status").first()).hasText("Scheduled");
            Chromium.screenshot(page, "schedule-03-scheduled");

            page.navigate(base.toString());
            assertThat(page.locator(".budget-bar").first()).containsText("reserved $10.00");
            page.navigate(base + "rewards");
            assertThat(page.locator("table.scheduled tr", new Page.LocatorOptions().setHasText(recipient))
                    .locator(".status")).hasText("Scheduled");
            Chromium.screenshot(page, "schedule-04-my-rewards");

            Page phone = chromium.page(390, 844);
            signIn(phone, manager.email);
            phone.navigate(base + "rewards");
            assertThat(phone.getByText(recipient)).isVisible();
            Chromium.screenshot(phone, "schedule-05-phone-my-rewards");
            phone.getByText("09:00 (America/New_York)").first().click();
            assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this reward")))
                    .isVisible();
            Chromium.screenshot(phone, "schedule-06-phone-scheduled");

            ScheduledSend scheduled = QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> find(
                    "recipientEmail", recipient).firstResult());
            assertEquals(day.atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant(), scheduled.dueAt.toInstant());
            // The job, as at the send's time.
            due.runAt(scheduled.dueAt.plusSeconds(10));

            page.navigate(base + "scheduled/" + scheduled.id);
            assertThat(page.locator(".status").first()).hasText("Delivered");
            Chromium.screenshot(page, "schedule-07-delivered");
            page.navigate(base + "rewards");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(recipient)).locator(".status"))
                    .hasText("Delivered");
            phone.navigate(base + "rewards");
            Chromium.screenshot(phone, "schedule-08-phone-delivered");

            page.navigate(base + "raas-sandbox/inbox?q=" + recipient);
            page.getByText(message).first().click();
            assertThat(page.getByText("iTunes gift card")).isVisible();
            Chromium.screenshot(page, "schedule-09-inbox-email");
        }
    }

    private void signIn(Page page, String email) {
        page.navigate(base + "login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("accolade-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING).first()).isVisible();
    }
}
