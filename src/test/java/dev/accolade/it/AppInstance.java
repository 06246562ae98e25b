package dev.accolade.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One instance of the packaged application ({@code target/quarkus-app/quarkus-run.jar}, prod profile)
 * started by an integration test as a replica would be: its own process and port, a PostgreSQL schema
 * of the test's, the embedded sandbox (which it calls over HTTP as it would call RaaS) and the demo
 * data. Tests that run several instances on one schema, or kill one, share this instead of each
 * starting processes its own way.
 *
 * @param name the instance's name in messages and in its log's file name
 * @param process the running JVM
 * @param port the HTTP port on 127.0.0.1
 * @param log everything the process wrote
 */
record AppInstance(String name, Process process, int port, Path log) {

    /** What an instance needs besides the environment a test adds: the schema and the keys it shares. */
    record Setup(String schema, String logPrefix, String sessionKey, String raasKey) {
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** SIGKILL, as the kernel's OOM killer or a node failure would: the JVM runs nothing more. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), name + " did not die");
        return process.exitValue();
    }

    /** SIGTERM, and SIGKILL if it has not stopped within 20 s. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The last 30 lines of the instance's log, for a failure's message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(the log could not be read: " + e + ")";
        }
    }

    /** Every line the instance logged so far. */
    List<String> lines() throws IOException {
        return Files.readAllLines(log);
    }

    /** Drops the schema with everything in it and creates it empty: the first instance migrates it. */
    static void freshSchema(String schema) throws SQLException {
        try (Connection c = ItDatabase.connect(ItDatabase.PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        }
    }

    /**
     * Starts an instance on a free port with the setup's schema and keys, the sandbox at its own address
     * and the demo data, plus {@code env} (which may override any of them) and {@code jvmOptions}.
     */
    static AppInstance start(Setup setup, String name, Map<String, String> env, String... jvmOptions)
            throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String appDir = System.getProperty("accolade.it.app-dir", "target/quarkus-app");
        Path log = Path.of("target", setup.logPrefix() + "-" + name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", Path.of(appDir, "quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("PORT", String.valueOf(port));
        all.put("DB_URL", ItDatabase.url(setup.schema()));
        all.put("DB_USER", ItDatabase.USER);
        all.put("DB_PASSWORD", ItDatabase.PASSWORD);
        all.put("DB_POOL_MAX", "8");
        all.put("LOG_JSON", "false");
        all.put("ACCOLADE_SESSION_KEY", setup.sessionKey());
        all.put("ACCOLADE_RAAS_SANDBOX_ENABLED", "true");
        all.put("ACCOLADE_RAAS_SANDBOX_DEMO_KEY", setup.raasKey());
        all.put("ACCOLADE_RAAS_URL", "http://127.0.0.1:" + port + "/raas/v1");
        all.put("ACCOLADE_RAAS_PLATFORM_NAME", "accolade-demo");
        all.put("ACCOLADE_RAAS_PLATFORM_KEY", setup.raasKey());
        all.put("ACCOLADE_DEMO_DATA_ENABLED", "true");
        all.putAll(env);
        pb.environment().putAll(all);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new AppInstance(name, pb.start(), port, log);
    }

    /** Waits up to 120 s for the instance to answer {@code /q/health/ready} with 200. */
    AppInstance awaitReady() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            assertTrue(process.isAlive(), name + " exited: " + tail());
            try {
                if (given().get(url("/q/health/ready")).statusCode() == 200) {
                    return this;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not ready within 120 s: " + tail());
    }

    /** Polls every 250 ms until {@code done}, failing with {@code failure} after {@code limit}. */
    static void waitFor(Duration limit, String failure, BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(until), failure);
            Thread.sleep(250);
        }
    }
}
