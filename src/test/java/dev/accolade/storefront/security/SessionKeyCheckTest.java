package dev.accolade.storefront.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Production does not start with a published or short session key, and says why. */
class SessionKeyCheckTest {

    @Test
    void productionRefusesTheKeysPublishedInTheRepository() {
        for (String published : SessionKeyCheck.PUBLISHED) {
            String problem = SessionKeyCheck.problem(published, true).orElseThrow();
            assertTrue(problem.contains("ACCOLADE_SESSION_KEY") && problem.contains("published"), problem);
            assertEquals(Optional.empty(), SessionKeyCheck.problem(published, false), "dev and tests use them");
        }
    }

    @Test
    void aKeyShorterThanThirtyTwoBytesIsRefused() {
        String problem = SessionKeyCheck.problem("x".repeat(31), true).orElseThrow();
        assertTrue(problem.contains("at least 32 bytes"), problem);
        assertTrue(SessionKeyCheck.problem(null, true).isPresent());
        assertEquals(Optional.empty(), SessionKeyCheck.problem("x".repeat(32), true));
    }

    @Test
    void theDevAndTestProfilesKeysAreAmongThePublishedOnes() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertTrue(SessionKeyCheck.PUBLISHED.contains(p.getProperty("%dev.accolade.session.key")));
        assertTrue(SessionKeyCheck.PUBLISHED.contains(p.getProperty("%test.accolade.session.key")));
    }
}
