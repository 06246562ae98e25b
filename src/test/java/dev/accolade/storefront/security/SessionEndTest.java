package dev.accolade.storefront.security;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;

/** Signing out ends the session on the server, not only in the browser that signed out. */
@QuarkusTest
class SessionEndTest {

    static final String NEW_PASSWORD = "a brand new passphrase 42";

    static Browser signedIn(String email, String password) {
        Browser b = new Browser();
        b.get("/login");
        b.post("/login", "email", email, "password", password).then().statusCode(303);
        assertTrue(b.cookies.containsKey("accolade-session"), "signed in as " + email);
        return b;
    }

    /** A browser that kept a copy of another's cookies (a stolen or copied cookie). */
    static Browser copyOf(Browser b) {
        Browser copy = new Browser();
        copy.cookies.putAll(b.cookies);
        return copy;
    }

    @Test
    void afterSigningOutTheOldCookieGetsTheSignInPage() {
        Browser b = Browser.signedIn("hr@accolade.test");
        Browser kept = copyOf(b);
        kept.get("/profile").then().statusCode(200);
        b.post("/logout").then().statusCode(303);
        kept.get("/profile").then().statusCode(303).header("Location", startsWith("/login"));
        kept.get("/reports").then().statusCode(303).header("Location", startsWith("/login"));
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheUser() {
        String email = SignInRaceTest.newUser("everywhere");
        Browser laptop = signedIn(email, SignInRaceTest.PASSWORD);
        Browser phone = signedIn(email, SignInRaceTest.PASSWORD);
        Browser other = Browser.signedIn("hr@accolade.test");
        phone.get("/profile").then().statusCode(200);
        laptop.post("/profile/sign-out-everywhere").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/login"));
        assertFalse(laptop.cookies.containsKey("accolade-session"));
        phone.get("/profile").then().statusCode(303).header("Location", startsWith("/login"));
        copyOf(laptop).get("/profile").then().statusCode(303);
        other.get("/profile").then().statusCode(200); // another user's session goes on
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        String email = SignInRaceTest.newUser("change");
        Browser here = signedIn(email, SignInRaceTest.PASSWORD);
        Browser elsewhere = signedIn(email, SignInRaceTest.PASSWORD);
        here.post("/profile/password", "current", "not-the-password", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD)
                .then().statusCode(303);
        here.get("/profile").then().statusCode(200).body(org.hamcrest.Matchers.containsString("This is not your current password."));
        elsewhere.get("/profile").then().statusCode(200);

        here.post("/profile/password", "current", SignInRaceTest.PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD)
                .then().statusCode(303);
        here.get("/profile").then().statusCode(200).body(org.hamcrest.Matchers.containsString("Your password is changed."));
        elsewhere.get("/profile").then().statusCode(303).header("Location", startsWith("/login"));
        signedIn(email, NEW_PASSWORD);
    }
}
