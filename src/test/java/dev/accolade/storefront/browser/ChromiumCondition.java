package dev.accolade.storefront.browser;

import java.util.Locale;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link BrowserTest} when Chromium is there. {@code accolade.browser-tests} (a system property,
 * {@code -Daccolade.browser-tests=…} on the Maven command line, or a JUnit configuration parameter)
 * says what to do without one: {@code auto} (the default) skips with the reason, {@code required}
 * fails the test, {@code off} skips every browser test.
 */
public class ChromiumCondition implements ExecutionCondition {

    public static final String MODE = "accolade.browser-tests";
    /** The number of browser tests in this run, set by {@link BrowserTestsSummary} for the reason's text. */
    static final String COUNT = "accolade.browser-tests.count";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String mode = context.getConfigurationParameter(MODE).orElse("auto").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            return ConditionEvaluationResult.disabled("browser tests are off (" + MODE + "=off)");
        }
        if (!mode.equals("auto") && !mode.equals("required")) {
            throw new ExtensionConfigurationException(MODE + " must be auto, required or off, not '" + mode + "'");
        }
        ChromiumExecutable.Lookup lookup = context.getConfigurationParameter(ChromiumExecutable.PROPERTY)
                .map(named -> ChromiumExecutable.find(name -> name.equals(ChromiumExecutable.PROPERTY) ? named : null,
                        System::getenv))
                .orElseGet(ChromiumExecutable::find);
        if (lookup.executable().isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium at " + lookup.executable().get());
        }
        if (mode.equals("required")) {
            throw new ExtensionConfigurationException(MODE + "=required, but there is " + lookup.missing()
                    + ": install Debian's chromium (apt-get install -y chromium chromium-driver) or name one with "
                    + ChromiumExecutable.ENVIRONMENT);
        }
        return ConditionEvaluationResult.disabled(lookup.missing() + "; install Debian's chromium (apt-get install -y"
                + " chromium chromium-driver) or name one with " + ChromiumExecutable.ENVIRONMENT + " to run the" + testCount() + " browser tests");
    }

    private static String testCount() {
        String n = System.getProperty(COUNT);
        return n == null ? "" : " " + n;
    }
}
