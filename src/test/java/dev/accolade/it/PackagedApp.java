package dev.accolade.it;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Configures the packaged application (prod profile) for the @QuarkusIntegrationTest classes, as an
 * operator would with environment variables: PostgreSQL (schema cleaned at start, so runs never
 * clash), a random session key, the embedded sandbox with a random platform key, demo data. The
 * values are passed as system properties: under the variable's name where the prod configuration
 * reads it through an expression (DB_URL, ACCOLADE_SESSION_KEY, ...), else under the property's name
 * (a system property, unlike an environment variable, is not mapped from ACCOLADE_RAAS_URL to
 * accolade.raas.url).
 */
public class PackagedApp implements QuarkusTestResourceLifecycleManager {

    static final String SESSION_KEY = "it-session-" + ItDatabase.random(24);
    static final String RAAS_KEY = "it-raas-" + ItDatabase.random(18);
    static final String DB_PASSWORD = ItDatabase.passwordToUse();

    @Override
    public Map<String, String> start() {
        String port = System.getProperty("quarkus.http.test-port");
        if (port == null || port.equals("0")) {
            throw new IllegalStateException("quarkus.http.test-port must be a fixed port (set by the pom)");
        }
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", ItDatabase.url(null));
        env.put("DB_USER", ItDatabase.USER);
        env.put("DB_PASSWORD", DB_PASSWORD);
        env.put("quarkus.flyway.clean-at-start", "true");
        env.put("quarkus.flyway.clean-disabled", "false");
        env.put("ACCOLADE_SESSION_KEY", SESSION_KEY);
        env.put("ACCOLADE_RAAS_SANDBOX_ENABLED", "true");
        env.put("ACCOLADE_RAAS_SANDBOX_DEMO_KEY", RAAS_KEY);
        env.put("accolade.raas.url", "http://localhost:" + port + "/raas/v1");
        env.put("accolade.raas.platform-name", "accolade-demo");
        env.put("accolade.raas.platform-key", RAAS_KEY);
        env.put("accolade.demo-data.enabled", "true");
        return env;
    }

    @Override
    public void stop() {
    }
}
