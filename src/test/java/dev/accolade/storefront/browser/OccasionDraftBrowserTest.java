package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.raas.client.RaasClient;
import dev.accolade.storefront.budgets.BudgetFixtures;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;
import dev.accolade.storefront.occasions.Occasion;
import dev.accolade.storefront.occasions.OccasionPreparer;
import dev.accolade.storefront.occasions.OccasionProgram;
import dev.accolade.storefront.occasions.OccasionReward;
import dev.accolade.storefront.schedule.DueSends;
import dev.accolade.storefront.schedule.ScheduleFixtures;
import dev.accolade.storefront.schedule.ScheduledSend;
import dev.accolade.storefront.security.AppUser;

/**
 * An occasion in a real browser: a birthday three days ahead is prepared as a draft, the manager
 * finds it in My rewards, opens it, personalises the message, and at its (test) time it is sent with
 * that message. Screenshots under target/screenshots/occasion-*.
 */
@QuarkusTest
@BrowserTest
class OccasionDraftBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    OccasionPreparer preparer;

    @Inject
    DueSends due;

    @Test
    void aManagerPersonalisesADraftAndItIsSentAtItsTime() {
        catalog.refresh();
        Department department = BudgetFixtures.department("Occasions");
        BudgetFixtures.fundedAccount(raas, department);
        AppUser manager = ScheduleFixtures.manager(department);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        QuarkusTransaction.requiringNew().run(() -> {
            OccasionProgram p = OccasionProgram.ofKind(OccasionProgram.Kind.BIRTHDAY).orElseGet(OccasionProgram::new);
            p.kind = OccasionProgram.Kind.BIRTHDAY;
            p.name = "Birthdays";
            p.enabled = true;
            p.daysAhead = 7;
            p.sendTime = LocalTime.of(9, 0);
            p.defaultZone = "UTC";
            p.maxAmount = 50_00;
            p.createdBy = "test";
            p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.persistAndFlush();
            OccasionReward.delete("programId", p.id);
            OccasionReward r = new OccasionReward();
            r.programId = p.id;
            r.sku = "AMZN-E-V-STD";
            r.amount = 25_00;
            r.messageTemplate = "Happy birthday, {first_name}!";
            r.persist();
            Employee e = new Employee();
            e.name = "Bea Birthday";
            e.email = "bea." + suffix + "@example.com";
            e.department = Department.findById(department.id);
            e.managerEmail = manager.email;
            e.birthMonth = day.getMonthValue();
            e.birthDay = day.getDayOfMonth();
            e.persist();
        });
        preparer.prepare();
        String message = "Bea, thank you for the launch, and happy birthday! " + suffix;

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            page.navigate(base + "login");
            page.getByLabel("Email").fill(manager.email);
            page.getByLabel("Password").fill("accolade-demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.navigate(base + "rewards");
            var row = page.locator("table.scheduled tr", new Page.LocatorOptions().setHasText("Bea Birthday's birthday"));
            assertThat(row.locator(".status")).hasText("Scheduled");
            Chromium.screenshot(page, "occasion-01-my-rewards");
            row.locator("a").first().click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Bea Birthday's birthday");
            page.getByLabel("Message").fill(message);
            Chromium.screenshot(page, "occasion-02-draft");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(page.getByText("Saved. It goes on")).isVisible();

            ScheduledSend s = QuarkusTransaction.requiringNew().call(() -> ScheduledSend.<ScheduledSend> find(
                    "recipientEmail = ?1 and state = ?2", "bea." + suffix + "@example.com", ScheduledSend.State.SCHEDULED)
                    .firstResult());
            assertEquals(message, s.rewardMessage);
            due.runAt(s.dueAt.plusSeconds(10)); // the job, as at the draft's time
            page.reload();
            assertThat(page.locator(".page-head .status")).hasText("Sent");
            Chromium.screenshot(page, "occasion-03-sent");
            assertEquals(Occasion.State.SENT, QuarkusTransaction.requiringNew().call(() -> Occasion.<Occasion> findById(
                    s.occasionId)).state);
            page.navigate(base + "raas-sandbox/inbox?q=bea." + suffix);
            assertThat(page.getByText(message).first()).isVisible();

            // The same pages on a 390 px phone: the manager's list of coming occasions and My rewards.
            Page phone = chromium.page(PhoneLayoutBrowserTest.PHONE, PhoneLayoutBrowserTest.PHONE_HEIGHT);
            signIn(phone, manager.email);
            for (String path : new String[] { "occasions", "rewards" }) {
                phone.navigate(base + path);
                assertEquals(true, width(phone) <= PhoneLayoutBrowserTest.PHONE, "/" + path + " is " + width(phone)
                        + " px wide on a phone");
            }
            phone.navigate(base + "occasions");
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Upcoming occasions");
            Chromium.screenshot(phone, "occasion-04-upcoming-phone");
        }
    }

    @Test
    void hrSeesTheProgramsTheirPreviewAndTheReportOnADesktopAndAPhone() {
        catalog.refresh();
        long program = QuarkusTransaction.requiringNew().call(() -> {
            OccasionProgram p = OccasionProgram.ofKind(OccasionProgram.Kind.WELCOME).orElseGet(OccasionProgram::new);
            p.kind = OccasionProgram.Kind.WELCOME;
            p.name = "Welcome gifts";
            p.enabled = true;
            p.daysAhead = 7;
            p.sendTime = LocalTime.of(10, 30);
            p.defaultZone = "Europe/Berlin";
            p.maxAmount = 75_00;
            p.createdBy = "test";
            p.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            p.persistAndFlush();
            OccasionReward.delete("programId", p.id);
            OccasionReward r = new OccasionReward();
            r.programId = p.id;
            r.sku = "AMZN-E-V-STD";
            r.amount = 50_00;
            r.messageTemplate = "Welcome to the team, {first_name}! {manager}";
            r.persist();
            return p.id;
        });
        try (Chromium chromium = new Chromium()) {
            Page desktop = chromium.page(1280, 900);
            signIn(desktop, "hr@accolade.test");
            desktop.navigate(base + "programs");
            assertThat(desktop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Occasion programs");
            desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare now")).click();
            assertThat(desktop.getByText("Prepared now:")).isVisible();
            Chromium.screenshot(desktop, "occasion-05-programs");
            desktop.navigate(base + "programs/" + program);
            desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            assertThat(desktop.getByText("Welcome to the team, Ada!").first()).isVisible();
            Chromium.screenshot(desktop, "occasion-06-program-preview");

            Page phone = chromium.page(PhoneLayoutBrowserTest.PHONE, PhoneLayoutBrowserTest.PHONE_HEIGHT);
            signIn(phone, "hr@accolade.test");
            for (String path : new String[] { "programs", "programs/" + program, "occasions" }) {
                phone.navigate(base + path);
                assertEquals(true, width(phone) <= PhoneLayoutBrowserTest.PHONE, "/" + path + " is " + width(phone)
                        + " px wide on a phone");
            }
            phone.navigate(base + "programs");
            Chromium.screenshot(phone, "occasion-07-programs-phone");
            phone.navigate(base + "programs/" + program);
            Chromium.screenshot(phone, "occasion-08-program-phone");
        }
    }

    private void signIn(Page page, String email) {
        page.navigate(base + "login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("accolade-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private static int width(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
