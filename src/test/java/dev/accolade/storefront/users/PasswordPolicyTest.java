package dev.accolade.storefront.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The password rules, without the application. */
class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void theShippedListHasTenThousandCommonPasswords() {
        assertEquals(10_000, policy.size(), "distinct entries of the SecLists 10k list");
    }

    @Test
    void shortPasswordsAreRefused() {
        assertEquals(Optional.of("Use at least 12 characters."), policy.problem("elevenchars"));
        assertEquals(Optional.of("Use at least 12 characters."), policy.problem(null));
        assertTrue(policy.problem("twelve chars").isEmpty());
        assertTrue(policy.problem("x".repeat(65)).isPresent());
    }

    @Test
    void commonPasswordsAreRefusedAsTheyAreWithDigitsAddedOrRepeated() {
        for (String p : new String[] { "unbelievable", "Motherfucker", "password1234", "football2024!", "qwertyqwerty",
                "aaaaaaaaaaaa", "abcabcabcabc" }) {
            assertTrue(policy.problem(p).orElse("").contains("commonly used"), p);
        }
        assertTrue(policy.problem("correct horse battery staple").isEmpty());
        assertTrue(policy.problem("Accolade-rewards-2024").isEmpty());
    }
}
