package dev.accolade.raas.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An in-process WireMock standing in for RaaS; the client's URL points at it. */
public class WireMockRaas implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.raas.url", server.baseUrl() + "/raas/v1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
