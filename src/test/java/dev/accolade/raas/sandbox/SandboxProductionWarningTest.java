package dev.accolade.raas.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** A production server with the sandbox on says so at every start; dev and tests stay quiet. */
class SandboxProductionWarningTest {

    @Test
    void onlyProductionWithTheSandboxOnIsWarned() {
        assertTrue(SandboxInboxAccess.warns(true, LaunchMode.NORMAL));
        assertFalse(SandboxInboxAccess.warns(false, LaunchMode.NORMAL));
        assertFalse(SandboxInboxAccess.warns(true, LaunchMode.DEVELOPMENT));
        assertFalse(SandboxInboxAccess.warns(true, LaunchMode.TEST));
    }
}
