package dev.accolade.raas.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An HTTPS WireMock for the TLS tests. The client always trusts the "trusted" test CA (as
 * ACCOLADE_RAAS_CA_BUNDLE); the server presents a chain from that CA or, with
 * {@code chain=rogue}, a self-signed certificate nobody vouches for.
 */
public class TlsRaasServer implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;
    private String chain = "trusted";

    static WireMockServer server() {
        return server;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        chain = initArgs.getOrDefault("chain", "trusted");
    }

    @Override
    public Map<String, String> start() {
        TestCertificates.Authority presented = chain.equals("rogue") ? TestCertificates.rogue() : TestCertificates.trusted();
        server = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(presented.serverKeyStore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestCertificates.PASSWORD)
                .keyManagerPassword(TestCertificates.PASSWORD));
        server.start();
        return Map.of(
                "quarkus.rest-client.raas.url", "https://localhost:" + server.httpsPort() + "/raas/v1",
                "accolade.raas.ca-bundle", TestCertificates.trusted().caPem().toString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
