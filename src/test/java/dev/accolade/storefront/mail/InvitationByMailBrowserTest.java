package dev.accolade.storefront.mail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.browser.BrowserTest;
import dev.accolade.storefront.browser.Chromium;

/**
 * An invitation, end to end in a real browser: an administrator invites a new manager, the invitation
 * arrives at the SMTP server, the new manager opens the link from the received message (shown as a
 * mail program would, on a desktop and a phone), chooses a password and signs in.
 */
@QuarkusTest
@BrowserTest
@TestProfile(MailTestProfile.class)
class InvitationByMailBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    OutboxSender sender;

    @Test
    void aNewManagerFollowsTheLinkFromTheirInvitationMailAndSignsIn() {
        String email = "noor.newhire-" + System.nanoTime() + "@accolade.test";
        String password = "a garden of forking paths";
        try (Chromium chromium = new Chromium()) {
            Page admin = chromium.page(1280, 900);
            admin.navigate(base + "login");
            admin.getByLabel("Email").fill("admin@accolade.test");
            admin.getByLabel("Password").fill("accolade-demo");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            admin.navigate(base + "admin/users/new");
            admin.getByLabel("Email").fill(email);
            admin.getByLabel("Name").fill("Noor Newhire");
            admin.getByLabel("Role").selectOption("MANAGER");
            admin.getByLabel("Department").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Engineering"));
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create and invite")).click();
            assertThat(admin.locator(".notice.ok").first()).containsText("is created and their invitation e-mailed");
            assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy the link"))).isVisible();
            Chromium.screenshot(admin, "mail-01-admin-invited");

            Inbox.deliver(sender);
            MimeMessage mail = Inbox.only(email);
            String link = Inbox.link(Inbox.text(mail), base.toString().replaceAll("/$", "") + "/invitation/");

            // The message as the new manager's mail program shows it, wide and on a phone.
            Page inbox = chromium.page(1280, 900);
            inbox.setContent(Inbox.html(mail));
            assertThat(inbox.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Choose your password")))
                    .hasAttribute("href", link);
            Chromium.screenshot(inbox, "mail-02-invitation-desktop");
            Page phoneInbox = chromium.page(390, 844);
            phoneInbox.setContent(Inbox.html(mail));
            Chromium.screenshot(phoneInbox, "mail-03-invitation-phone");

            // The new manager, on their phone, follows the link from the message.
            Page phone = chromium.page(390, 844);
            phone.navigate(Inbox.link(Inbox.html(mail), base.toString().replaceAll("/$", "") + "/invitation/"));
            assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Noor Newhire")))
                    .isVisible();
            phone.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
            phone.getByLabel("The same again").fill(password);
            Chromium.screenshot(phone, "mail-04-choose-password-phone");
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my password")).click();
            // Choosing the password signs the new manager in: they land on their home page.
            assertThat(phone).not().hasURL(Pattern.compile(".*/(login|invitation).*"));
            assertThat(phone.locator(".notice.ok").first()).containsText("Your password is set and you are signed in");
            Chromium.screenshot(phone, "mail-05-signed-in-phone");

            // A link is used once.
            Page again = chromium.page(1280, 900);
            again.navigate(link);
            assertThat(again.getByRole(AriaRole.HEADING).first()).not().containsText("Welcome");
        }
    }
}
