package dev.accolade.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.BuiltClasses;

/**
 * The Allow table is read from Quarkus REST's own routes: it holds every resource class of the code
 * (so none can be missing from it, in a native executable either), and the values it gives for the
 * RaaS API.
 */
@QuarkusTest
class AllowedMethodsTest {

    @Inject
    AllowedMethods allowed;

    @Test
    void theTableHoldsEveryResourceClass() {
        TreeSet<String> inTable = new TreeSet<>(allowed.resources().stream().map(Class::getName).toList());
        TreeSet<String> inCode = new TreeSet<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.accolade").stream().filter(c -> c.isAnnotatedWith(Path.class))
                .filter(BuiltClasses::builtIn)
                .forEach(c -> inCode.add(c.getName()));
        assertEquals(inCode, inTable);
    }

    @Test
    void theRaasApiAllowsWhatItsResourcesDeclare() {
        assertEquals(Optional.of("POST, OPTIONS"), allowed.of("/raas/v1/accounts"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), allowed.of("/raas/v1/accounts/CompanyA/123456"));
        assertEquals(Optional.of("GET, HEAD, POST, OPTIONS"), allowed.of("/raas/v1/orders/"));
        assertEquals(Optional.of("POST, OPTIONS"), allowed.of("/raas/v1//orders/113-08258652-15/resend"));
        assertEquals(Optional.of("POST, OPTIONS"), allowed.of("/raas/v1/cc_fund"));
        assertEquals(Optional.of("GET, HEAD, OPTIONS"), allowed.of("/rewards/12"));
        assertEquals(Optional.of("POST, OPTIONS"), allowed.of("/rewards/12/resend"));
        assertEquals(Optional.empty(), allowed.of("/raas/v1/orders/a/b/c"));
    }
}
