package dev.accolade.storefront.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Finds a Chromium the browser tests can drive: the executable named by {@code accolade.chromium} (a
 * system property or JUnit configuration parameter) or the {@code ACCOLADE_CHROMIUM} environment
 * variable when one is set, otherwise the first usable one of the usual places (Debian's
 * {@code /usr/bin/chromium} first, then other packages' names and the {@code PATH}). Usable means it
 * runs and answers {@code --version}: a broken install is not taken for a browser.
 */
public final class ChromiumExecutable {

    public static final String PROPERTY = "accolade.chromium";
    public static final String ENVIRONMENT = "ACCOLADE_CHROMIUM";
    public static final Path DEBIAN = Path.of("/usr/bin/chromium");

    private static final List<String> USUAL = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/snap/bin/chromium", "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    private static final List<String> ON_PATH = List.of("chromium", "chromium-browser", "google-chrome-stable",
            "google-chrome");

    /** The executable found, or where none was: what a skipped test's reason names. */
    public record Lookup(Optional<Path> executable, String missing) {
    }

    private static volatile Lookup defaultLookup;

    private ChromiumExecutable() {
    }

    /** The lookup with this JVM's system properties and environment (computed once). */
    public static Lookup find() {
        Lookup lookup = defaultLookup;
        if (lookup == null) {
            lookup = find(System::getProperty, System::getenv);
            defaultLookup = lookup;
        }
        return lookup;
    }

    /** The lookup with the given settings (a name → value function each for properties and environment). */
    static Lookup find(Function<String, String> properties, Function<String, String> environment) {
        return find(properties, environment, USUAL);
    }

    /** The lookup with the given settings, trying {@code usual} before the {@code PATH}. */
    static Lookup find(Function<String, String> properties, Function<String, String> environment,
            List<String> usual) {
        String named = blankToNull(properties.apply(PROPERTY));
        String source = "accolade.chromium";
        if (named == null) {
            named = blankToNull(environment.apply(ENVIRONMENT));
            source = ENVIRONMENT;
        }
        if (named != null) {
            Path path = Path.of(named);
            return usable(path) ? new Lookup(Optional.of(path), null)
                    : new Lookup(Optional.empty(), "no Chromium at " + path + " (named by " + source + ")");
        }
        Set<Path> candidates = new LinkedHashSet<>();
        usual.forEach(p -> candidates.add(Path.of(p)));
        String searchPath = environment.apply("PATH");
        if (searchPath != null) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    ON_PATH.forEach(name -> candidates.add(Path.of(dir, name)));
                }
            }
        }
        List<Path> broken = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                if (usable(candidate)) {
                    return new Lookup(Optional.of(candidate), null);
                }
                broken.add(candidate);
            }
        }
        return new Lookup(Optional.empty(), "no Chromium at " + DEBIAN
                + (broken.isEmpty() ? "" : " (found but not working: " + broken + ")"));
    }

    /** Whether the file is an executable that answers {@code --version} within 20 seconds. */
    static boolean usable(Path path) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(path.toString(), "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
