package dev.accolade.storefront.sso;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.storefront.Browser;

/** Without single sign-on set up (the default), the sign-in page is passwords only and /sso says why. */
@QuarkusTest
class SsoOffTest {

    @Test
    void theSignInPageHasNoSsoButtonAndSsoPagesSayItIsNotSetUp() {
        Browser b = new Browser();
        b.get("/login").then().statusCode(200).header("Content-Security-Policy", containsString("form-action 'self';"))
                .body(not(containsString("/sso/start"))).body(containsString("name=\"password\""));
        b.get("/sso/start").then().statusCode(404).body(containsString("Single sign-on is not set up"));
        b.get("/sso/login").then().statusCode(404).body(containsString("Single sign-on is not set up"));
    }
}
