package dev.accolade.storefront.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * What {@code ./mvnw verify} does with the browser tests on a machine with and without Chromium, run
 * through the JUnit engine on a browser test of its own: present → it runs; absent → it is skipped
 * with a reason that says what to install; absent with {@code accolade.browser-tests=required} (CI)
 * → it fails. The Chromium is named explicitly, so the outcome does not depend on this machine's.
 */
class BrowserTestConditionTest {

    /** Runs only under the test kit (nested classes are not picked up by the build's own test run). */
    @BrowserTest
    static class NeedsABrowser {
        static volatile boolean ran;

        @Test
        void usesTheBrowser() {
            ran = true;
        }
    }

    @TempDir
    Path dir;

    private EngineExecutionResults run(Map<String, String> settings) {
        NeedsABrowser.ran = false;
        return EngineTestKit.engine("junit-jupiter").configurationParameters(settings)
                .selectors(selectClass(NeedsABrowser.class)).execute();
    }

    @Test
    void aBrowserTestRunsWhenChromiumIsThere() throws Exception {
        Path chromium = dir.resolve("chromium");
        Files.writeString(chromium, "#!/bin/sh\necho 'Chromium 156.0.0.0'\n");
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));

        EngineExecutionResults results = run(Map.of(ChromiumExecutable.PROPERTY, chromium.toString(),
                ChromiumCondition.MODE, "required"));

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).skipped(0).failed(0));
        assertTrue(NeedsABrowser.ran);
    }

    @Test
    void withoutChromiumABrowserTestIsSkippedAndTheReasonSaysWhatToInstall() {
        Path missing = dir.resolve("no-such-chromium");

        EngineExecutionResults results = run(Map.of(ChromiumExecutable.PROPERTY, missing.toString()));

        results.containerEvents().assertStatistics(s -> s.skipped(1));
        results.testEvents().assertStatistics(s -> s.started(0));
        String reason = results.containerEvents().skipped().stream().findFirst()
                .flatMap(e -> e.getPayload(String.class)).orElseThrow();
        assertTrue(reason.startsWith("no Chromium at " + missing), reason);
        assertTrue(reason.contains("install Debian's chromium (apt-get install -y chromium chromium-driver)"), reason);
        assertTrue(!NeedsABrowser.ran);
    }

    @Test
    void aChromiumThatDoesNotRunCountsAsNone() throws Exception {
        Path broken = dir.resolve("chromium");
        Files.writeString(broken, "#!/bin/sh\necho 'error while loading shared libraries' >&2\nexit 127\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));

        EngineExecutionResults results = run(Map.of(ChromiumExecutable.PROPERTY, broken.toString()));

        results.containerEvents().assertStatistics(s -> s.skipped(1));
        assertTrue(!NeedsABrowser.ran);
    }

    @Test
    void withoutChromiumARequiredBrowserTestFails() {
        Path missing = dir.resolve("no-such-chromium");

        EngineExecutionResults results = run(Map.of(ChromiumExecutable.PROPERTY, missing.toString(),
                ChromiumCondition.MODE, "required"));

        Event failure = results.containerEvents().failed().stream().findFirst().orElseThrow();
        Throwable cause = failure.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertTrue(cause.getMessage().contains("accolade.browser-tests=required, but there is no Chromium at " + missing),
                cause.getMessage());
        assertEquals(0, results.containerEvents().skipped().count());
        assertTrue(!NeedsABrowser.ran);
    }

    @Test
    void theUsualPlacesAndThePathAreSearchedWhenNoneIsNamed() throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path chromium = bin.resolve("chromium-browser");
        Files.writeString(chromium, "#!/bin/sh\necho 'Chromium 156.0.0.0'\n");
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));

        ChromiumExecutable.Lookup onPath = ChromiumExecutable.find(name -> null,
                Map.of("PATH", "/nonexistent:" + bin)::get, java.util.List.of(dir.resolve("usr/bin/chromium").toString()));
        ChromiumExecutable.Lookup named = ChromiumExecutable.find(name -> null,
                Map.of(ChromiumExecutable.ENVIRONMENT, chromium.toString())::get);

        assertEquals(chromium, onPath.executable().orElseThrow());
        assertEquals(chromium, named.executable().orElseThrow());
    }
}
