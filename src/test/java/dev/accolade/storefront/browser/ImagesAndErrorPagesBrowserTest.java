package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In a real browser that opened Accolade as 127.0.0.1 while the sandbox names its brand images by
 * localhost: every image loads under the Content-Security-Policy, no page asks for a missing icon,
 * and an unknown address or a typed-in sign-out shows a page in the layout.
 */
@QuarkusTest
@BrowserTest
class ImagesAndErrorPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theCatalogShowsEveryBrandImageWithNoConsoleError() {
        String site = base.toString().replace("localhost", "127.0.0.1");
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            List<String> problems = problems(page);
            page.navigate(site + "login");
            page.getByLabel("Email").fill("manager@accolade.test");
            page.getByLabel("Password").fill("accolade-demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.navigate(site + "catalog");
            assertThat(page.locator("img").first()).isVisible();
            // Load the lazy images too, then list those the browser refused or could not read.
            Object failed = page.evaluate("() => Promise.all([...document.images].map(img => {"
                    + " img.loading = 'eager';"
                    + " const settled = img.complete ? Promise.resolve() : new Promise(done => {"
                    + "   img.addEventListener('load', done); img.addEventListener('error', done); });"
                    + " return settled.then(() => img.naturalWidth > 0 ? null : img.src); }))"
                    + ".then(sources => sources.filter(s => s))");
            assertEquals(List.of(), failed, "brand images that did not load");
            Chromium.screenshot(page, "catalog-images-from-127.0.0.1");
            assertEquals(List.of(), problems, "no failed request and no console error");
        }
    }

    @Test
    void anUnknownAddressAndATypedInSignOutShowAPageInTheLayout() {
        try (Chromium chromium = new Chromium()) {
            Page page = chromium.page(1280, 900);
            page.navigate(base + "no-such-page");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
            assertThat(page.locator(".topbar")).hasCSS("background-color", "rgb(31, 78, 121)");
            Chromium.screenshot(page, "error-404");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the home page")).click();
            assertThat(page.getByLabel("Email")).isVisible();

            page.navigate(base + "logout");
            assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("This address cannot be opened this way"))).isVisible();
            Chromium.screenshot(page, "error-405-logout");
        }
    }

    private static List<String> problems(Page page) {
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                problems.add(r.status() + " " + r.url());
            }
        });
        return problems;
    }
}
