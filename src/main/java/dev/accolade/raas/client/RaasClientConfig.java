package dev.accolade.raas.client;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the RaaS client, under {@code accolade.raas} (environment: {@code ACCOLADE_RAAS_*}).
 * The REST client itself reads {@code quarkus.rest-client.raas.*}, whose values default to these.
 */
@ConfigMapping(prefix = "accolade.raas")
public interface RaasClientConfig {

    /** Base URL of the RaaS v1 API, e.g. {@code https://api.tangocard.com/raas/v1}. */
    String url();

    /** Platform name: the HTTP Basic user name. */
    String platformName();

    /** Platform key: the HTTP Basic password. A secret: never logged, never shown. */
    String platformKey();

    /** Time to open a connection, in milliseconds. */
    @WithDefault("5000")
    long connectTimeoutMs();

    /** Time to wait for the response once the request is sent, in milliseconds. */
    @WithDefault("30000")
    long readTimeoutMs();

    /** A PEM file of CA certificates to trust instead of the JVM trust store. */
    Optional<String> caBundle();

    /** Retries of reads; writes are never retried. */
    Retry retry();

    /** The circuit breaker shared by every call. */
    CircuitBreaker circuitBreaker();

    interface Retry {

        /** Further attempts after the first one failed. */
        @WithDefault("2")
        int maxRetries();

        /** Wait before the first retry; it doubles for each further retry. */
        @WithDefault("PT0.2S")
        Duration delay();

        /** The longest wait between two attempts. */
        @WithDefault("PT2S")
        Duration maxDelay();
    }

    interface CircuitBreaker {

        /** Calls looked at before the circuit may open. */
        @WithDefault("10")
        int requestVolumeThreshold();

        /** Share of failed calls among them that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open circuit refuses calls before it lets a trial call through. */
        @WithDefault("PT30S")
        Duration delay();

        /** Successful trial calls that close the circuit again. */
        @WithDefault("2")
        int successThreshold();
    }
}
