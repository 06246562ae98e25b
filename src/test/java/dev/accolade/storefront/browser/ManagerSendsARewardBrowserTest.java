package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.demo.DemoRaasAccounts;

/** A manager's first ten minutes, in a real browser: sign in, find a reward, send it, see it arrive. */
@QuarkusTest
@BrowserTest
class ManagerSendsARewardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoRaasAccounts demoAccounts;

    @Test
    void aManagerSignsInFindsARewardSendsItAndSeesItDelivered() {
        demoAccounts.ensure();
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            page.navigate(base + "catalog");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
            page.getByLabel("Email").fill("manager@accolade.test");
            page.getByLabel("Password").fill("accolade-demo");
            Chromium.screenshot(page, "01-sign-in");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Gift card catalog")))
                    .isVisible();
            assertThat(page.locator("#catalog-results .lead")).containsText("page 1 of 5");
            // Typing filters the catalog in place (htmx), without pressing Filter or leaving the page.
            page.evaluate("window.__samePage = true");
            page.locator("#q").pressSequentially("itunes");
            assertThat(page.locator("#catalog-results .lead")).hasText("6 rewards from 2 brands.");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/catalog\\?q=itunes.*"));
            org.junit.jupiter.api.Assertions.assertEquals(Boolean.TRUE, page.evaluate("window.__samePage === true"),
                    "the results were swapped in, not loaded as a new page");
            Chromium.screenshot(page, "02-catalog");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Send iTunes E-Gift Card $25")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Send iTunes E-Gift Card $25")))
                    .isVisible();
            // The recipient list narrows to the department's colleagues matching what is typed.
            page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).pressSequentially("hop");
            assertThat(page.locator("#colleagues option")).hasCount(1);
            assertThat(page.locator("#colleagues option")).hasAttribute("value", "grace.hopper@accolade.test");
            page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("grace.hopper@accolade.test");
            page.getByLabel("Message").fill("Thank you for debugging the release with us!");
            Chromium.screenshot(page, "03-send-form");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review")).click();

            assertThat(page.getByText("Grace Hopper <grace.hopper@accolade.test>")).isVisible();
            // "Edit" brings the form back as it was typed; the review is reached again from there.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit")).click();
            assertThat(page.getByLabel("Message")).hasValue("Thank you for debugging the release with us!");
            assertThat(page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("grace.hopper@accolade.test");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review")).click();
            assertThat(page.getByText("Grace Hopper <grace.hopper@accolade.test>")).isVisible();
            Chromium.screenshot(page, "04-review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reward")).click();

            assertThat(page.getByText("Your reward is on its way to Grace Hopper.")).isVisible();
            assertThat(page.locator(".status.DELIVERED").first()).hasText("Delivered");
            Chromium.screenshot(page, "05-delivered");

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("My rewards")).click();
            assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("iTunes E-Gift Card $25")).first())
                    .isVisible();
            Chromium.screenshot(page, "06-my-rewards");

            page.navigate(base + "raas-sandbox/inbox?q=grace.hopper");
            page.getByText("Thank you for debugging the release with us!").first().click();
            assertThat(page.getByText("iTunes gift card")).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("How to redeem"))).isVisible();
            Chromium.screenshot(page, "07-inbox-email");
        }
    }
}
