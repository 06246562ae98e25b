package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.raas;
import static dev.accolade.raas.sandbox.Raas.uniqueIdentifier;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SandboxAccountsTest {

    @Test
    void theSpecExampleCreatesAnAccountWith201AndLocation() {
        String id = uniqueIdentifier();
        raas().body("""
                {
                    "identifier": "%s",
                    "email"     : "demo@example.com",
                    "customer"  : "CompanyA"
                }""".formatted(id))
                .post("/raas/v1/accounts")
                .then().statusCode(201)
                .contentType("application/json")
                .header("Location", endsWith("/raas/v1/accounts/CompanyA/" + id))
                .body("success", equalTo(true))
                .body("account.identifier", equalTo(id))
                .body("account.email", equalTo("demo@example.com"))
                .body("account.customer", equalTo("CompanyA"))
                .body("account.available_balance", equalTo(0));

        raas().get("/raas/v1/accounts/CompanyA/" + id)
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("account.identifier", equalTo(id))
                .body("account.available_balance", equalTo(0));
    }

    @Test
    void aNulInAnyTextIsARaasErrorNotAServerError() {
        // Refused with RaaS's JSON error (the account's customer is checked first, so here a 403), never a 500.
        raas().body(Raas.accountJson(uniqueIdentifier(), "a\\u0000b"))
                .post("/raas/v1/accounts")
                .then().statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(org.hamcrest.Matchers.lessThan(500)))
                .contentType("application/json")
                .body("success", equalTo(false));
        raas().urlEncodingEnabled(false).get("/raas/v1/accounts/a%00b/x").then().statusCode(404).body("success", equalTo(false));
        // A date past what a database keeps is no bound on that side, not a server error.
        raas().get("/raas/v1/orders?end_date=-999999999-01-01").then().statusCode(org.hamcrest.Matchers.lessThan(500))
                .body("success", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theLongestValuesTheSchemaAllowsAreAccepted() {
        // account_create gives the email a pattern but no length, and the customer up to 96 characters,
        // counted as characters: here each is outside the Basic Multilingual Plane (two UTF-16 units).
        String id = uniqueIdentifier();
        String email = "finance." + "x".repeat(1000) + "@example.com";
        String customer = "\\uD83C\\uDF89".repeat(96);
        raas().body("""
                {"identifier": "%s", "email": "%s", "customer": "%s"}""".formatted(id, email, customer))
                .post("/raas/v1/accounts")
                .then().statusCode(201)
                .body("account.email", equalTo(email))
                .body("account.customer", equalTo("\uD83C\uDF89".repeat(96)));
        raas().get("/raas/v1/accounts/{customer}/{identifier}", "\uD83C\uDF89".repeat(96), id)
                .then().statusCode(200)
                .body("account.email", equalTo(email));
    }

    @Test
    void aCustomerOneCharacterOverTheSchemasLimitIs403() {
        raas().body("""
                {"identifier": "%s", "email": "a@example.com", "customer": "%s"}""".formatted(uniqueIdentifier(),
                        "\\uD83C\\uDF89".repeat(97)))
                .post("/raas/v1/accounts")
                .then().statusCode(403)
                .body("invalid_inputs.field", hasItem("customer"));
    }

    @Test
    void anExistingIdentifierIs409EvenForAnotherCustomer() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.accountJson(id, "CompanyB"))
                .post("/raas/v1/accounts")
                .then().statusCode(409)
                .body("success", equalTo(false))
                .body("error_message", equalTo("The account already exists for the platform."));
    }

    @Test
    void anAccountIsFoundOnlyUnderItsOwnCustomer() {
        String id = Raas.createAccount("CompanyA");
        raas().get("/raas/v1/accounts/CompanyB/" + id)
                .then().statusCode(404)
                .body("success", equalTo(false))
                .body("$", hasKey("error_message"));
    }

    @Test
    void anotherPlatformNeitherSeesNorCollidesWithTheAccount() {
        String id = Raas.createAccount("CompanyA");
        Raas.other().get("/raas/v1/accounts/CompanyA/" + id).then().statusCode(404);
        // identifiers are unique per platform, not globally
        Raas.other().body(Raas.accountJson(id, "CompanyA")).post("/raas/v1/accounts").then().statusCode(201);
    }

    @Test
    void schemaFailuresNameEachFieldWith403ValidationFailed() {
        raas().body("""
                {"identifier": "bad id!", "email": "not-an-email", "customer": "AB"}""")
                .post("/raas/v1/accounts")
                .then().log().ifValidationFails().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("success", equalTo(false))
                .body("invalid_inputs.field", hasItem("identifier"))
                .body("invalid_inputs.field", hasItem("email"))
                .body("invalid_inputs.field", hasItem("customer"))
                .body("invalid_inputs.error", not(hasItem("")));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        raas().body("""
                {"identifier": "%s", "customer": "CompanyA"}""".formatted(uniqueIdentifier()))
                .post("/raas/v1/accounts")
                .then().statusCode(403)
                .header("X-Status-Reason", "Validation failed")
                .body("invalid_inputs.field", hasItem("email"));
    }
}
