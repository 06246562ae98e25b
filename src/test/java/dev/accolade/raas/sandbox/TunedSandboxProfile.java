package dev.accolade.raas.sandbox;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The sandbox as an operator may tune it: a {@code system_message} on every response (as RaaS sends
 * before planned outages), and the real sandbox's five-minute card activation delay, which is the
 * default everywhere but in the test profile; and the inbox closed to anonymous visitors on this
 * machine, as everywhere but in dev and the tests. One profile for all three, since each profile
 * restarts the application.
 */
public class TunedSandboxProfile implements QuarkusTestProfile {

    static final String SYSTEM_MESSAGE = "Planned maintenance on 2013-12-01 from 02:00 to 04:00 UTC.";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "accolade.raas.sandbox.system-message", SYSTEM_MESSAGE,
                "accolade.raas.sandbox.card-activation-delay", "PT5M",
                "accolade.raas.sandbox.inbox-open-on-localhost", "false");
    }
}
