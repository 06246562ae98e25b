package dev.accolade.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accolade.common.AllowedMethods;

/**
 * Hostile values (huge, negative and non-numbers, overlong and control-character text, unicode,
 * SQL and markup fragments, bad dates, path traversal) sent to every parameter of every route the
 * application serves, read from its JAX-RS annotations: the storefront's query, form, path and file
 * fields as an administrator, a manager and HR with a valid CSRF token (so validation is reached),
 * and every field of the RaaS API's JSON bodies and query parameters. No answer may be a 5xx or show a
 * stack trace, an exception's class or SQL.
 * <p>
 * The suite sends {@value #DEFAULT_INPUTS} inputs drawn from all single-field cases; run it bigger
 * with {@code -Daccolade.fuzz.inputs=30000} (every single-field case, then random combinations), and
 * repeat a run with {@code -Daccolade.fuzz.seed} (the suite runs seed 20261202, so that its cases are the same on every run).
 */
@QuarkusTest
class HostileInputFuzzTest {

    static final int DEFAULT_INPUTS = 1000;

    /** What no answer may contain: a stack frame, an exception or error class, SQL or a JDBC message. */
    static final Pattern LEAK = Pattern.compile("\\bat (java|jakarta|dev\\.accolade|io\\.quarkus|io\\.vertx|org)\\.[\\w.$]+\\("
            + "|\\b[A-Z]\\w*(Exception|Error)\\b|(?i:\\bSQL ?State\\b|\\bSQL\\b|syntax error at or near|\\bJDBC\\b"
            + "|org\\.hibernate|org\\.h2\\.|org\\.postgresql|\\bselect\\s+[\\w.*, ]+\\s+from\\s+\\w+|\\binsert into\\b"
            + "|\\bupdate\\s+\\w+\\s+set\\b|\\bdelete from\\b|violates (foreign key|unique|check) constraint)");

    @Inject
    AllowedMethods allowed;

    @Test
    void noHostileInputGetsAServerErrorOrALeak() throws Exception {
        int inputs = Integer.getInteger("accolade.fuzz.inputs", DEFAULT_INPUTS);
        long seed = Long.getLong("accolade.fuzz.seed", 20261202L);
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        List<Endpoints.Endpoint> endpoints = Endpoints.of(allowed.resources()).stream()
                .filter(e -> !e.template().contains("logout") && !e.template().contains("sign-out")).toList();
        assertTrue(endpoints.size() > 40, "routes read from the annotations: " + endpoints);
        FuzzCases cases = new FuzzCases(base, endpoints);
        List<FuzzCases.Case> all = cases.singleFieldCases();
        Random random = new Random(seed);
        Collections.shuffle(all, random);
        List<FuzzCases.Case> run = new ArrayList<>(all.subList(0, Math.min(inputs, all.size())));
        while (run.size() < inputs) {
            run.add(cases.combination(random));
        }

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger leaks = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (FuzzCases.Case c : run) {
            pool.submit(() -> {
                HttpResponse<String> r;
                try {
                    r = cases.send(c);
                } catch (RuntimeException e) {
                    serverErrors.incrementAndGet();
                    failures.add("no answer to " + c + ": " + e.getMessage());
                    return;
                }
                int n = sent.incrementAndGet();
                if (r.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                    failures.add(r.statusCode() + " for " + c);
                }
                var leak = LEAK.matcher(r.body());
                if (leak.find()) {
                    leaks.incrementAndGet();
                    failures.add("leak \"" + leak.group() + "\" in " + r.statusCode() + " for " + c);
                }
                if (n % 1000 == 0) {
                    cases.keepSignedIn();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(3, TimeUnit.HOURS));
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = String.format("Fuzz: %d inputs sent to %d routes (%d single-field cases), %d x 5xx, %d leaks, "
                + "%.1f s, seed %d", sent.get(), endpoints.size(), all.size(), serverErrors.get(), leaks.get(), seconds, seed);
        System.out.println(summary);
        List<String> shown = failures.stream().limit(25).toList();
        assertEquals(0, serverErrors.get() + leaks.get(), summary + "\n" + String.join("\n", shown));
    }
}
