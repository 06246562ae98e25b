package dev.accolade.storefront.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says what happened to the browser tests in one line, where a person sees it: printed when the test
 * run ends and written to {@code target/browser-tests.txt}, which the build prints again as its last
 * step (the pom's {@code browser-tests-summary}). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public class BrowserTestsSummary implements TestExecutionListener {

    static final Path FILE = Path.of("target", "browser-tests.txt");
    private static final TestTag TAG = TestTag.create(BrowserTest.TAG);

    private TestPlan plan;
    private int total;
    private final AtomicInteger skipped = new AtomicInteger();
    private final Set<String> failed = new LinkedHashSet<>();
    private final Set<String> reasons = new LinkedHashSet<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        total = (int) testPlan.countTestIdentifiers(id -> id.isTest() && id.getTags().contains(TAG));
        if (total > 0) {
            System.setProperty(ChromiumCondition.COUNT, Integer.toString(total));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (!id.getTags().contains(TAG)) {
            return;
        }
        int tests = id.isTest() ? 1 : (int) plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
        skipped.addAndGet(tests);
        synchronized (reasons) {
            reasons.add(reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.getTags().contains(TAG) || result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        synchronized (failed) {
            if (id.isTest()) {
                failed.add(id.getUniqueId());
            } else {
                // A class that failed before its tests ran (no Chromium under "required", say) fails them all.
                plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(t -> failed.add(t.getUniqueId()));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (total == 0) {
            return;
        }
        String line;
        if (skipped.get() > 0) {
            line = "Browser tests: " + skipped.get() + " of " + total + " SKIPPED: " + String.join("; ", reasons);
        } else {
            int failures;
            synchronized (failed) {
                failures = failed.size();
            }
            line = failures == 0 ? "Browser tests: all " + total + " passed in Chromium"
                    : "Browser tests: " + failures + " of " + total + " FAILED (see the errors above)";
        }
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not write " + FILE + ": " + e.getMessage());
        }
    }
}
