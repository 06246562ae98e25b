package dev.accolade.storefront.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Page;

/**
 * axe-core, the accessibility engine (npm package {@code axe-core}, installed by
 * {@code npm ci --prefix src-frontend} from {@code src-frontend/package.json}), run in a Playwright
 * page. Without the package a browser test that needs it is skipped with the reason, or fails when
 * {@code accolade.browser-tests=required} (CI installs it).
 */
public final class Axe {

    static final Path SCRIPT = Path.of("src-frontend", "node_modules", "axe-core", "axe.min.js");

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** The engine, or the test is skipped (auto) or failed (required) with what to run. */
    public static Axe load() {
        if (!Files.isRegularFile(SCRIPT)) {
            String why = "axe-core is not installed at " + SCRIPT + ": run npm ci --prefix src-frontend";
            if ("required".equals(System.getProperty(ChromiumCondition.MODE, "auto").strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        try {
            return new Axe(Files.readString(SCRIPT));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCRIPT, e);
        }
    }

    /**
     * The serious and critical violations of the page as it is now, one line each: rule, impact, what
     * it means, and the first elements it names. The engine is put into the page through the browser's
     * devtools protocol, so the page's Content-Security-Policy (no inline script) stays as it is.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate("() => {\n" + source + "\n}");
        }
        Map<String, Object> results = (Map<String, Object>) page.evaluate("async () => { const r = await axe.run(document,"
                + " { resultTypes: ['violations'] }); return { violations: r.violations.map(v => ({ id: v.id,"
                + " impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })) }; }");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) results.get("violations")) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                found.add(v.get("id") + " (" + impact + "): " + v.get("help") + " at " + v.get("targets"));
            }
        }
        return found;
    }
}
