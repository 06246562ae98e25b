package dev.accolade.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Two instances of the packaged application (target/quarkus-app/quarkus-run.jar, prod profile) on one
 * PostgreSQL database, as two replicas behind a load balancer: a session started on one is valid on
 * the other, a clustered job runs on one of them per trigger, and both keep serving. Each instance
 * runs the reconciler every 2 s and logs its job runs; the instances use their own schema
 * ({@value #SCHEMA}), dropped and created at the start, so they never meet the other integration tests.
 */
class ClusterIT {

    private static final String SCHEMA = "cluster_it";
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int WANTED = 6;
    private static final Pattern RUN = Pattern.compile(
            "Scheduled job send-reconciler ran \\(fire time ([0-9T:.\\-]+Z)\\)");

    private static final String SESSION_KEY = "cluster-" + ItDatabase.random(24);
    private static final String RAAS_KEY = "cluster-raas-" + ItDatabase.random(12);
    private static AppInstance a;
    private static AppInstance b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        AppInstance.freshSchema(SCHEMA);
        try {
            a = start("a").awaitReady();
            b = start("b").awaitReady(); // after a: a has migrated the schema and loaded the demo data
        } catch (Exception | AssertionError e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (AppInstance i : new AppInstance[] { a, b }) {
            if (i != null) {
                i.stop();
            }
        }
    }

    @Test
    void aSessionStartedOnOneInstanceIsValidOnTheOther() {
        Map<String, String> cookies = new HashMap<>();
        Response login = given().get(a.url("/login"));
        cookies.putAll(login.getCookies());
        Response signedIn = given().redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token(login.asString()))
                .formParam("email", "manager@accolade.test").formParam("password", "accolade-demo")
                .post(a.url("/login"));
        signedIn.then().statusCode(303);
        cookies.putAll(signedIn.getCookies());
        assertTrue(cookies.containsKey("accolade-session"), "signed in on a");

        String page = given().redirects().follow(false).cookies(cookies).get(b.url("/")).then().statusCode(200)
                .body(containsString("Morgan Manager")).extract().asString();
        given().redirects().follow(false).get(b.url("/")).then().statusCode(303); // and without it: sign in
        // A form rendered by one instance is accepted by the other (CSRF token and session), and
        // signing out on one ends the session on the other.
        given().redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token(page))
                .post(a.url("/logout")).then().statusCode(303);
        given().redirects().follow(false).cookies(cookies).get(b.url("/")).then().statusCode(303);
    }

    /** The CSRF token of the page's forms. */
    private static String token(String html) {
        var m = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "a form on the page");
        return m.group(1);
    }

    @Test
    void aClusteredJobRunsOnOneInstancePerTriggerAndBothKeepServing() throws Exception {
        // The reconciler's first run is 20 s after the first start; then every 2 s. Both instances
        // serve pages all along, until the runs of WANTED triggers have been logged (or a minute passed).
        Instant until = Instant.now().plusSeconds(60);
        TreeMap<Instant, List<String>> runs = new TreeMap<>();
        while (runs.size() < WANTED && Instant.now().isBefore(until)) {
            for (AppInstance i : new AppInstance[] { a, b }) {
                given().get(i.url("/login")).then().statusCode(200);
            }
            Thread.sleep(500);
            runs = runsByFireTime();
        }
        assertTrue(runs.size() >= WANTED, "the reconciler ran " + runs.size() + " times: " + runs);
        runs.forEach((fire, where) -> assertEquals(1, where.size(), "fire time " + fire + " ran on " + where));
        Instant previous = null;
        for (Instant fire : runs.keySet()) {
            if (previous != null) {
                Duration gap = Duration.between(previous, fire);
                assertTrue(gap.compareTo(PERIOD.minusMillis(100)) >= 0,
                        "runs " + previous + " and " + fire + " are " + gap.toMillis() + " ms apart: two schedules, "
                                + "not one shared by the cluster (" + runs + ")");
            }
            previous = fire;
        }

        for (AppInstance i : new AppInstance[] { a, b }) {
            given().get(i.url("/q/health/ready")).then().statusCode(200).body("status", is("UP"));
            assertTrue(i.process().isAlive(), i.name() + " is running");
        }
    }

    /** Every logged run of the reconciler, by scheduled fire time, with the instances that ran it. */
    private static TreeMap<Instant, List<String>> runsByFireTime() throws IOException {
        TreeMap<Instant, List<String>> runs = new TreeMap<>();
        for (AppInstance i : new AppInstance[] { a, b }) {
            for (Instant fire : runs(i)) {
                runs.computeIfAbsent(fire, t -> new ArrayList<>()).add(i.name());
            }
        }
        return runs;
    }

    private static List<Instant> runs(AppInstance i) throws IOException {
        List<Instant> found = new ArrayList<>();
        for (String line : i.lines()) {
            Matcher m = RUN.matcher(line);
            if (m.find()) {
                found.add(Instant.parse(m.group(1)));
            }
        }
        return found;
    }

    private static AppInstance start(String name) throws IOException {
        return AppInstance.start(new AppInstance.Setup(SCHEMA, "cluster-it", SESSION_KEY, RAAS_KEY), name,
                Map.of("ACCOLADE_RECONCILE_EVERY", PERIOD.toSeconds() + "s"),
                "-Dquarkus.log.category.\"dev.accolade.storefront.ops\".level=DEBUG");
    }
}
