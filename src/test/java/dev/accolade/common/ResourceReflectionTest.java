package dev.accolade.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every resource class whose annotations {@link AllowedMethods} reads is registered for reflection,
 * so a native executable reads them too; and the {@code Allow} values it gives for the RaaS API.
 */
@QuarkusTest
class ResourceReflectionTest {

    @Inject
    AllowedMethods allowed;

    @Test
    void everyResourceClassIsRegisteredForReflection() {
        TreeSet<String> resources = new TreeSet<>(allowed.resources().stream().map(Class::getName).toList());
        TreeSet<String> registered = new TreeSet<>(Arrays.asList(
                ResourceReflection.class.getAnnotation(RegisterForReflection.class).classNames()));
        assertEquals(resources, registered);
        assertEquals(21, resources.size(), resources.toString());
    }

    @Test
    void theRaasApiAllowsWhatItsResourcesDeclare() {
        assertEquals(Optional.of("POST, OPTIONS"), allowed.of("/raas/v1/accounts"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), allowed.of("/raas/v1/accounts/CompanyA/123456"));
        assertEquals(Optional.of("GET, HEAD, POST, OPTIONS"), allowed.of("/raas/v1/orders/"));
        assertEquals(Optional.of("POST, OPTIONS"), allowed.of("/raas/v1//orders/113-08258652-15/resend"));
        assertEquals(Optional.of("POST, OPTIONS"), allowed.of("/raas/v1/cc_fund"));
        assertEquals(Optional.empty(), allowed.of("/raas/v1/orders/a/b/c"));
    }
}
