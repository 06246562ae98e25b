package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.demo.DemoRaasAccounts;

/**
 * On a 390 px phone the header is one row whose Menu button opens the navigation, the catalog's first
 * rewards are on the first screen, and list tables read as cards instead of scrolling sideways; on a
 * desktop nothing folds. Screenshots are taken before the checks, so a failing run still shows why.
 */
@QuarkusTest
@BrowserTest
class PhoneLayoutBrowserTest {

    static final int PHONE = 390;
    static final int PHONE_HEIGHT = 844;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoRaasAccounts demoAccounts;

    private Page signedIn(Chromium chromium, int width, int height, String email) {
        Page page = chromium.page(width, height);
        page.navigate(base + "login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("accolade-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(base.toString());
        return page;
    }

    private static double number(Page page, String script) {
        return ((Number) page.evaluate(script)).doubleValue();
    }

    private static Locator navLink(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void onAPhoneTheHeaderIsOneRowAndItsMenuOpensTheNavigation() {
        try (Chromium chromium = new Chromium()) {
            Page phone = signedIn(chromium, PHONE, PHONE_HEIGHT, "hr@accolade.test");
            Chromium.screenshot(phone, "phone-01-home-hr");
            double header = number(phone, "document.querySelector('.topbar').getBoundingClientRect().height");
            assertTrue(header <= 64, "the header is " + header + " px high on a phone");
            assertThat(navLink(phone, "Reports")).not().isVisible();

            Locator menu = phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
            assertThat(menu).hasAttribute("aria-expanded", "false");
            menu.click();
            assertThat(menu).hasAttribute("aria-expanded", "true");
            Chromium.screenshot(phone, "phone-02-menu-open");
            assertThat(navLink(phone, "Reports")).isVisible();
            assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
            phone.keyboard().press("Escape");
            assertThat(menu).hasAttribute("aria-expanded", "false");
            assertThat(menu).isFocused();
            menu.click();
            navLink(phone, "Reports").click();
            phone.waitForURL(base + "reports");
            assertTrue(number(phone, "document.documentElement.scrollWidth") <= PHONE);

            Page desktop = signedIn(chromium, 1280, 900, "hr@accolade.test");
            Chromium.screenshot(desktop, "phone-03-home-desktop");
            assertThat(desktop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))).not().isVisible();
            assertThat(navLink(desktop, "Reports")).isVisible();
            double desktopHeader = number(desktop, "document.querySelector('.topbar').getBoundingClientRect().height");
            assertTrue(desktopHeader <= 64, "the header is " + desktopHeader + " px high on a desktop");
            // The administrator has the longest menu and role name: one row on a desktop too.
            Page admin = signedIn(chromium, 1280, 900, "admin@accolade.test");
            double adminHeader = number(admin, "document.querySelector('.topbar').getBoundingClientRect().height");
            assertTrue(adminHeader <= 64, "the administrator's header is " + adminHeader + " px high on a desktop");
        }
    }

    @Test
    void onADesktopAUserPageShowsEveryChoiceWholeAndItsCardsAreNotStretched() {
        try (Chromium chromium = new Chromium()) {
            Page admin = signedIn(chromium, 1280, 900, "admin@accolade.test");
            admin.navigate(base + "admin/users");
            admin.locator("a[href^='/admin/users/']").filter(new Locator.FilterOptions().setHasText("sales.manager")).first()
                    .click();
            Chromium.screenshot(admin, "desktop-user-page");
            double cut = choiceCut(admin, "main select");
            assertTrue(cut <= 0.5, "on a user page a choice (\"Manager: sends rewards\") is cut by " + cut + " px");
            // A card is as high as its content: no gap of more than 2 rem opens between a card's parts.
            double gap = number(admin, "(() => Math.max(0, ...[...document.querySelectorAll('.cards > .panel')].map(p => {"
                    + " const kids = [...p.children].map(k => k.getBoundingClientRect());"
                    + " return Math.max(0, ...kids.slice(1).map((k, i) => k.top - kids[i].bottom)); })))()");
            assertTrue(gap <= 32, "a card's parts stand " + gap + " px apart");
        }
    }

