package dev.accolade.raas.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The sandbox's settings as each profile gets them from the shipped application.properties (and
 * nothing else: no environment variables), read through {@link SandboxConfig} itself.
 */
class SandboxConfigDefaultsTest {

    /**
     * The card activation delay is the spec's five minutes (2015 v1 README, cc_register) unless a
     * profile shortens it: only the test profile does.
     */
    @ParameterizedTest
    @CsvSource({ "prod, PT5M", "dev, PT5M", "test, PT0S" })
    void theCardActivationDelayIsFiveMinutesUnlessTheTestsShortenIt(String profile, Duration expected)
            throws IOException {
        assertEquals(expected, config(profile).cardActivationDelay());
    }

    private static SandboxConfig config(String profile) throws IOException {
        URL properties = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withMapping(SandboxConfig.class)
                .build();
        return config.getConfigMapping(SandboxConfig.class);
    }
}
