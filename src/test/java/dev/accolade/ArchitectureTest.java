package dev.accolade;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules, checked on the compiled main code by every {@code ./mvnw verify}: the storefront's
 * features form a tree (and so do all packages), the storefront and the RaaS sandbox never touch (the
 * storefront reaches RaaS through the client, over HTTP), the client and the sandbox stand alone,
 * common code knows no feature, and no code calls a database migration.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.accolade", "db.migration");

    @Test
    void theStorefrontsFeaturesFormATree() {
        slices().matching("dev.accolade.storefront.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noPackagesFormACycle() {
        slices().matching("dev.accolade.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theStorefrontNeverTouchesTheSandbox() {
        noClasses().that().resideInAPackage("dev.accolade.storefront..")
                .should().dependOnClassesThat().resideInAPackage("dev.accolade.raas.sandbox..").check(MAIN);
    }

    @Test
    void theSandboxKnowsNeitherTheStorefrontNorTheClient() {
        noClasses().that().resideInAPackage("dev.accolade.raas.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accolade.storefront..", "dev.accolade.raas.client..")
                .check(MAIN);
    }

    @Test
    void theClientKnowsNeitherTheStorefrontNorTheSandbox() {
        noClasses().that().resideInAPackage("dev.accolade.raas.client..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accolade.storefront..", "dev.accolade.raas.sandbox..")
                .check(MAIN);
    }

    @Test
    void commonKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.accolade.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accolade.storefront..", "dev.accolade.raas..")
                .check(MAIN);
    }

    @Test
    void noCodeCallsAMigration() {
        noClasses().that().resideInAPackage("dev.accolade..")
                .should().dependOnClassesThat().resideInAPackage("db.migration..").check(MAIN);
    }

    @Test
    void theRulesSeeTheCode() {
        // A rule over no classes holds trivially: make sure the import found the application.
        org.junit.jupiter.api.Assertions.assertTrue(MAIN.containPackage("dev.accolade.storefront.orders")
                && MAIN.containPackage("dev.accolade.raas.sandbox") && MAIN.containPackage("db.migration"));
    }
}