    @Test
    void onAPhoneTheCatalogStartsOnTheFirstScreenAndTablesReadAsCards() {
        demoAccounts.ensure();
        try (Chromium chromium = new Chromium()) {
            Page phone = signedIn(chromium, PHONE, PHONE_HEIGHT, "manager@accolade.test");
            // A reward sent from the phone, so that My rewards and the activity have a row.
            phone.navigate(base + "send?sku=APPL-E-1000-STD");
            phone.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("ada.lovelace@accolade.test");
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review")).click();
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reward")).click();
            assertThat(phone.getByText("Your reward is on its way to Ada Lovelace.")).isVisible();

            phone.navigate(base + "catalog");
            Chromium.screenshot(phone, "phone-04-catalog");
            double firstBrand = number(phone, "document.querySelector('.brand-card').getBoundingClientRect().top");
            assertTrue(firstBrand < PHONE_HEIGHT - 100, "the first brand starts at " + firstBrand
                    + " px, below the first screen of a " + PHONE_HEIGHT + " px phone");

            for (String path : new String[] { "rewards", "" }) {
                phone.navigate(base + path);
                Chromium.screenshot(phone, "phone-05-table-" + (path.isEmpty() ? "home" : path));
                assertTrue(number(phone, "document.querySelectorAll('table.data tbody tr').length") > 0, "/" + path + " has rows");
                double table = number(phone, "document.querySelector('table.data').getBoundingClientRect().width");
                double box = number(phone, "document.querySelector('.table-wrap').clientWidth");
                assertTrue(table <= box + 0.5, "on /" + path + " the table is " + table + " px wide in a " + box + " px box");
                assertTrue(number(phone, "document.documentElement.scrollWidth") <= PHONE);
            }
            assertThat(phone.locator("table.data tbody tr").first().locator("td").first()).hasAttribute("data-label", "When");

            // Every filter field stays inside its form (two to a row), on every page that has filters.
            Page hr = signedIn(chromium, PHONE, PHONE_HEIGHT, "hr@accolade.test");
            for (String path : new String[] { "audit", "reports", "reconciliation" }) {
                hr.navigate(base + path);
                Chromium.screenshot(hr, "phone-06-filters-" + path);
                double overflow = number(hr, "(() => { const f = document.querySelector('form.filters').getBoundingClientRect();"
                        + " return Math.max(0, ...[...document.querySelectorAll('form.filters input, form.filters select')]"
                        + ".map(e => e.getBoundingClientRect().right - f.right)); })()");
                assertTrue(overflow <= 0.5, "on /" + path + " a filter field reaches " + overflow + " px past its form");
                double cut = choiceCut(hr, "form.filters select");
                assertTrue(cut <= 0.5, "on /" + path + " a choice is cut by " + cut + " px");
            }
            // And on a desktop, where the filters stand in one row.
            Page desk = signedIn(chromium, 1280, 900, "hr@accolade.test");
            for (String path : new String[] { "audit", "reports", "reconciliation" }) {
                desk.navigate(base + path);
                double cut = choiceCut(desk, "form.filters select");
                assertTrue(cut <= 0.5, "on /" + path + " at 1280 px a choice is cut by " + cut + " px");
            }
        }
    }

    /**
     * How far the widest chosen option's text of the given selects (what a closed choice shows), measured in its select's
     * font, runs past the room beside the select's arrow; 0 when every choice is whole.
     */
    private static double choiceCut(Page page, String selects) {
        return number(page, "(() => { const c = document.createElement('canvas').getContext('2d');"
                + " return Math.max(0, ...[...document.querySelectorAll('" + selects + "')].map(s => {"
                + " const st = getComputedStyle(s); c.font = st.font;"
                + " const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 20;"
                + " return c.measureText(s.options[s.selectedIndex].text).width - room; })); })()");
    }
}
