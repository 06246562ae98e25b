package dev.accolade.raas.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The client against the embedded sandbox with two of its settings changed: a two-second resend
 * interval (instead of 24 hours) and a system message on every response.
 */
@QuarkusTest
@TestProfile(RaasClientSandboxSettingsTest.Settings.class)
class RaasClientSandboxSettingsTest {

    static final String NOTE = "Sandbox maintenance tonight at 02:00 UTC";

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accolade.raas.sandbox.resend-interval", "PT2S",
                    "accolade.raas.sandbox.system-message", NOTE);
        }
    }

    @Inject
    RaasClient raas;

    @Test
    void anOrderMailedByRaasIsResentOnceTheIntervalHasPassed() throws Exception {
        String id = RaasClientSandboxTest.identifier();
        raas.createAccount(new AccountCreate(RaasClientSandboxTest.CUSTOMER, id, "finance@example.com"));
        raas.fund(new FundCreate(RaasClientSandboxTest.CUSTOMER, id, 5_000, "127.0.0.1",
                RaasClientSandboxTest.card(RaasClientSandboxTest.APPROVED, "12/39")));
        RaasOrder order = raas.placeOrder(RaasClientSandboxTest.order(id, "TNGO-E-V-STD", 1_000L, null));
        Thread.sleep(2_100); // the original mail counts as the last send

        raas.resend(order.orderId()); // no exception: RaaS mailed it again
    }

    @Test
    void theSandboxSystemMessageReachesTheApplication() throws Exception {
        raas.catalog();
        assertEquals(NOTE, raas.systemMessage().orElseThrow().text());
    }
}
