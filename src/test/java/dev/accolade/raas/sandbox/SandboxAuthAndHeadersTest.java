package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The generic rules every RaaS v1 call follows: HTTP Basic platform authentication (401, 403), the
 * {@code Accept} header (400 with {@code content_types}), JSON with or without a {@code Content-Type},
 * unknown fields, 404 and 405 in the spec's body shape, and 500 with an error code only.
 */
@QuarkusTest
class SandboxAuthAndHeadersTest {

    // ---- Authentication Needed: 401 + WWW-Authenticate ----

    @ParameterizedTest
    @CsvSource({
            "GET, /raas/v1/rewards",
            "GET, /raas/v1/orders",
            "GET, /raas/v1/orders/113-08258652-15",
            "GET, /raas/v1/accounts/CompanyA/123456",
            "POST, /raas/v1/accounts",
            "POST, /raas/v1/funds",
            "POST, /raas/v1/cc_register",
            "POST, /raas/v1/cc_fund",
            "POST, /raas/v1/cc_unregister",
            "POST, /raas/v1/orders",
            "POST, /raas/v1/orders/113-08258652-15/resend",
            "GET, /raas/v1/no-such-resource" })
    void everyCallWithoutCredentialsIs401WithABasicChallenge(String method, String path) {
        var request = given();
        if (method.equals("POST")) {
            request.contentType("application/json").body("{}");
        }
        request.request(method, path)
                .then().statusCode(401)
                .header("WWW-Authenticate", matchesPattern("^Basic realm=\"[^\"]+\"$"))
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
    }

