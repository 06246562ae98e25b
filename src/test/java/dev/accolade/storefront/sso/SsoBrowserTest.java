package dev.accolade.storefront.sso;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.browser.Axe;
import dev.accolade.storefront.browser.BrowserTest;
import dev.accolade.storefront.browser.Chromium;

/**
 * The "Sign in with SSO" button in a real browser, on a desktop and on a phone: to the provider's page,
 * choose who you are, and back in Accolade, signed in; then signing out signs out at the provider too
 * and lands on Accolade's sign-in page. The sign-in page with the button has no serious or critical
 * accessibility violation (axe-core).
 */
@QuarkusTest
@BrowserTest
@TestProfile(SsoTestProfile.class)
class SsoBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private void signInAndOut(Axe axe, Chromium chromium, int width, int height, String prefix) {
        Page page = chromium.page(width, height);
        page.navigate(base + "login");
        Chromium.screenshot(page, prefix + "-01-sign-in");
        assertEquals(List.of(), axe.seriousViolations(page), "the sign-in page with the SSO button");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Example SSO")).click();
        page.waitForURL(u -> u.startsWith(OidcProviderProcess.issuer()));
        Chromium.screenshot(page, prefix + "-02-provider");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Harper HR")).click();
        page.waitForURL(base.toString());
        Chromium.screenshot(page, prefix + "-03-signed-in");
        assertThat(page.locator(".topbar")).containsText("Harper HR");
        if (width < 600) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        try {
            page.waitForURL(base + "login");
        } finally {
            Chromium.screenshot(page, prefix + "-04-signed-out");
        }
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You are signed out.");
        assertTrue(page.content().contains("Sign in with Example SSO"));
    }

    @Test
    void aPersonSignsInWithTheProviderAndOutAgainOnADesktopAndAPhone() {
        Axe axe = Axe.load();
        try (Chromium chromium = new Chromium()) {
            signInAndOut(axe, chromium, 1280, 800, "sso-desktop");
            signInAndOut(axe, chromium, 390, 844, "sso-phone");
        }
    }
}
