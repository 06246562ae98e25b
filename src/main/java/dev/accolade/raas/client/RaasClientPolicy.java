package dev.accolade.raas.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with settings that would make the RaaS connection unsafe: trusting any
 * certificate, skipping the host-name check (both would let anyone in the middle read card numbers
 * and platform keys), or logging request bodies (they carry card numbers).
 */
class RaasClientPolicy {

    void check(@Observes StartupEvent event, Config config) {
        List<String> violations = violations(name -> config.getOptionalValue(name, String.class));
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Unsafe RaaS client settings: " + String.join("; ", violations));
        }
    }

    static List<String> violations(Function<String, Optional<String>> config) {
        List<String> found = new ArrayList<>();
        String tls = config.apply("quarkus.rest-client.raas.tls-configuration-name")
                .or(() -> config.apply("quarkus.rest-client.tls-configuration-name")).orElse(null);
        List<String> trustAll = new ArrayList<>(List.of("quarkus.tls.trust-all",
                "quarkus.rest-client.raas.trust-all", "quarkus.rest-client.trust-all"));
        if (tls != null) {
            trustAll.add("quarkus.tls." + tls + ".trust-all");
            config.apply("quarkus.tls." + tls + ".hostname-verification-algorithm")
                    .filter(v -> v.equalsIgnoreCase("NONE"))
                    .ifPresent(v -> found.add("quarkus.tls." + tls + ".hostname-verification-algorithm=NONE"));
        }
        for (String key : trustAll) {
            config.apply(key).filter(v -> v.equalsIgnoreCase("true")).ifPresent(v -> found.add(key + "=true"));
        }
        for (String key : List.of("quarkus.rest-client.raas.verify-host", "quarkus.rest-client.verify-host")) {
            config.apply(key).filter(v -> v.equalsIgnoreCase("false")).ifPresent(v -> found.add(key + "=false"));
        }
        for (String key : List.of("quarkus.rest-client.raas.hostname-verifier", "quarkus.rest-client.hostname-verifier")) {
            config.apply(key).filter(v -> !v.isBlank()).ifPresent(v -> found.add(key + " is set"));
        }
        for (String key : List.of("quarkus.rest-client.raas.logging.scope", "quarkus.rest-client.logging.scope")) {
            config.apply(key).filter(v -> v.equalsIgnoreCase("request-response") || v.equalsIgnoreCase("all"))
                    .ifPresent(v -> found.add(key + "=" + v + " would log card numbers"));
        }
        return found;
    }
}
