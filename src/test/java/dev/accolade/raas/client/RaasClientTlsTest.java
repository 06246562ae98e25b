package dev.accolade.raas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.accolade.raas.client.RaasClientFaultsTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import javax.net.ssl.SSLHandshakeException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.tls.TlsConfigurationRegistry;

/** The client over HTTPS to a server whose chain comes from the CA configured as a PEM bundle. */
@QuarkusTest
@TestProfile(TlsProfiles.TrustedChain.class)
class RaasClientTlsTest {

    @Inject
    RaasClient raas;

    @Inject
    TlsConfigurationRegistry tls;

    @BeforeEach
    void reset() {
        TlsRaasServer.server().resetAll();
    }

    @Test
    void aServerCertifiedByTheConfiguredPemCaIsAccepted() throws Exception {
        TlsRaasServer.server().stubFor(get("/raas/v1/accounts/CompanyA/acct-12345").willReturn(json(200, """
                {"success": true, "account": {"identifier": "acct-12345", "email": "a@example.com",
                 "customer": "CompanyA", "available_balance": 42}}""")));

        assertEquals(42L, raas.account("CompanyA", "acct-12345").availableBalance());
    }

    @Test
    void aCertificateForAnotherHostNameIsRefusedBeforeAnythingIsSent() {
        // Same trusted chain, but reached as 127.0.0.1 while the certificate names only localhost.
        RaasApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("https://127.0.0.1:" + TlsRaasServer.server().httpsPort() + "/raas/v1"))
                .tlsConfiguration(tls.get(RaasTrust.NAME).orElseThrow())
                .build(RaasApi.class);

        Exception e = assertThrows(Exception.class, () -> api.account("CompanyA", "acct-12345"));

        assertEquals(RaasFaultKind.NOT_CONNECTED, RaasFault.of(e).kind);
        assertTrue(causedBy(e, SSLHandshakeException.class), e.toString());
        TlsRaasServer.server().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theJvmTrustStoreAloneDoesNotTrustTheTestCa() {
        RaasApi api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create("https://localhost:" + TlsRaasServer.server().httpsPort() + "/raas/v1"))
                .tlsConfiguration(tls.get(RaasTrust.JVM_DEFAULT).orElseThrow())
                .build(RaasApi.class);

        Exception e = assertThrows(Exception.class, () -> api.account("CompanyA", "acct-12345"));

        assertTrue(causedBy(e, SSLHandshakeException.class), e.toString());
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
