package dev.accolade.storefront.sso;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * Single sign-on as a strict company sets it up: password sign-in off except for a break-glass
 * administrator, nobody created at sign-in, roles kept as set in Accolade (no role claim).
 */
@QuarkusTest
@TestProfile(SsoPasswordsOffTest.Strict.class)
class SsoPasswordsOffTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accolade.sso.enabled", "true", "accolade.sso.password-sign-in", "false",
                    "accolade.sso.break-glass", "admin@accolade.test");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcProviderProcess.class));
        }
    }

    @Test
    void onlyTheBreakGlassAdministratorMaySignInWithAPassword() {
        new Browser().get("/login").then().statusCode(200)
                .body(containsString("Sign in with SSO"))
                .body(containsString("Administrator sign-in with a password"))
                .body(not(containsString("or with your Accolade password")));
        Browser manager = new Browser();
        Response refused = manager.post("/login", "email", "manager@accolade.test", "password", "accolade-demo");
        assertEquals(303, refused.statusCode(), refused.asString());
        assertEquals("/login", java.net.URI.create(refused.getHeader("Location")).getPath());
        assertFalse(manager.cookies.containsKey("accolade-session"));
        String passwordsOff = SsoFlow.message(manager);
        assertEquals("Password sign-in is turned off here. Use \"Sign in with SSO\" instead.", passwordsOff);
        // The same answer for an address with no account: it tells nothing about who has one.
        Browser nobody = new Browser();
        nobody.post("/login", "email", "nobody@accolade.test", "password", "whatever");
        assertEquals(passwordsOff, SsoFlow.message(nobody));

        Browser.signedIn("admin@accolade.test").get("/admin/users").then().statusCode(200);
    }

    @Test
    void anInvitationLinkLeadsToTheSsoButtonAndSetsNoPassword() {
        Browser admin = Browser.signedIn("admin@accolade.test");
        String email = SsoTest.person("invited");
        Response created = admin.post("/admin/users", "email", email, "displayName", "Invited Person", "role", "HR",
                "department", "");
        assertEquals(303, created.statusCode());
        var link = java.util.regex.Pattern.compile("id=\"invitation-link\">https?://[^/]+(/invitation/[A-Za-z0-9_-]{43})<")
                .matcher(admin.get(created.getHeader("Location")).asString());
        assertTrue(link.find(), "the invitation link is shown");
        String before = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow().passwordHash);

        Browser invited = new Browser();
        Response page = invited.get(link.group(1));
        assertEquals(303, page.statusCode());
        assertEquals("/login", java.net.URI.create(page.getHeader("Location")).getPath());
        invited.get("/login").then().body(containsString("Accolade signs you in with SSO here, so you need no password"));
        // A password posted to the link anyway (a page open from before) is not set, and signs nobody in.
        Response posted = invited.post(link.group(1), "password", "a-long-enough-password-1", "confirm",
                "a-long-enough-password-1");
        assertEquals("/login", java.net.URI.create(posted.getHeader("Location")).getPath());
        assertFalse(invited.cookies.containsKey("accolade-session"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow().passwordHash));
    }

    @Test
    void nobodyIsCreatedAtSignInAndRolesStayAsSetInAccolade() {
        String email = SsoTest.person("stranger");
        Browser b = new Browser();
        SsoFlow.signIn(b, email, SsoFlow.claims(email, "accolade-managers", "Engineering"));
        assertFalse(b.cookies.containsKey("accolade-session"));
        assertEquals("There is no Accolade account for " + email + ". Ask an administrator to add you.", SsoFlow.message(b));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).isEmpty()));

        String hr = SsoTest.person("stays-hr");
        long id = SsoTest.user(hr, Role.HR, "People", true);
        Browser c = new Browser();
        assertEquals(303, SsoFlow.signIn(c, hr, SsoFlow.claims(hr, "accolade-admins", "Engineering")).statusCode());
        assertTrue(c.cookies.containsKey("accolade-session"));
        assertEquals(Role.HR, QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser> findById(id).role));
        c.get("/admin/users").then().statusCode(403);
    }
}
