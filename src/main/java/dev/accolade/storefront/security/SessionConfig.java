package dev.accolade.storefront.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sign-in sessions, under {@code accolade.session}. */
@ConfigMapping(prefix = "accolade.session")
public interface SessionConfig {

    /**
     * Secret that signs session cookies. Every replica must share it (a Kubernetes Secret in
     * production); at least 32 characters.
     */
    String key();

    /** A session ends after this long without a request. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after sign-in, however active. */
    @WithDefault("PT12H")
    Duration absoluteTimeout();

    /** Failed sign-ins in a row that lock an account. */
    @WithDefault("10")
    int maxFailedAttempts();

    /** How long a locked account stays locked. */
    @WithDefault("PT30M")
    Duration lockout();

    /**
     * Sign-in attempts one client address may make per {@link #throttleWindow()}; successful ones
     * do not count. Over it, the address is refused until the window ends.
     */
    @WithDefault("20")
    int throttleAttempts();

    /** The window of {@link #throttleAttempts()}. */
    @WithDefault("PT5M")
    java.time.Duration throttleWindow();

    /** Mark cookies Secure even when the request itself arrived over plain HTTP (behind TLS proxies). */
    @WithDefault("false")
    boolean forceSecureCookies();
}
