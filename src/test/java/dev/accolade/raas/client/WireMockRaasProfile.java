package dev.accolade.raas.client;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The client against WireMock, with short timeouts and backoff so faults are quick to provoke. */
public class WireMockRaasProfile implements QuarkusTestProfile {

    /** Short, but long enough for a cold first call on a busy machine. */
    static final int READ_TIMEOUT_MS = 4000;
    static final int MAX_RETRIES = 2;
    static final int CIRCUIT_VOLUME = 6;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "accolade.raas.read-timeout-ms", String.valueOf(READ_TIMEOUT_MS),
                "accolade.raas.connect-timeout-ms", "1000",
                "accolade.raas.retry.max-retries", String.valueOf(MAX_RETRIES),
                "accolade.raas.retry.delay", "PT0.02S",
                "accolade.raas.retry.max-delay", "PT0.1S",
                "accolade.raas.circuit-breaker.request-volume-threshold", String.valueOf(CIRCUIT_VOLUME),
                "accolade.raas.circuit-breaker.failure-ratio", "1.0",
                "accolade.raas.circuit-breaker.delay", "PT60S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockRaas.class));
    }
}
