package dev.accolade.storefront.security;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.Browser;
import dev.accolade.storefront.audit.AuditEvent;

/**
 * Sign-in under attack: parallel guesses cannot pass the lockout, an address that guesses too much is
 * slowed without locking the real user out, and the answer does not tell unknown, wrong and locked
 * apart. The tests come through the test profile's trusted proxy, each from addresses of its own.
 */
@QuarkusTest
class SignInRaceTest {

    static final String PASSWORD = "right-password-123";

    @Inject
    SignInGuard guard;

    @Inject
    PasswordCheck passwords;

    @Inject
    RefusalTally refusals;

    static String newUser(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@accolade.test";
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser u = new AppUser();
            u.email = email;
            u.displayName = "Race Test";
            u.role = Role.HR;
            u.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
            u.createdAt = OffsetDateTime.now();
            u.persist();
        });
        return email;
    }

    /** 80 bcrypt checks at once on a busy 2-core machine may take longer than the default 30 s. */
    static final io.restassured.config.RestAssuredConfig PATIENT = io.restassured.config.RestAssuredConfig.config()
            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 180_000).setParam("http.connection.timeout", 60_000));

    static Response signIn(Browser b, String from, String email, String password) {
        return b.request().config(PATIENT).header("X-Forwarded-For", from).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", b.csrfToken()).formParam("email", email).formParam("password", password)
                .post("/login");
    }

    /** The message the sign-in page shows after the attempt (the flash cookie it set). */
    static String message(Browser b, Response attempt) {
        Browser after = new Browser();
        after.cookies.putAll(b.cookies);
        attempt.getDetailedCookies().forEach(c -> after.cookies.put(c.getName(), c.getValue()));
        String html = after.get("/login").asString();
        var m = java.util.regex.Pattern.compile("<div class=\"notice bad\" role=\"alert\">([^<]*)</div>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void eightyParallelWrongPasswordsLockTheAccountAfterAtMostTenChecks() throws Exception {
        String email = newUser("race");
        Browser b = new Browser();
        b.csrfToken();
        // Warm the sign-in path (first queries, first bcrypt) so that the burst measures the lockout.
        signIn(b, "198.51.100.250", newUser("warm-up"), "wrong").then().statusCode(303);
        ExecutorService pool = Executors.newFixedThreadPool(80);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                String from = "198.51.100." + (i + 1);
                String guess = "wrong-" + i;
                Callable<Integer> attempt = () -> {
                    start.await();
                    return signIn(b, from, email, guess).statusCode();
                };
                answers.add(pool.submit(attempt));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(303, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        long evaluated = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "actor = ?1 and action = 'SIGN_IN' and outcome = 'FAILED' and detail like 'wrong password%'", email));
        System.out.println("80 parallel wrong passwords: " + evaluated + " checked against the account's hash, "
                + (80 - evaluated) + " refused unchecked");
        assertTrue(evaluated <= 10, evaluated + " passwords checked, at most 10 may be");
        AppUser locked = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(email).orElseThrow());
        assertTrue(locked.lockedAt(OffsetDateTime.now()), "the account is locked");

        Response right = signIn(b, "198.51.100.200", email, PASSWORD);
        right.then().statusCode(303);
        assertFalse(right.getCookies().containsKey("accolade-session"), "the right password is refused while locked");
    }

    @Test
    void unknownWrongAndLockedAccountsGetTheSameAnswerAfterOneHashCheck() {
        String email = newUser("same");
        Browser b = new Browser();
        b.csrfToken();
        long before = passwords.verifications();
        String unknown = message(b, signIn(b, "192.0.2.10", "nobody-" + System.nanoTime() + "@accolade.test", "guess"));
        assertEquals(before + 1, passwords.verifications(), "an unknown account costs one hash check");
        String wrong = message(b, signIn(b, "192.0.2.10", email, "guess"));
        assertEquals(before + 2, passwords.verifications(), "a wrong password costs one hash check");
        QuarkusTransaction.requiringNew().run(() -> AppUser.findByEmail(email).orElseThrow().lockedUntil =
                OffsetDateTime.now().plusMinutes(30));
        String locked = message(b, signIn(b, "192.0.2.10", email, PASSWORD));
        assertEquals(before + 3, passwords.verifications(), "a locked account costs one hash check");
        assertTrue(unknown.startsWith("The email or password is not correct."), unknown);
        assertEquals(unknown, wrong);
        assertEquals(unknown, locked);
    }

    @Test
    void anAddressThatGuessesTooMuchIsSlowedWhileTheRealUserStillSignsIn() {
        String email = newUser("throttle");
        String attacker = "203.0.113." + (System.nanoTime() % 200 + 1);
        Browser b = new Browser();
        b.csrfToken();
        int limit = 200; // %test.accolade.session.throttle-attempts
        for (int i = 0; i < limit; i++) {
            guard.admit(attacker);
        }
        long before = passwords.verifications();
        Response refused = signIn(b, attacker, email, PASSWORD);
        assertFalse(refused.getCookies().containsKey("accolade-session"));
        assertEquals(LoginService.THROTTLED, message(b, refused));
        assertEquals(before, passwords.verifications(), "no password is checked for a throttled address");

        Browser user = new Browser();
        user.csrfToken();
        Response signedIn = signIn(user, "192.0.2.77", email, PASSWORD);
        assertTrue(signedIn.getCookies().containsKey("accolade-session"), "the user signs in from their own address");
    }

    @Test
    void anonymousFailuresAreAuditedAsOneRowPerAddressAndMinuteWithTheCount() {
        String from = "192.0.2." + (System.nanoTime() % 200 + 20);
        Browser b = new Browser();
        b.csrfToken();
        refusals.flushBefore(Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            signIn(b, from, "nobody-" + i + "@accolade.test", "guess").then().statusCode(303);
        }
        assertEquals(0L, rowsFrom(from), "no row per attempt");
        refusals.flushBefore(Long.MAX_VALUE);
        List<AuditEvent> rows = QuarkusTransaction.requiringNew().call(() -> AuditEvent.list("ip = ?1", from));
        assertEquals(1, rows.size(), "one row for the minute");
        AuditEvent row = rows.get(0);
        assertEquals("anonymous", row.actor);
        assertEquals("SIGN_IN", row.action);
        assertEquals("FAILED", row.outcome);
        assertTrue(row.detail.startsWith("5 times in the minute from "), row.detail);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> new AuditTrailCheck().intact()), "the chain holds");
        b.get("/login").then().statusCode(200).body(containsString("Sign in"));
    }

    static long rowsFrom(String ip) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("ip = ?1", ip));
    }

    /** The audit chain's verification, read through the application's own verifier. */
    static final class AuditTrailCheck {
        boolean intact() {
            return io.quarkus.arc.Arc.container().instance(dev.accolade.storefront.audit.AuditTrail.class).get()
                    .verify().intact();
        }
    }
}
