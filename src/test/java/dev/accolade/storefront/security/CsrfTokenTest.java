package dev.accolade.storefront.security;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.accolade.storefront.Browser;

/**
 * CSRF tokens belong to the session: derived from it by the server, never a value a page or cookie
 * can be made to carry; new at sign-in; and a form the browser says comes from another site is
 * refused whatever it carries.
 */
@QuarkusTest
class CsrfTokenTest {

    static RequestSpecification form(Browser b, String token) {
        return b.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", token);
    }

    @Test
    void anyFortyThreeCharacterValueInCookieAndFormIsNotAToken() {
        String value = "A".repeat(43);
        Browser b = new Browser();
        b.cookies.put(Csrf.COOKIE, value);
        form(b, value).formParam("email", "hr@accolade.test").formParam("password", "accolade-demo").post("/login")
                .then().statusCode(400).body(containsString("This form has expired"));
    }

    @Test
    void aPlantedCookieAndTokenPairIsRefusedForASignedInUser() {
        // The attacker's own visit gives a pair that works for the attacker...
        Browser attacker = new Browser();
        String plantedToken = attacker.csrfToken();
        String plantedCookie = attacker.cookies.get(Csrf.COOKIE);
        // ...planted in the victim's browser, it is not the victim's session's token.
        Browser victim = Browser.signedIn("hr@accolade.test");
        victim.cookies.put(Csrf.COOKIE, plantedCookie);
        form(victim, plantedToken).post("/logout").then().statusCode(400);
        victim.get("/profile").then().statusCode(200);
    }

    @Test
    void theTokenChangesAtSignInAndTheOldOneIsRefused() {
        Browser b = new Browser();
        String before = b.csrfToken();
        b.post("/login", "email", "hr@accolade.test", "password", "accolade-demo").then().statusCode(303);
        String after = b.csrfToken();
        assertNotEquals(before, after);
        form(b, before).post("/logout").then().statusCode(400);
        assertTrue(b.cookies.containsKey("accolade-session"));
        form(b, after).post("/logout").then().statusCode(303);
    }

    @Test
    void aFormFromAnotherSiteIsRefusedWithAClearPage() {
        Browser b = Browser.signedIn("hr@accolade.test");
        String token = b.csrfToken();
        form(b, token).header("Origin", "https://evil.example").post("/logout").then().statusCode(403)
                .body(containsString("Sent from another site"));
        form(b, token).header("Sec-Fetch-Site", "cross-site").post("/logout").then().statusCode(403);
        form(b, token).header("Sec-Fetch-Site", "same-site").post("/logout").then().statusCode(403);
        form(b, token).header("Origin", "null").post("/logout").then().statusCode(403);
        b.get("/profile").then().statusCode(200);
        // This site's own pages, and clients that send neither header, are served.
        String origin = "http://localhost:" + io.restassured.RestAssured.port;
        form(b, token).header("Origin", origin).header("Sec-Fetch-Site", "same-origin").post("/logout").then()
                .statusCode(303);
        Browser script = Browser.signedIn("hr@accolade.test");
        form(script, script.csrfToken()).post("/logout").then().statusCode(303);
    }

    @Test
    void theOriginCheckComparesHostAndPort() {
        assertFalse(CsrfFilter.crossSite(null, null, "accolade.example"));
        assertFalse(CsrfFilter.crossSite(null, "https://accolade.example", "accolade.example"));
        assertFalse(CsrfFilter.crossSite("same-origin", "https://accolade.example:8443", "accolade.example:8443"));
        assertTrue(CsrfFilter.crossSite(null, "https://accolade.example.evil.example", "accolade.example"));
        assertTrue(CsrfFilter.crossSite(null, "https://accolade.example:444", "accolade.example"));
        assertTrue(CsrfFilter.crossSite("cross-site", null, "accolade.example"));
    }

    @Test
    void sessionCookiesAreSecureWhenTheProxySaysTheRequestWasHttps() {
        Browser b = new Browser();
        String token = b.csrfToken();
        String secure = form(b, token).header("X-Forwarded-Proto", "https").formParam("email", "hr@accolade.test")
                .formParam("password", "accolade-demo").post("/login").getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("accolade-session=")).findFirst().orElseThrow().toLowerCase();
        assertTrue(secure.contains("; secure"), secure);
        Browser plain = new Browser();
        String cookie = form(plain, plain.csrfToken()).formParam("email", "hr@accolade.test")
                .formParam("password", "accolade-demo").post("/login").getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("accolade-session=")).findFirst().orElseThrow().toLowerCase();
        assertFalse(cookie.contains("; secure"), cookie);
        assertEquals(-1, cookie.indexOf("secure"), cookie);
    }
    @Test
    void theFlashCookieIsSecureWhenTheProxySaysTheRequestWasHttps() {
        for (boolean https : new boolean[] { true, false }) {
            Browser b = new Browser();
            var request = form(b, b.csrfToken()).formParam("email", "nobody.flash@accolade.test").formParam("password", "wrong-password");
            if (https) {
                request.header("X-Forwarded-Proto", "https");
            }
            String flash = request.post("/login").getHeaders().getValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("accolade-flash=")).findFirst().orElseThrow().toLowerCase();
            assertEquals(https, flash.contains("; secure"), flash);
        }
    }
}
