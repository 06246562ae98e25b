package dev.accolade.raas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.accolade.raas.client.RaasClientFaultsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.net.ssl.SSLHandshakeException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The client over HTTPS to a server whose certificate was not issued by the configured CA. */
@QuarkusTest
@TestProfile(TlsProfiles.UntrustedChain.class)
class RaasClientUntrustedTlsTest {

    @Inject
    RaasClient raas;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        TlsRaasServer.server().resetAll();
        breakers.reset("raas");
    }

    @Test
    void anOrderToAServerWithAnUntrustedChainIsNotSentAndSaysSo() {
        TlsRaasServer.server().stubFor(post("/raas/v1/orders").willReturn(json(201, RaasClientFaultsTest.ORDER_BODY)));

        RaasUnavailable e = assertThrows(RaasUnavailable.class, () -> raas.placeOrder(RaasClientFaultsTest.ORDER));

        assertEquals(RaasFaultKind.NOT_CONNECTED, e.kind());
        assertTrue(e.notSent());
        assertTrue(RaasClientTlsTest.causedBy(e, SSLHandshakeException.class), e.toString());
        TlsRaasServer.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aReadFromAServerWithAnUntrustedChainIsUnavailable() {
        TlsRaasServer.server().stubFor(get("/raas/v1/rewards").willReturn(json(200, "{\"success\": true, \"brands\": []}")));

        RaasUnavailable e = assertThrows(RaasUnavailable.class, () -> raas.catalog());

        assertEquals(RaasFaultKind.NOT_CONNECTED, e.kind());
        TlsRaasServer.server().verify(0, anyRequestedFor(anyUrl()));
    }
}
