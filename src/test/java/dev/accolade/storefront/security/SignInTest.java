package dev.accolade.storefront.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;

@QuarkusTest
class SignInTest {

    @Test
    void aPrivatePageSendsAnonymousVisitorsToSignIn() {
        new Browser().get("/").then().statusCode(303).header("Location", startsWith("/login"));
    }

    @Test
    void theDemoManagerSignsInSeesTheirHomeAndSignsOut() {
        Browser b = Browser.signedIn("manager@accolade.test");
        b.get("/").then().statusCode(200)
                .body(containsString("Welcome, Morgan Manager"))
                .body(containsString("Engineering"));
        b.post("/logout").then().statusCode(303).header("Location", endsWith("/login"));
        b.get("/").then().statusCode(303);
        assertTrue(audited("manager@accolade.test", "SIGN_OUT", "SUCCESS"));
        // The audit trail names the role as people read it, not its code.
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("actor = ?1 and action = 'SIGN_IN'"
                + " and outcome = 'SUCCESS' and detail = 'as Manager'", "manager@accolade.test") > 0));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'SIGN_IN' and detail in ('MANAGER', 'HR', 'ADMIN')")));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndAudited() {
        Browser b = new Browser();
        b.get("/login");
        b.post("/login", "email", "hr@accolade.test", "password", "wrong-password")
                .then().statusCode(303).header("Location", endsWith("/login"));
        assertFalse(b.cookies.containsKey("accolade-session"));
        b.get("/login").then().statusCode(200).body(containsString("The email or password is not correct."));
        assertTrue(audited("hr@accolade.test", "SIGN_IN", "FAILED"));
    }

    @Test
    void signInWithoutTheFormsCsrfTokenIsRefused() {
        Browser b = new Browser();
        b.get("/login");
        b.request().contentType("application/x-www-form-urlencoded")
                .formParam("email", "manager@accolade.test").formParam("password", "accolade-demo")
                .post("/login").then().statusCode(400).body(containsString("This form has expired"));
    }

    @Test
    void tenFailedSignInsLockTheAccountForThirtyMinutes() {
        String email = "lockout-" + System.nanoTime() + "@accolade.test";
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = new AppUser();
            u.email = email;
            u.displayName = "Lockout Test";
            u.role = Role.MANAGER;
            u.passwordHash = BcryptUtil.bcryptHash("right-password-123");
            u.createdAt = OffsetDateTime.now();
            u.persist();
        });
        Browser b = new Browser();
        b.get("/login");
        for (int i = 0; i < 10; i++) {
            b.post("/login", "email", email, "password", "wrong-" + i).then().statusCode(303);
        }
        b.post("/login", "email", email, "password", "right-password-123").then().statusCode(303);
        assertFalse(b.cookies.containsKey("accolade-session"), "a locked account must not sign in");
        b.get("/login").then().body(containsString("locked"));
        OffsetDateTime until = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).get().lockedUntil);
        long minutes = java.time.Duration.between(OffsetDateTime.now(), until).toMinutes();
        assertTrue(minutes >= 29 && minutes <= 30, "locked for 30 minutes, was " + minutes);
    }

    @Test
    void aDisabledUsersSessionStopsWorkingAtOnce() {
        Browser b = Browser.signedIn("sales.manager@accolade.test");
        b.get("/").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> AppUser.findByEmail("sales.manager@accolade.test").get().enabled = false);
        try {
            b.get("/").then().statusCode(303).header("Location", startsWith("/login"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> AppUser.findByEmail("sales.manager@accolade.test").get().enabled = true);
        }
    }

    @Test
    void aTamperedSessionCookieIsIgnored() {
        Browser b = Browser.signedIn("manager@accolade.test");
        String cookie = b.cookies.get("accolade-session");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))));
        // Claim to be another user while keeping the original signature.
        String[] parts = payload.split(":");
        parts[0] = Long.toString(Long.parseLong(parts[0]) + 1);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(":", parts).getBytes()) + cookie.substring(cookie.indexOf('.'));
        b.cookies.put("accolade-session", forged);
        b.get("/").then().statusCode(303);
    }

    @Test
    void pagesCarrySecurityHeadersAndAreNotCached() {
        Browser b = Browser.signedIn("manager@accolade.test");
        var r = b.get("/");
        r.then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        String csrfCookie = new Browser().request().get("/login").getHeader("Set-Cookie").toLowerCase();
        assertTrue(csrfCookie.contains("httponly") && csrfCookie.contains("samesite=strict"), csrfCookie);
        Browser fresh = new Browser();
        fresh.get("/login");
        String session = fresh.post("/login", "email", "hr@accolade.test", "password", "accolade-demo").getHeaders()
                .getValues("Set-Cookie").stream().filter(c -> c.startsWith("accolade-session=")).findFirst()
                .orElseThrow().toLowerCase();
        assertTrue(session.contains("httponly") && session.contains("samesite=lax"), session);
    }

    @Test
    void signInOnlyFollowsLocalNextAddresses() {
        assertEquals("/", LoginResource.safeNext("https://evil.example/"));
        assertEquals("/", LoginResource.safeNext("//evil.example/"));
        assertEquals("/rewards", LoginResource.safeNext("/rewards"));
    }

    static boolean audited(String actor, String action, String outcome) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "actor = ?1 and action = ?2 and outcome = ?3", actor, action, outcome) > 0);
    }
}
