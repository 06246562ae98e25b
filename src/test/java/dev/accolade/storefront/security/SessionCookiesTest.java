package dev.accolade.storefront.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Session cookies: signed, and refused after 30 minutes idle or 12 hours in all. */
class SessionCookiesTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static SessionConfig config() {
        return new SessionConfig() {
            public String key() {
                return "a-test-key-that-is-long-enough-0123456789";
            }

            public Duration idleTimeout() {
                return Duration.ofMinutes(30);
            }

            public Duration absoluteTimeout() {
                return Duration.ofHours(12);
            }

            public int maxFailedAttempts() {
                return 10;
            }

            public Duration lockout() {
                return Duration.ofMinutes(30);
            }

            public int throttleAttempts() {
                return 20;
            }

            public Duration throttleWindow() {
                return Duration.ofMinutes(5);
            }

            public boolean forceSecureCookies() {
                return false;
            }
        };
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutes() {
        MovableClock clock = new MovableClock();
        SessionCookies cookies = new SessionCookies(config(), clock);
        cookies.init();
        String value = cookies.signIn(7, 0, "s1", false).getValue();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(cookies.read(value).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertFalse(cookies.read(value).isPresent());
    }

    @Test
    void anActiveSessionStillEndsTwelveHoursAfterSignIn() {
        MovableClock clock = new MovableClock();
        SessionCookies cookies = new SessionCookies(config(), clock);
        cookies.init();
        long signedIn = clock.millis() / 1000;
        String value = cookies.signIn(7, 0, "s1", false).getValue();
        // Active every 20 minutes: each request re-issues the cookie with a new idle deadline.
        for (int i = 0; i < 35; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(20));
            var s = cookies.read(value);
            assertTrue(s.isPresent(), "still signed in after " + (i + 1) * 20 + " minutes");
            value = cookies.issue(7, 0, signedIn, "s1", false).getValue();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(25));
        assertFalse(cookies.read(value).isPresent(), "ended 12 hours after sign-in");
    }

    @Test
    void aCookieSignedWithAnotherKeyIsRefused() {
        MovableClock clock = new MovableClock();
        SessionCookies cookies = new SessionCookies(config(), clock);
        cookies.init();
        SessionConfig other = new SessionConfig() {
            public String key() {
                return "another-key-that-is-also-long-enough-987654";
            }

            public Duration idleTimeout() {
                return Duration.ofMinutes(30);
            }

            public Duration absoluteTimeout() {
                return Duration.ofHours(12);
            }

            public int maxFailedAttempts() {
                return 10;
            }

            public Duration lockout() {
                return Duration.ofMinutes(30);
            }

            public int throttleAttempts() {
                return 20;
            }

            public Duration throttleWindow() {
                return Duration.ofMinutes(5);
            }

            public boolean forceSecureCookies() {
                return false;
            }
        };
        SessionCookies forger = new SessionCookies(other, clock);
        forger.init();
        assertFalse(cookies.read(forger.signIn(1, 0, "s1", false).getValue()).isPresent());
    }
}
