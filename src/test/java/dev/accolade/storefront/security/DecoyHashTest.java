package dev.accolade.storefront.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

/** The decoy an unknown email is checked against costs what a real password check costs. */
class DecoyHashTest {

    @Test
    void decoyHasTheCostOfRealPasswordHashes() {
        String real = BcryptUtil.bcryptHash("any password at all");
        assertEquals(real.substring(0, 7), PasswordCheck.DECOY_HASH.substring(0, 7), "same bcrypt version and cost");
        assertEquals(real.length(), PasswordCheck.DECOY_HASH.length());
    }

    @Test
    void decoyIsAWorkingHashThatNoSignInPasswordMatches() {
        assertTrue(BcryptUtil.matches("decoy-password-never-used", PasswordCheck.DECOY_HASH));
        assertFalse(BcryptUtil.matches("accolade-demo", PasswordCheck.DECOY_HASH));
    }
}
