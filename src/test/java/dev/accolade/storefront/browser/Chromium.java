package dev.accolade.storefront.browser;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The system's Chromium (Debian package {@code chromium}, or the one {@link ChromiumExecutable} finds),
 * driven headless by Playwright. Playwright never downloads a browser of its own here; screenshots go
 * to {@code target/screenshots/}. Tests that use it are {@link BrowserTest}s.
 */
public final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        ChromiumExecutable.Lookup lookup = ChromiumExecutable.find();
        Path executable = lookup.executable().orElseThrow(() -> new IllegalStateException("Browser tests need "
                + "Chromium, and there is " + lookup.missing() + " (apt-get install -y chromium chromium-driver)"));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    public Page page(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)).newPage();
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
