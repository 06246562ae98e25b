package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.audit.Actor;
import dev.accolade.storefront.audit.Actors;
import dev.accolade.storefront.budgets.BudgetPeriod;
import dev.accolade.storefront.budgets.Budgets;
import dev.accolade.storefront.budgets.SpendingPolicies;
import dev.accolade.storefront.budgets.SpendingPolicy;
import dev.accolade.storefront.catalog.CatalogCache;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Four eyes in a real browser: a manager asks for a reward over the department's approval threshold,
 * sees it waiting with the budget reserved, HR approves it, and it arrives in the sandbox inbox.
 * Desktop and phone screenshots under target/screenshots/approval-*.
 */
@QuarkusTest
@BrowserTest
class ApprovalBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    dev.accolade.raas.client.RaasClient raas;

    @Inject
    CatalogCache catalog;

    @Inject
    Budgets budgets;

    @Inject
    SpendingPolicies policies;

    @Inject
    Actors actors;

    @Test
    void aManagerAsksHrApprovesAndTheRewardArrives() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Department department = dev.accolade.storefront.budgets.BudgetFixtures.department("Design", raas);
        String email = "dana." + suffix + "@accolade.test";
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = new AppUser();
            u.email = email;
            u.displayName = "Dana Designer";
            u.role = Role.MANAGER;
            u.departmentId = department.id;
            u.passwordHash = BcryptUtil.bcryptHash("accolade-demo");
            u.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            u.persist();
        });
        catalog.refresh();
        actors.runAs(new Actor("hr@accolade.test", "127.0.0.1"), () -> {
            budgets.set(department.id, department.name, BudgetPeriod.MONTH, 300_00, false);
            SpendingPolicy p = new SpendingPolicy();
            p.departmentId = department.id;
            p.approvalThreshold = 20_00L;
            p.recentDays = 30;
            p.fromRule = SpendingPolicy.FromRule.SENDER_OR_TEAM;
            policies.save(p, department.name);
        });
        String recipient = "kim." + suffix + "@example.com";
        String message = "Thank you for the new design system " + suffix;

        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            signIn(page, email);
            page.navigate(base + "send?sku=APPL-E-2500-STD");
            assertThat(page.locator(".budget-bar").first()).containsText("$300.00 left");
            page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(recipient);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Kim Contractor");
            page.getByLabel("Message").fill(message);
            page.getByLabel("From").selectOption(department.name + " team");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review")).click();
            assertThat(page.getByText("This reward needs approval before it is sent")).isVisible();
            Chromium.screenshot(page, "approval-01-review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for approval")).click();
            assertThat(page.getByText("Waiting for approval").first()).isVisible();
            Chromium.screenshot(page, "approval-02-waiting");
            page.navigate(base.toString());
            assertThat(page.locator(".budget-bar").first()).containsText("$275.00 left");
            assertThat(page.locator(".budget-bar").first()).containsText("reserved $25.00");
            Chromium.screenshot(page, "approval-03-home-reserved");

            Page phone = chromium.page(390, 844);
            signIn(phone, email);
            phone.navigate(base + "approvals");
            assertThat(phone.getByText(recipient)).isVisible();
            Chromium.screenshot(phone, "approval-04-phone-requests");

            Page hr = chromium.page(1280, 900);
            signIn(hr, "hr@accolade.test");
            assertThat(hr.getByText("for your approval")).isVisible();
            hr.navigate(base + "approvals");
            Chromium.screenshot(hr, "approval-05-queue");
            hr.locator("tr", new Page.LocatorOptions().setHasText(recipient)).getByRole(AriaRole.LINK).first().click();
            assertThat(hr.getByText("Kim Contractor <" + recipient + ">")).isVisible();
            Chromium.screenshot(hr, "approval-06-request");
            hr.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and send")).click();
            assertThat(hr.getByText("Approved. The reward is on its way to Kim Contractor.")).isVisible();
            Chromium.screenshot(hr, "approval-07-approved");

            Page hrPhone = chromium.page(390, 844);
            signIn(hrPhone, "hr@accolade.test");
            hrPhone.navigate(base + "reports/budgets");
            assertThat(hrPhone.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(department.name)).first())
                    .isVisible();
            Chromium.screenshot(hrPhone, "approval-08-phone-budget-report");

            page.navigate(base + "raas-sandbox/inbox?q=" + recipient);
            page.getByText(message).first().click();
            assertThat(page.getByText("iTunes gift card")).isVisible();
            Chromium.screenshot(page, "approval-09-inbox-email");
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
