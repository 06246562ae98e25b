package dev.accolade.storefront.sso;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real OpenID Connect provider in a process of its own: the development provider of {@code dev-idp}
 * (navikt's mock-oauth2-server, with the demo people's claims), started on a free port of this machine
 * for the tests that sign in with SSO. Its libraries never meet the application's: the classpath comes
 * from {@code dev-idp/pom.xml}, resolved by Maven once.
 */
public class OidcProviderProcess implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static String issuer;

    /** The provider's issuer URL while it runs. */
    public static String issuer() {
        return issuer;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Path.of("dev-idp").toAbsolutePath();
            Path classpath = Path.of("target/idp-classpath.txt").toAbsolutePath();
            if (!Files.exists(classpath)) {
                Process mvn = new ProcessBuilder(List.of(new File("mvnw").getAbsolutePath(), "-q", "-B", "-f",
                        dir.resolve("pom.xml").toString(), "dependency:build-classpath",
                        "-Dmdep.outputFile=" + classpath)).inheritIO().start();
                if (mvn.waitFor() != 0 || !Files.exists(classpath)) {
                    throw new IllegalStateException("could not resolve the identity provider's classpath (dev-idp)");
                }
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", Files.readString(classpath).strip(),
                    "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt"))
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(Path.of("target/idp.log").toFile());
            pb.environment().put("SERVER_HOSTNAME", "127.0.0.1");
            pb.environment().put("SERVER_PORT", Integer.toString(port));
            pb.environment().put("JSON_CONFIG_PATH", dir.resolve("config.json").toString());
            process = pb.start();
            String base = "http://127.0.0.1:" + port;
            awaitAlive(base + "/isalive");
            issuer = base + "/accolade";
            return Map.of("accolade.sso.issuer", issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAlive(String url) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the identity provider exited (" + process.exitValue() + "); see target/idp.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the identity provider did not answer within 90 s; see target/idp.log");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
