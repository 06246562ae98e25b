package dev.accolade.raas.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates made for the TLS tests with the JDK's keytool, once per test JVM: a test CA that
 * signs a server certificate for {@code localhost} only, and a self-signed {@code localhost}
 * certificate that nobody vouches for.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    /** A CA's PEM certificate (null for the self-signed one) and the server's PKCS#12 key store. */
    record Authority(Path caPem, Path serverKeyStore) {
    }

    private static Path dir;
    private static Authority trusted;
    private static Authority rogue;

    private TestCertificates() {
    }

    static synchronized Authority trusted() {
        if (trusted == null) {
            trusted = make("trusted", "Accolade Test CA");
        }
        return trusted;
    }

    static synchronized Authority rogue() {
        if (rogue == null) {
            try {
                Path server = directory().resolve("rogue-server.p12");
                keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                        "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
                rogue = new Authority(null, server);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return rogue;
    }

    private static Path directory() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("raas-tls");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    private static Authority make(String name, String caName) {
        try {
            Path dir = directory();
            Path ca = dir.resolve(name + "-ca.p12");
            Path caPem = dir.resolve(name + "-ca.pem");
            Path server = dir.resolve(name + "-server.p12");
            Path csr = dir.resolve(name + "-server.csr");
            Path signed = dir.resolve(name + "-server.pem");
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + caName, "-ext", "bc:c", "-validity", "2",
                    "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                    "-file", caPem.toString());
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-validity", "2",
                    "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD,
                    "-file", csr.toString());
            keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                    "-infile", csr.toString(), "-outfile", signed.toString(), "-validity", "2",
                    "-ext", "SAN=dns:localhost", "-ext", "EKU=serverAuth");
            // The reply goes in as a chain: server certificate, then its CA.
            Path chain = dir.resolve(name + "-chain.pem");
            Files.writeString(chain, Files.readString(signed, StandardCharsets.US_ASCII)
                    + Files.readString(caPem, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
            keytool("-importcert", "-noprompt", "-trustcacerts", "-alias", "server", "-keystore", server.toString(),
                    "-storepass", PASSWORD, "-file", chain.toString());
            return new Authority(caPem, server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
