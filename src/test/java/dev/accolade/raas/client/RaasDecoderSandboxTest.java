package dev.accolade.raas.client;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Errors the client itself never provokes (it always sends credentials, JSON and a good Accept),
 * taken from the embedded sandbox as it really answers and decoded by the client's decoder.
 */
@QuarkusTest
class RaasDecoderSandboxTest {

    @Inject
    RaasDecoder decoder;

    @Test
    void noCredentialsIsAuthenticationNeeded() {
        io.restassured.response.Response answer = given().contentType("application/json").get("/raas/v1/rewards");
        assertEquals(401, answer.statusCode());
        assertThrows(RaasFailure.AuthenticationNeeded.class, () -> decode(RaasEndpoint.REWARDS_LIST, answer));
    }

    @Test
    void aWrongKeyIsAuthenticationFailed() {
        io.restassured.response.Response answer = given().auth().preemptive().basic("accolade-demo", "wrong")
                .get("/raas/v1/rewards");
        RaasFailure.AuthenticationFailed e = assertThrows(RaasFailure.AuthenticationFailed.class,
                () -> decode(RaasEndpoint.REWARDS_LIST, answer));
        assertEquals(403, e.status());
    }

    @Test
    void aBodyThatIsNotJsonIsInvalidEntity() {
        io.restassured.response.Response answer = demo().body("this is not json").post("/raas/v1/orders");
        assertThrows(RaasFailure.InvalidEntity.class, () -> decode(RaasEndpoint.ORDER_CREATE, answer));
    }

    @Test
    void anAcceptThatIsNotJsonIsUnacceptableAccept() {
        io.restassured.response.Response answer = demo().accept("text/html").get("/raas/v1/rewards");
        RaasFailure.UnacceptableAccept e = assertThrows(RaasFailure.UnacceptableAccept.class,
                () -> decode(RaasEndpoint.REWARDS_LIST, answer));
        assertEquals(java.util.List.of("application/json"), e.contentTypes());
    }

    static RequestSpecification demo() {
        return given().auth().preemptive().basic("accolade-demo", "sandbox-demo-key").contentType("application/json");
    }

    Object decode(RaasEndpoint endpoint, io.restassured.response.Response answer) throws RaasFailure {
        RestResponse.ResponseBuilder<byte[]> builder = RestResponse.ResponseBuilder.create(
                Response.Status.fromStatusCode(answer.statusCode()), answer.asByteArray());
        answer.headers().forEach(h -> builder.header(h.getName(), h.getValue()));
        return decoder.decode(endpoint, builder.build(), body -> body);
    }
}
