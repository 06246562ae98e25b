package dev.accolade.raas.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.tls.BaseTlsConfiguration;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The certificates the RaaS client trusts, registered as the TLS configuration {@value #NAME}
 * (which {@code quarkus.rest-client.raas.tls-configuration-name} names). With
 * {@code accolade.raas.ca-bundle} set, exactly the CA certificates of that PEM file, as the spec's
 * Troubleshooting section advises; without it, the JVM's trust store. Either way the peer's chain
 * and host name are verified: nothing here can trust all certificates.
 */
class RaasTrust {

    static final String NAME = "raas-client";
    /** The TLS registry's built-in configuration for the JVM's default trust store. */
    static final String JVM_DEFAULT = "javax.net.ssl";

    void register(@Observes @Priority(1) StartupEvent event, TlsConfigurationRegistry registry,
            RaasClientConfig config) {
        TlsConfiguration trust = config.caBundle().filter(path -> !path.isBlank())
                .map(path -> (TlsConfiguration) pemBundle(Path.of(path)))
                .orElseGet(() -> registry.get(JVM_DEFAULT)
                        .orElseThrow(() -> new IllegalStateException("no JVM trust store configuration")));
        registry.register(NAME, trust);
    }

    static PemBundle pemBundle(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("The RaaS CA bundle " + file + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("raas-ca-" + i++, certificate);
            }
            return new PemBundle(store, new PemTrustOptions().addCertPath(file.toAbsolutePath().toString()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The RaaS CA bundle " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Trusts exactly the certificates of a PEM bundle; host names are verified (HTTPS rules). */
    static final class PemBundle extends BaseTlsConfiguration {

        private final KeyStore store;
        private final PemTrustOptions options;

        PemBundle(KeyStore store, PemTrustOptions options) {
            this.store = store;
            this.options = options;
        }

        @Override
        public KeyStore getTrustStore() {
            return store;
        }

        @Override
        public TrustOptions getTrustStoreOptions() {
            return options;
        }

        @Override
        public Optional<String> getHostnameVerificationAlgorithm() {
            return Optional.of("HTTPS");
        }

        @Override
        public boolean isTrustAll() {
            return false;
        }

        @Override
        public SSLContext createSSLContext() throws Exception {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
