package dev.accolade.raas.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the embedded RaaS v1 sandbox, under {@code accolade.raas.sandbox}. */
@ConfigMapping(prefix = "accolade.raas.sandbox")
public interface SandboxConfig {

    /** Serves {@code /raas/v1} and {@code /raas-sandbox}; off in production unless enabled. */
    @WithDefault("false")
    boolean enabled();

    /** Platforms by name; HTTP Basic user name is the platform name, password its key. */
    Map<String, Platform> platforms();

    /** A note added as {@code system_message} to every response, as RaaS does before outages. */
    Optional<String> systemMessage();

    /**
     * How long a card registered with {@code cc_register} waits before {@code cc_fund} may charge it,
     * reflected in the response's {@code active_date}. The 2015 v1 README: "In the sandbox environment
     * the credit card registration delay is set to 5 minutes." Tests shorten it to nothing
     * ({@code %test.} in application.properties); {@code PT0S} turns it off anywhere.
     */
    @WithDefault("PT5M")
    Duration cardActivationDelay();

    /** Largest request body the API accepts. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Deepest JSON nesting the API parses. */
    @WithDefault("32")
    int maxJsonDepth();

    /**
     * Reproduces the documented sandbox failure of some Amazon.com denominations ($20 fails with
     * RAAS:OC:1003), so clients can exercise their handling of system errors.
     */
    @WithDefault("true")
    boolean simulateAmazonFailure();

    /**
     * How long the sandbox waits, after an order is committed, before answering: makes "RaaS placed
     * the order but its answer never arrived" reproducible for clients' timeout handling.
     */
    @WithDefault("PT0S")
    Duration orderResponseDelay();

    /** Minimum time between two resends of one order (the spec: 24 hours). */
    @WithDefault("PT24H")
    Duration resendInterval();

    /**
     * The role (of the storefront's sign-in) whose users may read the inbox at
     * {@code /raas-sandbox/inbox}, which shows every reward's code and PIN.
     */
    @WithDefault("ADMIN")
    String inboxRole();

    /**
     * Whether anyone on this machine (a loopback address, no proxy in between) may read the inbox
     * without signing in: on in dev and the tests, so a newcomer sees a reward arrive.
     */
    @WithDefault("false")
    boolean inboxOpenOnLocalhost();

    interface Platform {
        String key();
    }
}
