package dev.accolade.storefront.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.accounts.LowBalanceNotices;
import dev.accolade.storefront.demo.DemoRaasAccounts;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.orders.RewardOrder;
import dev.accolade.storefront.orders.RewardTroubleNotices;
import dev.accolade.storefront.reports.WeeklyDigest;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.SessionCookies;

/**
 * Every kind of message, through the real paths that write it, to the tests' SMTP server: who gets
 * it, its links (from the public URL, and they work), what the user chose, and that nothing secret is
 * in it.
 */
@QuarkusTest
@TestProfile(MailTestProfile.class)
class NoticesTest {

    static final Pattern INVITATION = Pattern.compile("id=\"invitation-link\">(https?://[^<]+)<");
    static final String PASSWORD = "correct horse battery staple";

    @Inject
    OutboxSender sender;

    @Inject
    Notices notices;

    @Inject
    RewardTroubleNotices rewardTrouble;

    @Inject
    LowBalanceNotices lowBalance;

    @Inject
    WeeklyDigest digest;

    @Inject
    DemoRaasAccounts demoAccounts;

    @ConfigProperty(name = "accolade.session.key")
    String sessionKey;

    @BeforeEach
    void clean() throws Exception {
        Inbox.clear();
    }

    /** The public URL links start with: this machine and the port the tests' server bound. */
    static String base() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "@accolade.test";
    }

    static AppUser user(String email) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow());
    }

    static long department(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Department.findByName(name).orElseThrow().id);
    }

    /** Creates a user on the admin page; returns the link the page shows (the copy-button fallback). */
    static String invite(Browser admin, String email) {
        var r = admin.post("/admin/users", "email", email, "displayName", "Nia <b>Newhire</b>", "role", "MANAGER",
                "department", Long.toString(department("Sales")));
        r.then().statusCode(303);
        String page = admin.get(r.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("data-copy=\"invitation-link\""), "the copy button is there");
        Matcher m = INVITATION.matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    @Test
    void theInvitationIsMailedToTheNewUserAndItsLinkSetsTheirPassword() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = unique("invited");
        String shown = invite(admin, email);
        assertEquals(1, Inbox.deliver(sender));

        MimeMessage m = Inbox.only(email);
        assertEquals("You are invited to Accolade", Inbox.subject(m));
        String link = Inbox.link(Inbox.text(m), base() + "/invitation/");
        assertEquals(shown, link, "the mail carries the link the admin's page shows");
        assertTrue(Inbox.html(m).contains("href=\"" + link + "\""), "the HTML part links it too");
        assertTrue(Inbox.text(m).contains("Avery Admin invited you"), Inbox.text(m));
        assertTrue(Inbox.html(m).contains("Nia &lt;b&gt;Newhire&lt;/b&gt;"), "names are escaped in HTML");
        assertTrue(Inbox.text(m).contains("Welcome, Nia <b>Newhire</b>"), "and written as typed in text");

        String path = link.substring(base().length());
        Browser invitee = new Browser();
        invitee.get(path).then().statusCode(200);
        invitee.post(path, "password", PASSWORD, "confirm", PASSWORD).then().statusCode(303);
        Browser signedIn = new Browser();
        signedIn.get("/login");
        signedIn.post("/login", "email", email, "password", PASSWORD).then().statusCode(303);
        assertTrue(signedIn.cookies.containsKey(SessionCookies.NAME));
        assertEquals(0, Inbox.deliver(sender), "nothing more to send");
    }

    @Test
    void aPasswordResetLinkIsMailedAndTheOldPasswordWorksUntilItIsUsed() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = unique("reset");
        String first = invite(admin, email);
        Browser invitee = new Browser();
        invitee.get(first.substring(base().length())).then().statusCode(200);
        invitee.post(first.substring(base().length()), "password", PASSWORD, "confirm", PASSWORD).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.equalTo(base() + "/"));
        long id = user(email).id;

        admin.post("/admin/users/" + id + "/reset-link").then().statusCode(303);
        String page = admin.get("/admin/users/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Password-reset link") && page.contains("data-copy=\"invitation-link\""), page);
        Inbox.deliver(sender);
        List<MimeMessage> to = Inbox.to(email);
        assertEquals(2, to.size(), "the invitation and the reset link");
        // By subject, not position: an SMTP exchange the test server left hanging is retried after the other.
        MimeMessage reset = to.stream().filter(m -> Inbox.subject(m).equals("Choose a new Accolade password"))
                .findFirst().orElseThrow(() -> new AssertionError("no reset message"));
        assertTrue(to.stream().anyMatch(m -> Inbox.subject(m).equals("You are invited to Accolade")));
        String link = Inbox.link(Inbox.text(reset), base() + "/invitation/");
        assertFalse(link.equals(first));

        Browser old = new Browser();
        old.get("/login");
        old.post("/login", "email", email, "password", PASSWORD).then().statusCode(303);
        assertTrue(old.cookies.containsKey(SessionCookies.NAME), "the old password still works");
        String newPassword = "another long passphrase here";
        Browser resetter = new Browser();
        resetter.get(link.substring(base().length())).then().statusCode(200);
        resetter.post(link.substring(base().length()), "password", newPassword, "confirm", newPassword)
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.equalTo(base() + "/"));
        Browser again = new Browser();
        again.get("/login");
        again.post("/login", "email", email, "password", newPassword).then().statusCode(303);
        assertTrue(again.cookies.containsKey(SessionCookies.NAME));
    }

    /** An order of manager@accolade.test, stored as the send path would have left it. */
    static long order(RewardOrder.Status status, OffsetDateTime createdAt, String reason) {
        AppUser manager = user("manager@accolade.test");
        return QuarkusTransaction.requiringNew().call(() -> {
            Department d = Department.findById(manager.departmentId);
            RewardOrder o = new RewardOrder();
            o.sendToken = UUID.randomUUID().toString();
            o.requesterId = manager.id;
            o.requesterEmail = manager.email;
            o.departmentId = d.id;
            o.raasCustomer = d.raasCustomer;
            o.raasAccountIdentifier = d.raasAccountIdentifier;
            o.sku = "TEST-SKU";
            o.brand = "Test Brand";
            o.rewardDescription = "Test Brand Gift Card";
            o.amount = 2_500;
            o.recipientName = "Grace Hopper";
            o.recipientEmail = "grace.hopper@accolade.test";
            o.status = status;
            o.failureReason = reason;
            o.createdAt = createdAt;
            o.persist();
            return o.id;
        });
    }

    @Test
    void theSenderHearsOnceThatARewardFailedOrIsStillBeingCheckedAfterAWhile() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long failed = order(RewardOrder.Status.FAILED, now.minusMinutes(1), "RaaS refused the order");
        long stuck = order(RewardOrder.Status.UNKNOWN, now.minusMinutes(20), null);
        order(RewardOrder.Status.UNKNOWN, now.minusMinutes(2), null); // not long enough yet
        order(RewardOrder.Status.DELIVERED, now.minusMinutes(30), null);

        assertEquals(new RewardTroubleNotices.Run(1, 1), rewardTrouble.run());
        assertEquals(new RewardTroubleNotices.Run(0, 0), rewardTrouble.run(), "each is told once");
        assertEquals(2, Inbox.deliver(sender));

        List<MimeMessage> to = Inbox.to("manager@accolade.test");
        assertEquals(2, to.size());
        assertEquals(2, Inbox.all().size(), "to the sender only");
        MimeMessage notSent = to.stream().filter(m -> Inbox.subject(m).contains("was not sent")).findFirst().orElseThrow();
        assertEquals("Your reward to Grace Hopper was not sent", Inbox.subject(notSent));
        assertTrue(Inbox.text(notSent).contains("RaaS refused the order") && Inbox.text(notSent).contains("$25.00"));
        assertEquals(base() + "/rewards/" + failed, Inbox.link(Inbox.text(notSent), base() + "/rewards/"));
        MimeMessage checking = to.stream().filter(m -> Inbox.subject(m).contains("still being checked")).findFirst()
                .orElseThrow();
        assertEquals(base() + "/rewards/" + stuck, Inbox.link(Inbox.text(checking), base() + "/rewards/"));
        assertEquals(base() + "/profile#notices", Inbox.link(Inbox.text(checking), base() + "/profile"));

        Browser manager = Browser.signedIn("manager@accolade.test");
        manager.get("/rewards/" + failed).then().statusCode(200);
    }

    @Test
    void aManagerWhoTurnedRewardNoticesOffGetsNone() {
        Browser manager = Browser.signedIn("manager@accolade.test");
        String page = manager.get("/profile").then().statusCode(200).extract().asString();
        assertTrue(page.contains("name=\"notice\" value=\"REWARD_TROUBLE\" checked"), "on by default");
        manager.post("/profile/notices").then().statusCode(303);
        page = manager.get("/profile").then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"REWARD_TROUBLE\">"), "now off");

        order(RewardOrder.Status.FAILED, OffsetDateTime.now(ZoneOffset.UTC), "refused");
        assertEquals(new RewardTroubleNotices.Run(0, 0), rewardTrouble.run());
        assertEquals(0, Inbox.deliver(sender));
        assertTrue(Inbox.all().isEmpty());

        manager.post("/profile/notices", "notice", "REWARD_TROUBLE", "notice", "NOT_A_NOTICE").then().statusCode(303);
        order(RewardOrder.Status.FAILED, OffsetDateTime.now(ZoneOffset.UTC), "refused again");
        assertEquals(new RewardTroubleNotices.Run(1, 0), rewardTrouble.run());
    }

    @Test
    void adminsHearOfALowBalanceOncePerCrossing() {
        demoAccounts.ensure();
        long engineering = department("Engineering");
        long admins = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.count("role = ?1 and enabled = true", dev.accolade.storefront.security.Role.ADMIN));
        try {
            threshold(engineering, 1_000_000_000_00L);
            assertEquals(admins, lowBalance.check());
            assertEquals(0, lowBalance.check(), "still low: not again");
            threshold(engineering, 0);
            assertEquals(0, lowBalance.check(), "over the threshold again: nothing, but re-armed");
            threshold(engineering, 1_000_000_000_00L);
            assertEquals(admins, lowBalance.check(), "fell again: told again");
        } finally {
            threshold(engineering, 5_000);
        }
        Inbox.deliver(sender);
        List<MimeMessage> to = Inbox.to("admin@accolade.test");
        assertEquals(2, to.size());
        assertTrue(Inbox.subject(to.get(0)).startsWith("Low balance: Engineering has $"), Inbox.subject(to.get(0)));
        assertEquals(base() + "/admin/accounts/" + engineering,
                Inbox.link(Inbox.text(to.get(0)), base() + "/admin/accounts/"));
        assertTrue(Inbox.to("manager@accolade.test").isEmpty() && Inbox.to("hr@accolade.test").isEmpty());
    }

    static void threshold(long departmentId, long cents) {
        QuarkusTransaction.requiringNew().run(() -> Department.update("lowBalanceThreshold = ?1 where id = ?2", cents,
                departmentId));
    }

    @Test
    void hrGetsTheWeeklyDigestOnlyAfterTurningItOnAndOncePerWeek() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        order(RewardOrder.Status.DELIVERED, OffsetDateTime.now(ZoneOffset.UTC), null);
        assertEquals(0, digest.send(today), "off by default");

        Browser hr = Browser.signedIn("hr@accolade.test");
        String page = hr.get("/profile").then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"WEEKLY_DIGEST\">"), "offered, not ticked");
        assertFalse(page.contains("REWARD_TROUBLE"), "HR sends no rewards");
        hr.post("/profile/notices", "notice", "WEEKLY_DIGEST").then().statusCode(303);
        assertTrue(hr.get("/profile").then().extract().asString().contains("value=\"WEEKLY_DIGEST\" checked"));

        assertEquals(1, digest.send(today));
        assertEquals(0, digest.send(today), "once per week");
        Inbox.deliver(sender);
        MimeMessage m = Inbox.only("hr@accolade.test");
        assertTrue(Inbox.subject(m).startsWith("Accolade: the week of "), Inbox.subject(m));
        assertTrue(Inbox.text(m).contains("Engineering: "), Inbox.text(m));
        assertEquals(base() + "/reports", Inbox.link(Inbox.text(m), base() + "/reports"));
        assertEquals(1, Inbox.all().size(), "HR only");
    }

    @Test
    void approvalAndBatchMessagesGoToTheirRecipientWithTheirLinks() {
        long hr = user("hr@accolade.test").id;
        long manager = user("manager@accolade.test").id;
        var approval = new Notices.Approval(41, "Morgan Manager", "Test Brand Gift Card", 5_000, "Ada Lovelace",
                "/approvals/41");
        var batch = new Notices.Batch(7, "Q4 thanks", 10, 1, 0, "/batches/7");
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(notices.approvalRequested(hr, approval));
            assertFalse(notices.approvalRequested(hr, approval), "once per request and approver");
            assertTrue(notices.approvalDecided(manager, approval, Notices.Decision.REJECTED, "Over plan"));
            assertTrue(notices.batchFinished(manager, batch));
        });
        Inbox.deliver(sender);
        MimeMessage requested = Inbox.only("hr@accolade.test");
        assertEquals("Morgan Manager asks you to approve a reward to Ada Lovelace", Inbox.subject(requested));
        assertEquals(base() + "/approvals/41", Inbox.link(Inbox.text(requested), base() + "/approvals/"));
        List<MimeMessage> toManager = Inbox.to("manager@accolade.test");
        assertEquals(2, toManager.size());
        assertTrue(toManager.stream().anyMatch(m -> Inbox.subject(m).equals("Your reward to Ada Lovelace was not approved")));
        assertTrue(toManager.stream().anyMatch(m -> Inbox.subject(m).equals("Your batch \u201cQ4 thanks\u201d is finished")
                && Inbox.text(m).contains(base() + "/batches/7")));
    }

    @Test
    void noMessageCarriesASecret() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String cookie = admin.cookies.get(SessionCookies.NAME);
        invite(admin, unique("secrets"));
        order(RewardOrder.Status.FAILED, OffsetDateTime.now(ZoneOffset.UTC), "declined");
        order(RewardOrder.Status.UNKNOWN, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null);
        rewardTrouble.run();
        QuarkusTransaction.requiringNew().run(() -> {
            notices.weeklyDigest(digest.figures(LocalDate.now(ZoneOffset.UTC)));
            notices.lowBalance(new Notices.Balance(department("Sales"), "Sales", 100, 5_000));
        });
        Browser hr = Browser.signedIn("hr@accolade.test");
        hr.post("/profile/notices", "notice", "WEEKLY_DIGEST");
        digest.send(LocalDate.now(ZoneOffset.UTC));
        Inbox.deliver(sender);
        assertTrue(Inbox.all().size() >= 4, "messages of several kinds");
        for (MimeMessage m : Inbox.all()) {
            String raw = Inbox.raw(m);
            for (String secret : List.of(sessionKey, cookie, hr.cookies.get(SessionCookies.NAME), admin.csrfToken(),
                    "4111111111111111", "accolade-demo", "$2a$", "Set-Cookie")) {
                assertFalse(raw.contains(secret), "a message holds " + secret + ":\n" + raw);
            }
        }
    }
}
