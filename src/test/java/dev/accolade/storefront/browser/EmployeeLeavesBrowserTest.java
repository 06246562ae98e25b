package dev.accolade.storefront.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.directory.Employee;

/**
 * An administrator deactivates an employee who left, through the confirmation page, and reactivates
 * them; then makes a SCIM token. On a desktop and on a 390 px phone.
 */
@QuarkusTest
@BrowserTest
class EmployeeLeavesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAdministratorDeactivatesAndReactivatesAnEmployee() {
        String email = "browser.leaver." + System.nanoTime() + "@accolade.test";
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Employee e = new Employee();
            e.name = "Edsger Dijkstra";
            e.email = email;
            e.department = Department.findByName("Engineering").orElseThrow();
            e.managerEmail = "manager@accolade.test";
            e.persist();
            return e.id;
        });
        try (Chromium chromium = new Chromium()) {
            for (int width : new int[] { 1280, 390 }) {
                String size = width == 390 ? "phone" : "desktop";
                Page page = chromium.page(width, 900);
                page.navigate(base + "login");
                page.getByLabel("Email").fill("admin@accolade.test");
                page.getByLabel("Password").fill("accolade-demo");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.navigate(base + "admin/directory/employees/" + id);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edsger Dijkstra"))).isVisible();
                Chromium.screenshot(page, "lifecycle-01-employee-" + size);

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deactivate…")).click();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Deactivate Edsger Dijkstra?"))).isVisible();
                Chromium.screenshot(page, "lifecycle-02-confirm-" + size);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate Edsger Dijkstra")).click();
                assertThat(page.locator(".notice.ok")).containsText("is deactivated");
                Chromium.screenshot(page, "lifecycle-03-deactivated-" + size);

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reactivate…")).click();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reactivate Edsger Dijkstra")).click();
                assertThat(page.locator(".notice.ok")).containsText("is active again");

                page.navigate(base + "admin/scim");
                page.getByLabel("Name").fill("Okta " + size);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a token")).click();
                Locator token = page.locator("#scim-token");
                assertThat(token).containsText("acs_");
                Chromium.screenshot(page, "scim-01-token-" + size);
                page.context().close();
            }
        }
    }
}
