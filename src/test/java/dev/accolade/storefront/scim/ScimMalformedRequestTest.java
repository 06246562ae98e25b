package dev.accolade.storefront.scim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accolade.storefront.directory.Employee;

/** Malformed SCIM requests get the RFC's error body with a 4xx, never a 5xx or an HTML page. */
@QuarkusTest
class ScimMalformedRequestTest {

    String token;
    String ada;
    String engineering;

    @BeforeEach
    void token() {
        token = ScimClientTest.makeToken("Malformed " + System.nanoTime());
        ada = QuarkusTransaction.requiringNew().call(() -> Employee.findByEmail("ada.lovelace@accolade.test")
                .orElseThrow().id.toString());
        engineering = QuarkusTransaction.requiringNew().call(() -> dev.accolade.storefront.directory.Department
                .findByName("Engineering").orElseThrow().id.toString());
    }

    Response call(String method, String path, String body) {
        var r = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token)
                .contentType("application/scim+json");
        if (body != null) {
            r = r.body(body);
        }
        return r.request(method, "/scim/v2" + path);
    }

    @Test
    void everyMalformedRequestGetsAScimErrorBody() {
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":";
        Object[][] cases = {
            { "POST", "/Users", "", 400, "invalidSyntax" },
            { "POST", "/Users", "{not json", 400, "invalidSyntax" },
            { "POST", "/Users", "[1,2]", 400, "invalidSyntax" },
            { "POST", "/Users", "\"text\"", 400, "invalidSyntax" },
            { "POST", "/Users", "{\"userName\": 42}", 400, "invalidValue" },
            { "POST", "/Users", "{\"userName\": \"not-an-email\", \"displayName\": \"X\"}", 400, "invalidValue" },
            { "POST", "/Users", "{\"displayName\": \"No User Name\"}", 400, "invalidValue" },
            { "POST", "/Users", "{\"userName\": \"a@b.example\", \"active\": \"maybe\"}", 400, "invalidValue" },
            { "POST", "/Users", "{\"userName\": \"a@b.example\", \"emails\": \"a@b.example\"}", 400, "invalidValue" },
            { "POST", "/Users", "{\"userName\": \"a@b.example\", \"name\": \"A B\"}", 400, "invalidValue" },
            { "POST", "/Users", "{\"userName\": \"a\\u0000@b.example\"}", 400, "invalidValue" },
            { "POST", "/Users", "[".repeat(100) + "]".repeat(100), 400, "invalidSyntax" },
            { "PATCH", "/Users/" + "ADA", "{}", 400, "invalidSyntax" },
            { "PATCH", "/Users/" + "ADA", "{\"Operations\": []}", 400, "invalidSyntax" },
            { "PATCH", "/Users/" + "ADA", patch + "[]}", 400, "invalidSyntax" },
            { "PATCH", "/Users/" + "ADA", patch + "[{\"op\":\"move\",\"path\":\"active\",\"value\":false}]}", 400, "invalidSyntax" },
            { "PATCH", "/Users/" + "ADA", patch + "[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"x\"}]}", 400, "invalidPath" },
            { "PATCH", "/Users/" + "ADA", patch + "[{\"op\":\"replace\",\"path\":\"active\"}]}", 400, "invalidValue" },
            { "PATCH", "/Users/" + "ADA", patch + "[{\"op\":\"remove\",\"path\":\"userName\"}]}", 400, "mutability" },
            { "PATCH", "/Users/" + "ADA", patch + "[{\"op\":\"replace\",\"value\":\"x\"}]}", 400, "invalidValue" },
            { "PATCH", "/Users/" + "ADA", patch + "[{\"op\":\"replace\",\"path\":7,\"value\":1}]}", 400, "invalidPath" },
            { "PUT", "/Users/" + "ADA", "{\"displayName\": \"No User Name\"}", 400, "invalidValue" },
            { "GET", "/Users?filter=userName%20eq", null, 400, "invalidFilter" },
            { "GET", "/Users?filter=name.givenName%20eq%20%22Ada%22", null, 400, "invalidFilter" },
            { "GET", "/Users?filter=userName%20eq%20%22a%22%20and%20active%20eq%20true", null, 400, "invalidFilter" },
            { "GET", "/Users?filter=userName%20eq%20%22a%00b%40c.example%22", null, 400, "invalidFilter" },
            { "GET", "/Users/%00", null, 404, null },
            { "GET", "/Users?startIndex=first", null, 400, "invalidValue" },
            { "GET", "/Users?count=99999999999999999999", null, 400, "invalidValue" },
            { "GET", "/Users/abc", null, 404, null },
            { "GET", "/Users/-1", null, 404, null },
            { "GET", "/Users/99999999999999999999999", null, 404, null },
            { "GET", "/Groups/abc", null, 404, null },
            { "GET", "/Nothing", null, 404, null },
            { "DELETE", "/Users/abc", null, 404, null },
            { "PATCH", "/Groups/ENG", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"abc\"}]}]}", 400, "invalidValue" },
            { "PUT", "/Groups/ENG", "{\"displayName\": 5}", 400, "mutability" },
            { "POST", "/Groups", "{}", 400, "invalidValue" },
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] c : cases) {
            String path = ((String) c[1]).replace("ADA", ada).replace("ENG", engineering);
            Response r = call((String) c[0], path, (String) c[2]);
            String body = r.asString();
            boolean ok = r.statusCode() == (int) c[3] && r.contentType().startsWith("application/scim+json")
                    && body.contains("urn:ietf:params:scim:api:messages:2.0:Error")
                    && body.contains("\"status\":\"" + c[3] + "\"")
                    && (c[4] == null || body.contains("\"scimType\":\"" + c[4] + "\""));
            if (!ok) {
                wrong.add(c[0] + " " + path + " -> " + r.statusCode() + " " + body);
            }
        }
        assertEquals(List.of(), wrong);
        // Nothing refused changed Ada.
        Employee after = QuarkusTransaction.requiringNew().call(() -> Employee.findByEmail("ada.lovelace@accolade.test").orElseThrow());
        assertEquals(true, after.active);
    }

    @Test
    void noTokenIs401WithAChallenge() {
        given().get("/scim/v2/Users").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/scim+json")
                .body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("401"));
        given().header("Authorization", "Basic YWRtaW46eA==").post("/scim/v2/Users").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/scim/v2/ServiceProviderConfig").then().statusCode(401);
    }
}
