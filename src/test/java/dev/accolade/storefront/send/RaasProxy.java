package dev.accolade.storefront.send;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * WireMock between the storefront's RaaS client and the embedded sandbox, to inject faults into a
 * real exchange: RaaS can accept an order while its answer never reaches Accolade.
 */
public class RaasProxy implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

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

    /** Short RaaS read timeout, no background jobs (tests run the reconciler themselves). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accolade.raas.read-timeout-ms", "1500",
                    "accolade.raas.sandbox.order-response-delay", "PT3S",
                    // Faults injected by one test must not open the circuit for the next one.
                    "accolade.raas.circuit-breaker.request-volume-threshold", "1000",
                    "accolade.reconcile.give-up-after", "PT2S",
                    "quarkus.scheduler.enabled", "false");
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(RaasProxy.class));
        }
    }
}