    @Test
    void theRealmNamesThisServersPublicHostWhateverHostTheRequestClaims() {
        // Like RaaS's own realm (its host), it names the configured public address (accolade.public-url),
        // never a Host header the caller chose.
        given().header("Host", "evil.example").accept("*/*")
                .get("/raas/v1/rewards")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Basic realm=\"localhost\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer c2FuZGJveA==",
            "Basic",
            "Basic ",
            "Basic !!!not-base64!!!",
            "Basic YWNjb2xhZGUtZGVtbw==", // "accolade-demo", no colon and no key
            "Digest username=\"accolade-demo\"" })
    void anAuthorizationHeaderWithoutReadableBasicCredentialsIs401(String authorization) {
        given().header("Authorization", authorization)
                .get("/raas/v1/rewards")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic realm="))
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
    }

    // ---- Bad Authentication: 403 + X-Status-Reason ----

    @Test
    void aWrongKeyIs403AuthenticationFailed() {
        given().auth().preemptive().basic(Raas.PLATFORM, "not-the-key")
                .get("/raas/v1/rewards")
                .then().statusCode(403)
                .header("X-Status-Reason", "Authentication failed")
                .header("WWW-Authenticate", (String) null)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
    }

    @Test
    void anUnknownPlatformIs403AuthenticationFailed() {
        given().auth().preemptive().basic("no-such-platform", Raas.KEY)
                .get("/raas/v1/rewards")
                .then().statusCode(403)
                .header("X-Status-Reason", "Authentication failed")
                .body("success", equalTo(false));
    }

    @Test
    void oneplatformsKeyDoesNotOpenAnother() {
        given().auth().preemptive().basic(Raas.PLATFORM, Raas.OTHER_KEY)
                .get("/raas/v1/rewards")
                .then().statusCode(403)
                .header("X-Status-Reason", "Authentication failed");
    }

    @Test
    void anEmptyKeyIs403() {
        given().header("Authorization", "Basic " + b64(Raas.PLATFORM + ":"))
                .get("/raas/v1/rewards")
                .then().statusCode(403)
                .header("X-Status-Reason", "Authentication failed");
    }

    @Test
    void badCredentialsAreRefusedBeforeTheEntityIsRead() {
        given().auth().preemptive().basic(Raas.PLATFORM, "wrong").contentType("application/json")
                .body("{not json")
                .post("/raas/v1/accounts")
                .then().statusCode(403)
                .header("X-Status-Reason", "Authentication failed");
    }

    @Test
    void bothConfiguredPlatformsAuthenticate() {
        raas().get("/raas/v1/rewards").then().statusCode(200);
        Raas.other().get("/raas/v1/rewards").then().statusCode(200);
    }

    // ---- Accept ----

    @ParameterizedTest
    @ValueSource(strings = {
            "*/*",
            "application/json",
            "application/json; charset=utf-8",
            "application/*",
            "text/html, application/json;q=0.9",
            "text/html,application/xhtml+xml,*/*;q=0.8" })
    void acceptHeadersThatAllowJsonAreServed(String accept) {
        given().auth().preemptive().basic(Raas.PLATFORM, Raas.KEY).header("Accept", accept)
                .get("/raas/v1/rewards")
                .then().statusCode(200)
                .contentType("application/json")
                .body("success", equalTo(true));
    }

    @Test
    void noAcceptHeaderIsServedAsJson() {
        HttpResponse<String> response = RawHttp.get("/raas/v1/rewards", "Authorization", RawHttp.demoAuth());
        assertThat(response.statusCode(), equalTo(200));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), equalTo("application/json; charset=utf-8"));
        assertThat(response.body(), startsWith("{\"success\":true"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/html", "application/xml", "text/plain, text/csv", "image/*" })
    void anAcceptItCannotServeIs400WithTheContentTypesItCan(String accept) {
        given().auth().preemptive().basic(Raas.PLATFORM, Raas.KEY).header("Accept", accept)
                .get("/raas/v1/rewards")
                .then().statusCode(400)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error_message", notNullValue())
                .body("content_types", contains("application/json"));
    }

    @Test
    void anUnservableAcceptIsRefusedOnPostsToo() {
        given().auth().preemptive().basic(Raas.PLATFORM, Raas.KEY).header("Accept", "application/xml")
                .contentType("application/json").body(Raas.accountJson(Raas.uniqueIdentifier(), "CompanyA"))
                .post("/raas/v1/accounts")
                .then().statusCode(400)
                .body("content_types", contains("application/json"));
    }

    // ---- Content-Type: JSON whatever the header says, and with none at all ----

    @Test
    void jsonWithoutAContentTypeHeaderIsParsed() {
        String id = Raas.uniqueIdentifier();
        HttpResponse<String> response = RawHttp.post("/raas/v1/accounts", Raas.accountJson(id, "CompanyA"),
                "Authorization", RawHttp.demoAuth());
        assertThat(response.request().headers().firstValue("Content-Type").isPresent(), equalTo(false));
        assertThat(response.body(), response.statusCode(), equalTo(201));
        assertThat(response.body(), containsString("\"identifier\":\"" + id + "\""));
        raas().get("/raas/v1/accounts/CompanyA/" + id).then().statusCode(200);
    }

    @Test
    void restAssuredWithNoContentTypeIsParsedToo() {
        String id = Raas.uniqueIdentifier();
        given().auth().preemptive().basic(Raas.PLATFORM, Raas.KEY).noContentType()
                .body(Raas.accountJson(id, "CompanyA").getBytes(StandardCharsets.UTF_8))
                .post("/raas/v1/accounts")
                .then().statusCode(201)
                .body("account.identifier", equalTo(id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-8",
            "application/octet-stream" })
    void jsonIsParsedWhateverContentTypeTheClientSent(String contentType) {
        String id = Raas.uniqueIdentifier();
        HttpResponse<String> response = RawHttp.post("/raas/v1/accounts", Raas.accountJson(id, "CompanyA"),
                "Authorization", RawHttp.demoAuth(), "Content-Type", contentType);
        assertThat(response.body(), response.statusCode(), equalTo(201));
    }

    @Test
    void unknownRequestFieldsAreIgnored() {
        String id = Raas.uniqueIdentifier();
        raas().body("""
                {"identifier": "%s", "email": "a@example.com", "customer": "CompanyA",
                 "nickname": "extra", "tags": ["x", {"deep": [1, 2, 3]}], "meta": {"a": null}}""".formatted(id))
                .post("/raas/v1/accounts")
                .then().statusCode(201)
                .body("account.identifier", equalTo(id))
                .body("account", not(hasKey("nickname")));
    }

    @Test
    void noSystemMessageIsAddedUnlessOneIsConfigured() {
        raas().get("/raas/v1/rewards").then().statusCode(200).body("$", not(hasKey("system_message")));
        given().get("/raas/v1/rewards").then().statusCode(401).body("$", not(hasKey("system_message")));
    }

    @Test
    void responsesAreJsonInUtf8() {
        raas().get("/raas/v1/rewards")
                .then().statusCode(200)
                .header("Content-Type", equalTo("application/json; charset=utf-8"));
    }

    // ---- 404, 405 and 500 in the spec's body shape ----

    @Test
    void anUnknownResourceIs404InTheSpecShape() {
        raas().get("/raas/v1/no-such-resource")
                .then().statusCode(404)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
    }

    @Test
    void aMissingPathSegmentIs404() {
        raas().get("/raas/v1/accounts/CompanyA")
                .then().statusCode(404)
                .body("success", equalTo(false));
    }

    @Test
    void aWrongMethodKeepsItsStatusAndTheSpecShape() {
        raas().get("/raas/v1/funds")
                .then().statusCode(405)
                .contentType("application/json")
                .header("Allow", containsString("POST"))
                .body("success", equalTo(false))
                .body("error_message", notNullValue());
        raas().delete("/raas/v1/accounts")
                .then().statusCode(405)
                .header("Allow", allOf(containsString("POST"), not(containsString("DELETE"))));
        raas().put("/raas/v1/orders")
                .then().statusCode(405)
                .header("Allow", allOf(containsString("GET"), containsString("POST")));
    }

    @Test
    void anUnexpectedFailureIs500WithAnErrorCodeAndNoStackTrace() {
        QuarkusMock.installMockForType(new SandboxAccounts(null, null, null, null) {
            @Override
            public SandboxAccount find(String platform, String customer, String identifier) {
                throw new IllegalStateException("connection to db-internal.example:5432 refused (secret detail)");
            }
        }, SandboxAccounts.class);

        String body = raas().get("/raas/v1/accounts/CompanyA/123456")
                .then().statusCode(500)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("error_message", matchesPattern("^RAAS:[A-Z]+:[0-9A-Z]+$"))
                .extract().asString();
        for (String leak : new String[] { "secret detail", "IllegalStateException", "at dev.accolade", "Exception" }) {
            assertThat(body, not(containsString(leak)));
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
