package dev.accolade.storefront.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The session key signs every session cookie and derives every CSRF token: whoever knows it can sign
 * in as anyone. The packaged application therefore refuses to start with a key published in this
 * repository (the dev and test profiles' keys) or one shorter than 32 bytes, saying why.
 */
@Singleton
public class SessionKeyCheck {

    /** Keys anyone can read in the repository's configuration. */
    static final Set<String> PUBLISHED = Set.of("dev-only-session-key-change-me-0123456789",
            "test-only-session-key-change-me-0123456789", "change-me-to-a-random-secret-of-at-least-32-characters");

    static final int MIN_BYTES = 32;

    void onStart(@Observes StartupEvent start, @ConfigProperty(name = "accolade.session.key") String key) {
        problem(key, LaunchMode.current() == LaunchMode.NORMAL).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** What is wrong with the key, if anything; a published key is refused in production only. */
    static Optional<String> problem(String key, boolean production) {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            return Optional.of("ACCOLADE_SESSION_KEY (accolade.session.key) must have at least " + MIN_BYTES
                    + " bytes; generate one with: openssl rand -base64 48");
        }
        if (production && PUBLISHED.contains(key.strip())) {
            return Optional.of("ACCOLADE_SESSION_KEY (accolade.session.key) is a key published in Accolade's "
                    + "repository, with which anyone can sign in as anyone; set a secret of your own: "
                    + "openssl rand -base64 48");
        }
        return Optional.empty();
    }
}
