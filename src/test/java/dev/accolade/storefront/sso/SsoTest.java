package dev.accolade.storefront.sso;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;
import dev.accolade.storefront.directory.Department;
import dev.accolade.storefront.security.AppUser;
import dev.accolade.storefront.security.Role;

/**
 * "Sign in with SSO" end to end against a real OpenID Connect provider process: the code flow with
 * PKCE, state and nonce, users matched by verified e-mail, role and department from claims, users
 * created at first sign-in, refusals with a message, and sign-out at the provider too.
 */
@QuarkusTest
@TestProfile(SsoTestProfile.class)
class SsoTest {

    static String person(String prefix) {
        return prefix + "-" + System.nanoTime() + "@accolade.test";
    }

    static long user(String email, Role role, String department, boolean enabled) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser u = new AppUser();
            u.email = email;
            u.displayName = "Existing Person";
            u.role = role;
            u.departmentId = department == null ? null : Department.findByName(department).orElseThrow().id;
            u.enabled = enabled;
            u.passwordHash = BcryptUtil.bcryptHash("not-used-here-0123");
            u.createdAt = OffsetDateTime.now();
            u.persist();
            return u.id;
        });
    }

    static long audited(String action, String target, String detailLike) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = ?1 and target = ?2 and detail like ?3", action, target, detailLike));
    }

    @Test
    void aDemoManagerSignsInThroughTheProviderAndGetsAnOrdinaryAccoladeSession() {
        Browser b = new Browser();
        Response done = SsoFlow.signIn(b, "manager@accolade.test", null);
        assertEquals(303, done.statusCode());
        assertTrue(done.getHeader("Location").endsWith("/"), done.getHeader("Location"));
        assertTrue(b.cookies.containsKey("accolade-session"), "Accolade's session cookie is set");
        assertFalse(b.cookies.keySet().stream().anyMatch(c -> c.startsWith("q_session")),
                "the provider's session is not kept: " + b.cookies.keySet());
        b.get("/").then().statusCode(200).body(containsString("Morgan Manager"));
        b.get("/rewards").then().statusCode(200);
        assertTrue(audited("SIGN_IN", "manager@accolade.test", "as Manager, single sign-on") >= 1);
    }

    @Test
    void aSignInStartedFromAPageReturnsToThatPage() {
        Browser b = new Browser();
        // A page that needs a user sends the visitor to sign in; its button carries the page along.
        assertTrue(b.get("/rewards?status=failed").getHeader("Location").endsWith("/login?next=%2Frewards%3Fstatus%3Dfailed"));
        String button = b.request().queryParam("next", "/rewards?status=failed").get("/login").asString().replaceAll("(?s).*href=\"(/sso/start[^\"]*)\".*", "$1").replace("&amp;", "&");
        assertEquals("/sso/start?next=%2Frewards%3Fstatus%3Dfailed", button);
        Response done = SsoFlow.back(b, SsoFlow.providerSignIn(SsoFlow.authorizationUrl(b, button),
                "manager@accolade.test", null));
        assertEquals(303, done.statusCode());
        assertTrue(done.getHeader("Location").endsWith("/rewards?status=failed"), done.getHeader("Location"));
    }

    @Test
    void theRoleAndDepartmentComeFromTheProvidersClaims() {
        String email = person("promoted");
        long id = user(email, Role.MANAGER, "Engineering", true);
        Browser b = new Browser();
        assertEquals(303, SsoFlow.signIn(b, email, SsoFlow.claims(email, "accolade-hr", "People")).statusCode());
        AppUser after = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser> findById(id));
        assertEquals(Role.HR, after.role);
        assertEquals(QuarkusTransaction.requiringNew().call(() -> Department.findByName("People").orElseThrow().id),
                after.departmentId);
        b.get("/reports").then().statusCode(200);
        assertEquals(1, audited("USER_UPDATE", email, "from single sign-on: Manager, Engineering -> HR, People"));
    }

    @Test
    void someoneNewIsCreatedAtTheirFirstSignInWithTheRoleTheirGroupsGive() {
        String email = person("new-starter");
        Browser b = new Browser();
        assertEquals(303, SsoFlow.signIn(b, email, SsoFlow.claims(email, "accolade-managers", "Sales")).statusCode());
        AppUser created = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow());
        assertEquals(Role.MANAGER, created.role);
        assertEquals("SSO Person", created.displayName);
        b.get("/rewards").then().statusCode(200);
        assertEquals(1, audited("USER_CREATE", email, "from single sign-on: Manager, Sales"));
        // Nobody knows a password for the account: it signs in through the provider only.
        Response password = new Browser().post("/login", "email", email, "password", "not-used-here-0123");
        assertEquals("/login", java.net.URI.create(password.getHeader("Location")).getPath());
    }

    @Test
    void aDisabledUserIsRefusedWithAMessageAndNoSession() {
        String email = person("disabled");
        user(email, Role.MANAGER, "Engineering", false);
        Browser b = new Browser();
        Response done = SsoFlow.signIn(b, email, SsoFlow.claims(email, "accolade-managers", "Engineering"));
        assertEquals(303, done.statusCode());
        assertTrue(done.getHeader("Location").endsWith("/login"), done.getHeader("Location"));
        assertFalse(b.cookies.containsKey("accolade-session"));
        assertEquals("This account is disabled. Ask an administrator to enable it.", SsoFlow.message(b));
        assertEquals(1, audited("SIGN_IN", email, "single sign-on: account disabled"));
    }

    @Test
    void anAddressTheProviderHasNotVerifiedOrNoAccoladeGroupIsRefused() {
        String email = person("unverified");
        Browser b = new Browser();
        SsoFlow.signIn(b, email, "{\"email\": \"" + email + "\", \"email_verified\": false, \"groups\": [\"accolade-hr\"]}");
        assertFalse(b.cookies.containsKey("accolade-session"));
        assertTrue(SsoFlow.message(b).contains("has not verified the e-mail address " + email), SsoFlow.message(b));

        String other = person("no-group");
        Browser c = new Browser();
        SsoFlow.signIn(c, other, SsoFlow.claims(other, "everyone", "Sales"));
        assertFalse(c.cookies.containsKey("accolade-session"));
        assertTrue(SsoFlow.message(c).contains("none of Accolade's groups"), SsoFlow.message(c));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(other).isEmpty()));
    }

    @Test
    void aCallbackWithAStateOtherThanTheOneIssuedIsRefused() {
        Browser b = new Browser();
        String callback = SsoFlow.providerSignIn(SsoFlow.authorizationUrl(b), "hr@accolade.test", null);
        String forged = callback.replaceAll("state=[^&]+", "state=" + java.util.UUID.randomUUID());
        Response answer = SsoFlow.back(b, forged);
        assertFalse(b.cookies.containsKey("accolade-session"), "no session from a forged state: " + answer.statusCode());
        assertTrue(answer.statusCode() == 401 || answer.statusCode() == 302 && !answer.getHeader("Location").endsWith("/"),
                "refused: " + answer.statusCode() + " " + answer.getHeader("Location"));
    }

    @Test
    void anIdTokenWithANonceOtherThanTheOneSentIsRefused() {
        Browser b = new Browser();
        // The request Accolade made, with the nonce swapped (state and PKCE challenge are Accolade's own).
        String authorization = SsoFlow.authorizationUrl(b).replaceAll("nonce=[^&]+", "nonce=forged-nonce");
        Response answer = SsoFlow.back(b, SsoFlow.providerSignIn(authorization, "hr@accolade.test", null));
        assertFalse(b.cookies.containsKey("accolade-session"), "no session with a forged nonce: " + answer.statusCode());
        assertEquals(401, answer.statusCode());
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheProvider() {
        Browser b = new Browser();
        SsoFlow.signIn(b, "sales.manager@accolade.test", null);
        String session = b.cookies.get("accolade-session");
        Response out = b.post("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.getHeader("Location").endsWith("/sso/logout"), out.getHeader("Location"));
        Response provider = b.get("/sso/logout");
        assertEquals(303, provider.statusCode());
        String to = provider.getHeader("Location");
        assertTrue(to.startsWith(OidcProviderProcess.issuer() + "/endsession?client_id=accolade&post_logout_redirect_uri="),
                to);
        assertTrue(to.endsWith("%2Flogin"), to);
        Browser old = new Browser();
        old.cookies.put("accolade-session", session);
        assertEquals(303, old.get("/rewards").statusCode(), "the old session cookie no longer signs in");
        assertTrue(audited("SIGN_OUT", "sales.manager@accolade.test", "also at the identity provider") >= 1);
    }

    @Test
    void disablingAnSsoUserEndsTheirSessionAtOnce() {
        String email = person("leaver");
        Browser b = new Browser();
        SsoFlow.signIn(b, email, SsoFlow.claims(email, "accolade-managers", "Engineering"));
        b.get("/rewards").then().statusCode(200);
        long id = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow().id);
        Browser admin = Browser.signedIn("admin@accolade.test");
        admin.post("/admin/users/" + id + "/disable", "confirm", "yes").then().statusCode(303);
        Response after = b.get("/rewards");
        assertEquals(303, after.statusCode());
        assertTrue(after.getHeader("Location").startsWith("/login"), after.getHeader("Location"));
    }

    @Test
    void theSignInPageOffersTheProvidersButtonBesidePasswords() {
        String provider = OidcProviderProcess.issuer().replace("/accolade", "");
        new Browser().get("/login").then().statusCode(200)
                // Signing out sends the sign-out form on to the provider: its origin may receive it.
                .header("Content-Security-Policy", containsString("form-action 'self' " + provider + ";"))
                .body(containsString("href=\"/sso/start\">Sign in with Example SSO</a>"))
                .body(containsString("or with your Accolade password"))
                .body(containsString("name=\"password\""));
    }
}
