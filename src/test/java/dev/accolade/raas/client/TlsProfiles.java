package dev.accolade.raas.client;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The client over HTTPS, trusting only the PEM bundle of the test CA. */
final class TlsProfiles {

    private TlsProfiles() {
    }

    /** The server's chain comes from the configured CA. */
    public static class TrustedChain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accolade.raas.retry.delay", "PT0.02S", "accolade.raas.retry.max-delay", "PT0.1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsRaasServer.class, Map.of("chain", "trusted")));
        }
    }

    /** The server presents a self-signed certificate that the configured CA did not issue. */
    public static class UntrustedChain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accolade.raas.retry.delay", "PT0.02S", "accolade.raas.retry.max-delay", "PT0.1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsRaasServer.class, Map.of("chain", "rogue")));
        }
    }
}
