package dev.accolade.raas.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates made for the TLS tests with the JDK's keytool: two independent CAs, each signing a
 * server certificate for {@code localhost} only. Made once per test JVM.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    /** A CA's PEM certificate and the PKCS#12 key store of the server it signed. */
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
            rogue = make("rogue", "Someone Else CA");
        }
        return rogue;
    }

    private static Authority make(String name, String caName) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("raas-tls");
                dir.toFile().deleteOnExit();
            }
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
