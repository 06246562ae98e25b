package dev.accolade.storefront.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.accolade.raas.sandbox.TunedSandboxProfile;
import dev.accolade.storefront.Browser;

/**
 * The sandbox inbox shows every reward's code and PIN: outside dev it is for signed-in
 * administrators only (this profile closes it to anonymous visitors on this machine, as in
 * production).
 */
@QuarkusTest
@TestProfile(TunedSandboxProfile.class)
class SandboxInboxAccessTest {

    @Test
    void onlyAdministratorsReadTheInbox() {
        int anonymous = given().redirects().follow(false).get("/raas-sandbox/inbox").statusCode();
        assertTrue(anonymous == 302 || anonymous == 303 || anonymous == 401, "anonymous got " + anonymous);
        given().redirects().follow(false).get("/raas-sandbox/inbox/some-token").then()
                .statusCode(not(200)).body(not(containsString("PIN")));
        Browser.signedIn("manager@accolade.test").get("/raas-sandbox/inbox").then().statusCode(403);
        Browser.signedIn("hr@accolade.test").get("/raas-sandbox/inbox").then().statusCode(403);
        Browser.signedIn("admin@accolade.test").get("/raas-sandbox/inbox").then().statusCode(200)
                .body(containsString("Every reward email"));
    }
}
