package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.demo.DemoRaasAccounts;

/**
 * A manager sends a reward with the keyboard alone, Tab and Enter and typing: sign in, find the reward
 * in the catalog, fill the form, review, send. Every element that takes the focus on the way shows it.
 */
@QuarkusTest
@BrowserTest
class KeyboardSendBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoRaasAccounts demoAccounts;

    /** What has the focus, and whether it can be seen: an outline or a ring drawn around it. */
    private static final String FOCUS = "() => { const e = document.activeElement; if (!e || e === document.body) return null;"
            + " const s = getComputedStyle(e); const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
            + " || (s.boxShadow && s.boxShadow !== 'none'); return { tag: e.tagName, id: e.id || '', name: e.getAttribute('name') || '',"
            + " text: (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 80), visible: ring }; }";

    /**
     * Presses Tab until the focused element is the one wanted (by its accessible text, id or name),
     * checking on the way that each focused element shows its focus.
     */
    @SuppressWarnings("unchecked")
    private static void tabTo(Page page, String wanted) {
        for (int i = 0; i < 80; i++) {
            java.util.Map<String, Object> f = (java.util.Map<String, Object>) page.evaluate(FOCUS);
            if (f != null && (wanted.equals(f.get("text")) || wanted.equals(f.get("id")) || wanted.equals(f.get("name")))) {
                assertEquals(Boolean.TRUE, f.get("visible"), "no visible focus on " + f + " at " + page.url());
                return;
            }
            page.keyboard().press("Tab");
            f = (java.util.Map<String, Object>) page.evaluate(FOCUS);
            if (f != null) {
                assertEquals(Boolean.TRUE, f.get("visible"), "no visible focus on " + f + " at " + page.url());
            }
        }
        throw new AssertionError("Tab never reached " + wanted + " on " + page.url());
    }

    @Test
    void aRewardIsSentWithTheKeyboardAlone() {
        demoAccounts.ensure();
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            page.navigate(base + "login");
            tabTo(page, "email");
            page.keyboard().type("manager@accolade.test");
            tabTo(page, "password");
            page.keyboard().type("accolade-demo");
            page.keyboard().press("Enter");
            page.waitForURL(base.toString());

            tabTo(page, "Catalog");
            page.keyboard().press("Enter");
            page.waitForURL(java.util.regex.Pattern.compile(".*/catalog"));
            tabTo(page, "q");
            page.keyboard().type("itunes");
            // The list filters as one types: htmx swaps the results in, then puts the search in the
            // address. (Pressing Enter as well would race a full page load against that swap.)
            page.waitForURL(java.util.regex.Pattern.compile(".*/catalog\\?q=itunes.*"));
            assertThat(page.locator("[aria-label='Send iTunes E-Gift Card $25']")).isVisible();
            tabTo(page, "Send iTunes E-Gift Card $25");
            Chromium.screenshot(page, "keyboard-01-catalog-focus");
            page.keyboard().press("Enter");
            page.waitForURL(java.util.regex.Pattern.compile(".*/send\\?sku=.*"));

            tabTo(page, "recipientEmail");
            page.keyboard().type("grace.hopper@accolade.test");
            tabTo(page, "message");
            page.keyboard().type("Sent without a mouse.");
            tabTo(page, "Review");
            Chromium.screenshot(page, "keyboard-02-review-focus");
            page.keyboard().press("Enter");
            page.waitForURL(java.util.regex.Pattern.compile(".*/send/review.*"));

            tabTo(page, "Send reward");
            page.keyboard().press("Enter");
            assertThat(page.getByText("Your reward is on its way to Grace Hopper.")).isVisible();
            assertThat(page.locator(".status.DELIVERED").first()).hasText("Delivered");
            Chromium.screenshot(page, "keyboard-03-sent");
            assertTrue(page.url().matches(".*/rewards/\\d+"), page.url());
        }
    }
}
