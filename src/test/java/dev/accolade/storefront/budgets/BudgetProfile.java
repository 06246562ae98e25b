package dev.accolade.storefront.budgets;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * No background jobs (the tests run the reconciler and the approvals' expiry themselves), and an
 * unknown order not found at RaaS is settled as never placed two seconds after its send.
 */
public class BudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("accolade.reconcile.give-up-after", "PT2S",
                "quarkus.scheduler.enabled", "false",
                // A cold start on a busy machine can take longer than the default 5 s for the first connection.
                "quarkus.datasource.jdbc.acquisition-timeout", "PT60S");
    }
}
