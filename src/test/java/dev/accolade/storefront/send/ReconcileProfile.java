package dev.accolade.storefront.send;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * WireMock between the client and the embedded sandbox, no background jobs (tests run the reconciler
 * and the held sends themselves), and a circuit breaker that opens after a few faults and closes
 * again two seconds later, as an outage that ends.
 */
public class ReconcileProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("accolade.raas.read-timeout-ms", "10000"),
                Map.entry("accolade.raas.circuit-breaker.request-volume-threshold", "4"),
                Map.entry("accolade.raas.circuit-breaker.delay", "PT2S"),
                Map.entry("accolade.raas.circuit-breaker.success-threshold", "1"),
                Map.entry("accolade.orders.unattended-retry-first", "PT0S"),
                Map.entry("accolade.orders.unattended-retry-max", "PT0.5S"),
                // One re-check five minutes after the send, then the give-up at 15: no pass of a test is due early.
                Map.entry("accolade.reconcile.recheck-after", "PT5M"),
                Map.entry("quarkus.scheduler.enabled", "false"),
                // A cold start on a busy machine can take longer than the default 5 s for the first connection.
                Map.entry("quarkus.datasource.jdbc.acquisition-timeout", "PT60S"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RaasProxy.class));
    }
}
