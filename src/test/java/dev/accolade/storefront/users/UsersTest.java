package dev.accolade.storefront.users;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/** Users: invite with a one-time link, roles and departments, disable, reset a password. */
@QuarkusTest
class UsersTest {

    static final Pattern LINK = Pattern.compile("id=\"invitation-link\">https?://[^/]+(/invitation/[A-Za-z0-9_-]{43})<");
    static final String GOOD_PASSWORD = "correct horse battery staple";

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "@accolade.test";
    }

    static long departmentId(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Department.findByName(name).orElseThrow().id);
    }

    static AppUser user(String email) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow());
    }

    /** Creates a user through the admin page and returns the path of their invitation link. */
    static String invite(Browser admin, String email, Role role, String department) {
        Response r = admin.post("/admin/users", "email", email, "displayName", "New Person", "role", role.name(),
                "department", department);
        r.then().statusCode(303).header("Location", containsString("/admin/users/"));
        String html = admin.get(r.header("Location")).then().statusCode(200).extract().asString();
        Matcher m = LINK.matcher(html);
        assertTrue(m.find(), html);
        // A copy button beside the link (shown by the page's script when there is a clipboard).
        assertTrue(html.contains("<button type=\"button\" class=\"button secondary copy-button\" data-copy=\"invitation-link\""),
                "a copy button for the link");
        return m.group(1);
    }

    static Browser signIn(String email, String password) {
        Browser b = new Browser();
        b.get("/login");
        b.post("/login", "email", email, "password", password);
        return b;
    }

    @Test
    void anInvitedUserSetsAPasswordWithTheOneTimeLinkAndSignsIn() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = unique("invited");
        String link = invite(admin, email, Role.MANAGER, Long.toString(departmentId("Sales")));
        AppUser created = user(email);
        assertEquals(Role.MANAGER, created.role);
        assertTrue(signIn(email, GOOD_PASSWORD).cookies.get("accolade-session") == null, "no password before the link");
        admin.get("/admin/users").then().body(containsString(email)).body(containsString("Invited"));

        Browser invitee = new Browser();
        invitee.get(link).then().statusCode(200).body(containsString("Choose the password you will sign in with as " + email));
        invitee.post(link, "password", "short", "confirm", "short").then().statusCode(303);
        invitee.get(link).then().body(containsString("Use at least 12 characters."));
        invitee.post(link, "password", "password1234", "confirm", "password1234").then().statusCode(303);
        invitee.get(link).then().body(containsString("This password is on a list of commonly used passwords."));
        invitee.post(link, "password", GOOD_PASSWORD, "confirm", GOOD_PASSWORD + "x").then().statusCode(303);
        invitee.get(link).then().body(containsString("The two passwords are not the same."));
        // Choosing the password signs them in: a session of their own, straight to the home page.
        String before = invitee.cookies.get("accolade-session");
        invitee.post(link, "password", GOOD_PASSWORD, "confirm", GOOD_PASSWORD).then().statusCode(303)
                .header("Location", endsWith("/"));
        assertTrue(invitee.cookies.containsKey("accolade-session") && !invitee.cookies.get("accolade-session").equals(before),
                "a new session cookie");
        invitee.get("/").then().statusCode(200).body(containsString("Welcome, New Person")).body(containsString("Sales"))
                .body(containsString("you are signed in"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("action = 'SIGN_IN' and target = ?1"
                + " and outcome = 'SUCCESS' and detail like '%invitation%'", email)) == 1, "the sign-in is audited");

        invitee.get(link).then().statusCode(404).body(containsString("This link is no longer valid"));
        Browser signedIn = signIn(email, GOOD_PASSWORD);
        assertTrue(signedIn.cookies.containsKey("accolade-session"));
        signedIn.get("/").then().statusCode(200).body(containsString("Sales"));
        assertTrue(audited(email, "USER_CREATE") && audited(email, "USER_INVITE") && audited(email, "INVITATION_ACCEPT"));

        // A password-reset link later does not make them "Invited" again: their password still works.
        long id = created.id;
        admin.post("/admin/users/" + id + "/reset-link").then().statusCode(303);
        String row = admin.get("/admin/users").then().statusCode(200).extract().asString();
        int at = row.indexOf("href=\"/admin/users/" + id + "\"");
        assertTrue(at > 0, row);
        String theirs = row.substring(at, row.indexOf("</tr>", at));
        assertTrue(theirs.contains("Active") && !theirs.contains("Invited"), theirs);
        admin.get("/admin/users/" + id).then().statusCode(200)
                .body(containsString("A password-reset link is open until"))
                .body(not(containsString("An invitation is open")));
        assertTrue(signIn(email, GOOD_PASSWORD).cookies.containsKey("accolade-session"));
    }

    @Test
    void aNewInvitationLinkReplacesTheOldOneAndAGuessedLinkIsNotFound() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = unique("reinvited");
        String first = invite(admin, email, Role.HR, "");
        long id = user(email).id;
        admin.post("/admin/users/" + id + "/invitation").then().statusCode(303);
        Matcher m = LINK.matcher(admin.get("/admin/users/" + id).asString());
        assertTrue(m.find());
        String second = m.group(1);
        new Browser().get(first).then().statusCode(404);
        new Browser().get(second).then().statusCode(200);
        new Browser().get("/invitation/" + "A".repeat(43)).then().statusCode(404);
        new Browser().get("/invitation/short").then().statusCode(404);
    }

    @Test
    void aManagerNeedsADepartmentAndEmailsAreUnique() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        admin.post("/admin/users", "email", unique("nodept"), "displayName", "No Dept", "role", "MANAGER", "department", "")
                .then().statusCode(303).header("Location", endsWith("/admin/users/new"));
        admin.get("/admin/users/new").then().body(containsString("A manager sends from a department&#39;s account"));
        admin.post("/admin/users", "email", "MANAGER@accolade.test", "displayName", "Dup", "role", "HR", "department", "")
                .then().statusCode(303).header("Location", endsWith("/admin/users/new"));
        admin.get("/admin/users/new").then().body(containsString("A user with this email already exists."));
        admin.post("/admin/users", "email", "not-an-email", "displayName", "", "role", "KING", "department", "x")
                .then().statusCode(303);
        admin.get("/admin/users/new").then().body(containsString("Enter the user&#39;s email address."))
                .body(containsString("Choose a role.")).body(containsString("Enter the user&#39;s name"));
    }

    @Test
    void disablingAUserEndsTheirExistingSessionAtOnce() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = unique("disabled");
        String link = invite(admin, email, Role.MANAGER, Long.toString(departmentId("Engineering")));
        Browser invitee = new Browser();
        invitee.get(link);
        invitee.post(link, "password", GOOD_PASSWORD, "confirm", GOOD_PASSWORD).then().statusCode(303);
        Browser session = signIn(email, GOOD_PASSWORD);
        session.get("/catalog").then().statusCode(200);

        long id = user(email).id;
        // Disabling asks first: the button leads to a confirmation page, and a post without it changes nothing.
        admin.get("/admin/users/" + id).then().body(containsString("href=\"/admin/users/" + id + "/disable\""));
        admin.post("/admin/users/" + id + "/disable").then().statusCode(303)
                .header("Location", endsWith("/admin/users/" + id + "/disable"));
        session.get("/catalog").then().statusCode(200);
        assertTrue(user(email).enabled);
        admin.get("/admin/users/" + id + "/disable").then().statusCode(200)
                .body(containsString("Disable New Person?"))
                .body(containsString("name=\"confirm\" value=\"yes\""))
                .body(containsString("href=\"/admin/users/" + id + "\""));
        admin.post("/admin/users/" + id + "/disable", "confirm", "yes").then().statusCode(303)
                .header("Location", endsWith("/admin/users/" + id));
        session.get("/catalog").then().statusCode(303).header("Location", startsWith("/login"));
        assertFalse(signIn(email, GOOD_PASSWORD).cookies.containsKey("accolade-session"));
        assertTrue(audited(email, "USER_DISABLE"));

        admin.post("/admin/users/" + id + "/enable").then().statusCode(303);
        assertTrue(signIn(email, GOOD_PASSWORD).cookies.containsKey("accolade-session"));
    }

    @Test
    void resettingAPasswordEndsSessionsAndFollowsThePolicy() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = unique("reset");
        String link = invite(admin, email, Role.HR, "");
        new Browser().get(link);
        Browser invitee = new Browser();
        invitee.get(link);
        invitee.post(link, "password", GOOD_PASSWORD, "confirm", GOOD_PASSWORD);
        Browser session = signIn(email, GOOD_PASSWORD);
        session.get("/").then().statusCode(200);
        long id = user(email).id;

        admin.post("/admin/users/" + id + "/password", "password", "qwertyqwerty", "confirm", "qwertyqwerty")
                .then().statusCode(303);
        admin.get("/admin/users/" + id).then().body(containsString("This password is on a list of commonly used passwords."));
        session.get("/").then().statusCode(200);

        String next = "a different long passphrase";
        admin.post("/admin/users/" + id + "/password", "password", next, "confirm", next).then().statusCode(303);
        session.get("/").then().statusCode(303);
        assertFalse(signIn(email, GOOD_PASSWORD).cookies.containsKey("accolade-session"));
        assertTrue(signIn(email, next).cookies.containsKey("accolade-session"));
        assertTrue(audited(email, "USER_PASSWORD_RESET"));
        String detail = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "target = ?1 and action = 'USER_PASSWORD_RESET'", email).firstResult().detail);
        assertFalse(detail.contains(next));
    }

    @Test
    void rolesAndDepartmentsChangeAtOnceAndAnAdminCannotLockThemselvesOut() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = unique("promoted");
        String link = invite(admin, email, Role.HR, "");
        Browser invitee = new Browser();
        invitee.get(link);
        invitee.post(link, "password", GOOD_PASSWORD, "confirm", GOOD_PASSWORD);
        Browser session = signIn(email, GOOD_PASSWORD);
        session.get("/catalog").then().statusCode(200);
        session.get("/send?sku=x").then().statusCode(403);
        long id = user(email).id;
        admin.post("/admin/users/" + id, "displayName", "Promoted", "role", "MANAGER", "department",
                Long.toString(departmentId("Sales"))).then().statusCode(303);
        session.get("/").then().statusCode(200).body(containsString("Welcome, Promoted")).body(containsString("Manager"));
        assertTrue(audited(email, "USER_UPDATE"));

        long self = user("admin@accolade.test").id;
        admin.post("/admin/users/" + self + "/disable", "confirm", "yes").then().statusCode(303);
        admin.get("/admin/users/" + self).then().body(containsString("You cannot disable your own account."));
        admin.post("/admin/users/" + self, "displayName", "Avery Admin", "role", "HR", "department", "")
                .then().statusCode(303);
        admin.get("/admin/users/" + self).then().body(containsString("You cannot take the administrator role from yourself."));
        assertEquals(Role.ADMIN, user("admin@accolade.test").role);
        assertTrue(user("admin@accolade.test").enabled);
    }

    static boolean audited(String target, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "target = ?1 and action = ?2 and actor = 'admin@accolade.test' or target = ?1 and action = ?2 and action = 'INVITATION_ACCEPT'",
                target, action) > 0);
    }
}
